package dev.keyshard.mpc.keys;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.proto.GroupProto;
import dev.keyshard.mpc.proto.KeyShareProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The storage form of a FROST {@link KeyShare}: protobuf {@code KeyShareProto}, format version
 * {@value #VERSION} (inside vault share files, which encrypt it).
 *
 * <p>Encoding exports the signing share, so it takes a {@link SecretAccess} token. Decoding is
 * strict: known version and group, canonical protobuf, one verifying share per party, a committee
 * of 2 ≤ t ≤ n ≤ 16, and a signing share that matches its party's verifying share.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeyShareCodec {
  /** The current storage format. */
  public static final int VERSION = 1;
  /** Far above the largest valid encoding (16 parties). */
  public static final int MAX_BYTES = 4096;

  private KeyShareCodec() {}

  /** The share with its secret, as bytes to encrypt. */
  public static byte[] encode(KeyShare share, SecretAccess access) {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(access, "SecretAccess");
    PublicKeyPackage pk = share.publicKeys();
    KeyShareProto.Builder b = KeyShareProto.newBuilder()
        .setVersion(VERSION)
        .setGroup(pk.group() instanceof Ed25519 ? GroupProto.GROUP_ED25519
            : GroupProto.GROUP_SECP256K1)
        .setThreshold(pk.committee().threshold())
        .setSelf(share.self().value())
        .setGroupKey(ByteString.copyFrom(pk.groupKey().toBytes()));
    for (PartyId id : pk.committee().parties()) {
      b.addParties(id.value());
      b.addVerifyingShares(ByteString.copyFrom(pk.verifyingShare(id).toBytes()));
    }
    byte[] signing = share.signingShare().toBytes(access);
    b.setSigningShare(ByteString.copyFrom(signing));
    Arrays.fill(signing, (byte) 0);
    return b.build().toByteArray();
  }

  /**
   * @throws InvalidEncodingException when the bytes are not a valid version-1 share
   */
  public static KeyShare decode(byte[] bytes, SecretAccess access) throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(access, "SecretAccess");
    if (bytes.length > MAX_BYTES) {
      throw new InvalidEncodingException("key share encoding is too large");
    }
    KeyShareProto p;
    try {
      p = KeyShareProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidEncodingException("key share does not parse");
    }
    if (!p.getUnknownFields().asMap().isEmpty() || !Arrays.equals(p.toByteArray(), bytes)) {
      throw new InvalidEncodingException("key share is not in canonical encoding");
    }
    if (p.getVersion() != VERSION) {
      throw new InvalidEncodingException("unknown key share version " + p.getVersion());
    }
    Group g = switch (p.getGroup()) {
      case GROUP_ED25519 -> Ed25519.INSTANCE;
      case GROUP_SECP256K1 -> Secp256k1.INSTANCE;
      case GROUP_UNSPECIFIED, UNRECOGNIZED -> throw new InvalidEncodingException("unknown group");
    };
    try {
      List<PartyId> ids = new ArrayList<>();
      for (int id : p.getPartiesList()) {
        ids.add(PartyId.of(id));
      }
      Committee committee = Committee.of(p.getThreshold(), ids);
      if (p.getVerifyingSharesCount() != committee.size()) {
        throw new InvalidEncodingException("verifying shares do not match the committee");
      }
      Map<PartyId, Point> verifying = new TreeMap<>();
      Iterator<ByteString> vs = p.getVerifyingSharesList().iterator();
      for (PartyId id : committee.parties()) {
        verifying.put(id, g.decodePoint(vs.next().toByteArray()));
      }
      PublicKeyPackage pk = new PublicKeyPackage(g, committee,
          g.decodePoint(p.getGroupKey().toByteArray()), verifying);
      byte[] signing = p.getSigningShare().toByteArray();
      try {
        return new KeyShare(PartyId.of(p.getSelf()), SecretScalar.decode(g, signing), pk);
      } finally {
        Arrays.fill(signing, (byte) 0);
      }
    } catch (IllegalArgumentException e) {
      // Committee, PartyId, PublicKeyPackage and KeyShare validate their inputs; any refusal
      // means the stored share is not valid.
      throw new InvalidEncodingException("invalid key share: " + e.getMessage());
    }
  }
}
