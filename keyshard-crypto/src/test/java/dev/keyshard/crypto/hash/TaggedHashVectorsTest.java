package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.Test;

/**
 * BIP-340 tagged hashes against bip-0340/test-vectors.csv rows 0-2 (vectors/bip340/SOURCE.md),
 * through a small verifier and a small signer written here, and TapTweak against the BIP-341
 * wallet vectors (vectors/bip341/SOURCE.md).
 */
class TaggedHashVectorsTest {
  private static final Secp256k1 K1 = Secp256k1.INSTANCE;

  /** BIP-340 Verify: R = s·G − e·P; fail if R is infinite, has odd y, or x(R) ≠ r. */
  static boolean verify(byte[] pkX, byte[] msg, byte[] sig) throws Exception {
    Secp256k1Point p = K1.liftX(pkX);
    byte[] r = Arrays.copyOfRange(sig, 0, 32);
    Scalar s = K1.decodeScalar(Arrays.copyOfRange(sig, 32, 64));
    Scalar e = TaggedHash.challenge(r, pkX, msg);
    Point bigR = K1.multiplyGeneratorAndAdd(s, e.negate(), p);
    return !bigR.isIdentity() && ((Secp256k1Point) bigR).hasEvenY()
        && Arrays.equals(((Secp256k1Point) bigR).xOnly(), r);
  }

  @Test
  void bip340VectorsVerifyThroughTheChallengeHash() throws Exception {
    for (Map<String, String> v : VectorFile.read("bip340/test-vectors-subset.txt")) {
      byte[] pk = VectorFile.hex(v, "public_key");
      byte[] msg = VectorFile.hex(v, "message");
      byte[] sig = VectorFile.hex(v, "signature");
      assertTrue(verify(pk, msg, sig), "row " + v.get("index"));
      byte[] otherMsg = msg.clone();
      otherMsg[0] ^= 1;
      assertFalse(verify(pk, otherMsg, sig), "row " + v.get("index") + " with another message");
    }
  }

  /** BIP-340 Sign, default signing with aux_rand: exercises the aux and nonce tags too. */
  @Test
  void bip340VectorsSignBitForBit() throws Exception {
    for (Map<String, String> v : VectorFile.read("bip340/test-vectors-subset.txt")) {
      Scalar d0 = K1.decodeScalar(VectorFile.hex(v, "secret_key"));
      Secp256k1Point p = (Secp256k1Point) K1.multiplyGenerator(d0);
      assertArrayEquals(VectorFile.hex(v, "public_key"), p.xOnly());
      Scalar d = p.hasEvenY() ? d0 : d0.negate();
      byte[] msg = VectorFile.hex(v, "message");
      byte[] t = d.toBytes();
      byte[] auxHash = TaggedHash.BIP340_AUX.hash(VectorFile.hex(v, "aux_rand"));
      for (int i = 0; i < 32; i++) {
        t[i] ^= auxHash[i];
      }
      Scalar k0 = TaggedHash.BIP340_NONCE.hashToScalar(t, p.xOnly(), msg);
      Secp256k1Point r = (Secp256k1Point) K1.multiplyGenerator(k0);
      Scalar k = r.hasEvenY() ? k0 : k0.negate();
      Scalar e = TaggedHash.challenge(r.xOnly(), p.xOnly(), msg);
      byte[] sig = Arrays.copyOf(r.xOnly(), 64);
      System.arraycopy(k.add(e.multiply(d)).toBytes(), 0, sig, 32, 32);
      assertArrayEquals(VectorFile.hex(v, "signature"), sig, "row " + v.get("index"));
    }
  }

  @Test
  void taggedHashIsShaOfDoubledTagHash() {
    byte[] tagHash = sha256("BIP0340/challenge".getBytes(StandardCharsets.UTF_8));
    byte[] m = "abc".getBytes(StandardCharsets.US_ASCII);
    byte[] expected = sha256(tagHash, tagHash, m);
    assertArrayEquals(expected, TaggedHash.BIP340_CHALLENGE.hash(m));
    assertArrayEquals(expected,
        TaggedHash.of("BIP0340/challenge").hash(new byte[] {'a'}, new byte[] {'b', 'c'}));
    assertFalse(Arrays.equals(expected, TaggedHash.of("BIP0340/nonce").hash(m)));
  }

  @Test
  void tapTweakMatchesBip341WalletVectors() throws Exception {
    for (Map<String, String> v : VectorFile.read("bip341/taptweak-subset.txt")) {
      byte[] internal = VectorFile.hex(v, "internal_pubkey");
      Scalar t = TaggedHash.tapTweak(internal, VectorFile.hex(v, "merkle_root"));
      assertArrayEquals(VectorFile.hex(v, "tweak"), t.toBytes(), v.get("case"));
      // taproot_tweak_pubkey: Q = lift_x(P) + t·G; the output key is x(Q).
      Secp256k1Point q = (Secp256k1Point) K1.liftX(internal).add(K1.multiplyGenerator(t));
      assertArrayEquals(VectorFile.hex(v, "tweaked_pubkey"), q.xOnly(), v.get("case"));
    }
  }

  @Test
  void rejectsWrongLengths() {
    byte[] x = new byte[32];
    assertThrows(IllegalArgumentException.class, () -> TaggedHash.challenge(new byte[31], x, x));
    assertThrows(IllegalArgumentException.class, () -> TaggedHash.challenge(x, new byte[33], x));
    assertThrows(IllegalArgumentException.class, () -> TaggedHash.tapTweak(new byte[33], new byte[0]));
    assertThrows(IllegalArgumentException.class, () -> TaggedHash.tapTweak(x, new byte[31]));
    assertEquals("TapTweak", TaggedHash.TAP_TWEAK.tag());
    assertEquals("BIP0340/challenge", TaggedHash.BIP340_CHALLENGE.tag());
  }

  private static byte[] sha256(byte[]... parts) {
    SHA256Digest d = new SHA256Digest();
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
