package dev.keyshard.mpc.dkls23;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.KosReceiverSetup;
import dev.keyshard.crypto.ot.KosSenderSetup;
import dev.keyshard.crypto.secret.SecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import dev.keyshard.mpc.proto.Dkls23KeyShareProto;
import dev.keyshard.mpc.proto.Dkls23PeerSetupProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The storage form of a {@link Dkls23KeyShare}: protobuf {@code Dkls23KeyShareProto}, format
 * version {@value #VERSION} (for the CLI's share files and, encrypted, the vault keystore).
 *
 * <p>Encoding exports every secret of the share, so it takes a {@link SecretAccess} token (an
 * {@code InsecureSecretAccess} call site, as Tink's key serialisation does); the bytes must be
 * encrypted before they touch a disk. Decoding is strict: known version, canonical protobuf,
 * exact lengths, valid points and scalars, a committee of 2 ≤ t ≤ n ≤ 16, peers exactly the other
 * members, and a signing share that matches the party's verifying share.
 *
 * <p>A pair burned by a failed KOS15 check is stored as burned, without its sender setup, and
 * decodes burned: {@link Dkls23SignParty} then refuses to sign with that peer.
 *
 * <p>Stateless and thread-safe.
 */
public final class Dkls23KeyShareCodec {
  /** The current storage format. */
  public static final int VERSION = 1;
  /** Largest encoding accepted (n = 16 with 1,024 base OTs fits well below). */
  public static final int MAX_BYTES = 4 << 20;

  private Dkls23KeyShareCodec() {}

  /** The share with all its secrets, as bytes to encrypt. */
  public static byte[] encode(Dkls23KeyShare share, SecretAccess access) {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(access, "SecretAccess");
    PublicKeyPackage pk = share.publicKeys();
    Dkls23KeyShareProto.Builder b = Dkls23KeyShareProto.newBuilder()
        .setVersion(VERSION)
        .setThreshold(pk.committee().threshold())
        .setSelf(share.self().value())
        .setGroupKey(ByteString.copyFrom(pk.groupKey().toBytes()))
        .setKeygenId(ByteString.copyFrom(share.keygenId()))
        .setChainCode(ByteString.copyFrom(share.chainCode()));
    for (PartyId id : pk.committee().parties()) {
      b.addParties(id.value());
      b.addVerifyingShares(ByteString.copyFrom(pk.verifyingShare(id).toBytes()));
    }
    byte[] signing = share.signingShare().toBytes(access);
    b.setSigningShare(ByteString.copyFrom(signing));
    Arrays.fill(signing, (byte) 0);
    for (Map.Entry<PartyId, PeerSetup> e : share.peers().entrySet()) {
      PeerSetup p = e.getValue();
      Dkls23PeerSetupProto.Builder peer = Dkls23PeerSetupProto.newBuilder()
          .setPeer(e.getKey().value())
          .setZeroSeed(ByteString.copyFrom(p.zeroSeed()));
      if (p.asAlice().isBurned()) {
        // A burned pair keeps no Δ: only the burn is stored, so a reload still refuses the peer.
        peer.setOtAsAliceBurned(true);
      } else {
        peer.setOtAsAlice(ByteString.copyFrom(p.asAlice().toBytes(access)));
      }
      b.addPeers(peer.setOtAsBob(ByteString.copyFrom(p.asBob().toBytes(access))));
    }
    return b.build().toByteArray();
  }

  /**
   * @throws InvalidEncodingException when the bytes are not a valid version-1 share
   */
  public static Dkls23KeyShare decode(byte[] bytes, SecretAccess access)
      throws InvalidEncodingException {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(access, "SecretAccess");
    if (bytes.length > MAX_BYTES) {
      throw new InvalidEncodingException("key share encoding is too large");
    }
    Dkls23KeyShareProto p;
    try {
      p = Dkls23KeyShareProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidEncodingException("key share does not parse");
    }
    if (!p.getUnknownFields().asMap().isEmpty() || !Arrays.equals(p.toByteArray(), bytes)) {
      throw new InvalidEncodingException("key share is not in canonical encoding");
    }
    if (p.getVersion() != VERSION) {
      throw new InvalidEncodingException("unknown key share version " + p.getVersion());
    }
    try {
      List<PartyId> ids = new ArrayList<>();
      for (int id : p.getPartiesList()) {
        ids.add(PartyId.of(id));
      }
      Committee committee = Committee.of(p.getThreshold(), ids);
      if (p.getVerifyingSharesCount() != committee.size()
          || p.getPeersCount() != committee.size() - 1) {
        throw new InvalidEncodingException("key share lists do not match the committee");
      }
      Secp256k1 g = Secp256k1.INSTANCE;
      Map<PartyId, Point> verifying = new TreeMap<>();
      Iterator<ByteString> vs = p.getVerifyingSharesList().iterator();
      for (PartyId id : committee.parties()) {
        verifying.put(id, g.decodePoint(vs.next().toByteArray()));
      }
      PublicKeyPackage pk = new PublicKeyPackage(g, committee,
          g.decodePoint(p.getGroupKey().toByteArray()), verifying);
      byte[] signing = p.getSigningShare().toByteArray();
      KeyShare keyShare;
      try {
        keyShare = new KeyShare(PartyId.of(p.getSelf()), SecretScalar.decode(g, signing), pk);
      } finally {
        Arrays.fill(signing, (byte) 0);
      }
      Map<PartyId, PeerSetup> peers = new TreeMap<>();
      for (Dkls23PeerSetupProto peer : p.getPeersList()) {
        KosReceiverSetup asBob =
            KosReceiverSetup.fromBytes(peer.getOtAsBob().toByteArray(), access);
        KosSenderSetup asAlice;
        if (peer.getOtAsAliceBurned()) {
          if (!peer.getOtAsAlice().isEmpty()) {
            throw new InvalidEncodingException("burned peer setup must not hold an OT setup");
          }
          asAlice = KosSenderSetup.burnedPlaceholder(asBob.count());
        } else {
          asAlice = KosSenderSetup.fromBytes(peer.getOtAsAlice().toByteArray(), access);
        }
        PeerSetup setup = new PeerSetup(peer.getZeroSeed().toByteArray(), asAlice, asBob);
        if (peers.put(PartyId.of(peer.getPeer()), setup) != null) {
          throw new InvalidEncodingException("duplicate peer setup");
        }
      }
      return new Dkls23KeyShare(keyShare, p.getKeygenId().toByteArray(),
          p.getChainCode().toByteArray(), peers);
    } catch (IllegalArgumentException e) {
      // Committee, PartyId, KeyShare, the OT setups and the share constructor validate their
      // inputs; any refusal means the stored share is not valid.
      throw new InvalidEncodingException("invalid key share: " + e.getMessage());
    }
  }
}
