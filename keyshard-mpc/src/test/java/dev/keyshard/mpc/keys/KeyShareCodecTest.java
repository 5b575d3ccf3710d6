package dev.keyshard.mpc.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.local.FrostLocal;
import dev.keyshard.mpc.proto.GroupProto;
import dev.keyshard.mpc.proto.KeyShareProto;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link KeyShareCodec}: FROST shares round-trip on both groups, sign after reloading (checked by
 * BouncyCastle), and a damaged or inconsistent encoding is refused.
 */
class KeyShareCodecTest {
  static Stream<Group> groups() {
    return Stream.of(Ed25519.INSTANCE, Secp256k1.INSTANCE);
  }

  private static SecureRandom seeded(String label) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(label.getBytes(StandardCharsets.UTF_8));
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] encode(KeyShare s) {
    return KeyShareCodec.encode(s, InsecureSecretAccess.get());
  }

  private static KeyShare decode(byte[] b) throws InvalidEncodingException {
    return KeyShareCodec.decode(b, InsecureSecretAccess.get());
  }

  @ParameterizedTest
  @MethodSource("groups")
  void roundTripsExactly(Group g) throws Exception {
    for (KeyShare s : FrostLocal.keygen(g, 2, 3, seeded("rt" + g.name())).shares()) {
      byte[] bytes = encode(s);
      KeyShare back = decode(bytes);
      assertEquals(s.self(), back.self());
      assertEquals(s.publicKeys(), back.publicKeys());
      assertTrue(s.signingShare().equalsSecret(back.signingShare()));
      assertArrayEquals(bytes, encode(back));
    }
  }

  @Test
  void reloadedEd25519SharesSignForBouncyCastle() throws Exception {
    SecureRandom rng = seeded("sign");
    List<KeyShare> shares = FrostLocal.keygen(Ed25519.INSTANCE, 2, 3, rng).shares();
    List<KeyShare> reloaded = new ArrayList<>();
    for (KeyShare s : List.of(shares.get(0), shares.get(2))) {
      reloaded.add(decode(encode(s)));
    }
    byte[] msg = "reloaded".getBytes(StandardCharsets.UTF_8);
    byte[] sig = FrostLocal.sign(Ed25519Sha512.INSTANCE, reloaded, msg, rng).signature().toBytes();
    Ed25519Signer v = new Ed25519Signer();
    v.init(false, new Ed25519PublicKeyParameters(
        shares.get(0).publicKeys().groupKey().toBytes(), 0));
    v.update(msg, 0, msg.length);
    assertTrue(v.verifySignature(sig));
  }

  @Test
  void damagedEncodingsAreRefused() throws Exception {
    KeyShare s = FrostLocal.keygen(Ed25519.INSTANCE, 2, 3, seeded("bad")).shares().get(1);
    byte[] good = encode(s);
    KeyShareProto p = KeyShareProto.parseFrom(good);
    List<byte[]> bad = new ArrayList<>();
    bad.add(new byte[0]);
    bad.add(java.util.Arrays.copyOf(good, good.length - 1));
    bad.add(new byte[KeyShareCodec.MAX_BYTES + 1]);
    bad.add(p.toBuilder().setVersion(2).build().toByteArray());
    bad.add(p.toBuilder().setGroup(GroupProto.GROUP_UNSPECIFIED).build().toByteArray());
    bad.add(p.toBuilder().setGroup(GroupProto.GROUP_SECP256K1).build().toByteArray());
    bad.add(p.toBuilder().setThreshold(4).build().toByteArray());
    bad.add(p.toBuilder().setSelf(7).build().toByteArray());
    bad.add(p.toBuilder().clearVerifyingShares()
        .addAllVerifyingShares(p.getVerifyingSharesList().subList(0, 2)).build().toByteArray());
    // The signing share of another party: no longer matches this party's verifying share.
    byte[] other = KeyShareProto.parseFrom(
        encode(FrostLocal.keygen(Ed25519.INSTANCE, 2, 3, seeded("other")).shares().get(1)))
        .getSigningShare().toByteArray();
    bad.add(p.toBuilder().setSigningShare(ByteString.copyFrom(other)).build().toByteArray());
    // Trailing unknown field.
    byte[] extra = java.util.Arrays.copyOf(good, good.length + 2);
    extra[good.length] = (byte) 0x78; // field 15, varint
    bad.add(extra);
    for (byte[] b : bad) {
      InvalidEncodingException e = assertThrows(InvalidEncodingException.class, () -> decode(b),
          HexFormat.of().formatHex(b, 0, Math.min(b.length, 16)));
      String secretHex = HexFormat.of().formatHex(p.getSigningShare().toByteArray());
      assertFalse(String.valueOf(e.getMessage()).contains(secretHex));
    }
  }

  @Test
  void toStringShowsNoSecret() throws Exception {
    KeyShare s = FrostLocal.keygen(Ed25519.INSTANCE, 2, 2, seeded("str")).shares().get(0);
    String secretHex = HexFormat.of().formatHex(
        KeyShareProto.parseFrom(encode(s)).getSigningShare().toByteArray());
    assertFalse(s.toString().contains(secretHex));
    assertTrue(s.toString().contains("redacted"));
  }
}
