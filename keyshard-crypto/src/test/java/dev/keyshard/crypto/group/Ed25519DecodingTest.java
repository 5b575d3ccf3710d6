package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.G;
import static dev.keyshard.crypto.group.Ed25519TestSupport.hex;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleBase;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleEncode;
import static dev.keyshard.crypto.group.Ed25519TestSupport.unhex;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cafe.cryptography.curve25519.EdwardsPoint;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Strict decoding: RFC 8032 §5.1.3 plus RFC 9591 §6.1 DeserializeElement's subgroup checks. */
class Ed25519DecodingTest {

  private static void assertRejected(String encodingHex, String reasonFragment) {
    InvalidEncodingException e = assertThrows(InvalidEncodingException.class,
        () -> G.decodePoint(unhex(encodingHex)), encodingHex);
    assertTrue(e.getMessage().contains(reasonFragment), e.getMessage());
  }

  @Test
  void rejectsAllEightSmallOrderPoints() throws Exception {
    List<EdwardsPoint> torsion = Ed25519TestSupport.torsionSubgroup();
    Set<String> encodings = torsion.stream().map(p -> hex(oracleEncode(p))).collect(Collectors.toSet());
    assertEquals(8, encodings.size(), "E[8] has eight distinct points");
    // The well-known members: identity (y = 1), (0, −1) of order 2, and (±√−1, 0) of order 4.
    assertTrue(encodings.contains("0100000000000000000000000000000000000000000000000000000000000000"));
    assertTrue(encodings.contains("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));
    assertTrue(encodings.contains("0000000000000000000000000000000000000000000000000000000000000000"));
    assertTrue(encodings.contains("0000000000000000000000000000000000000000000000000000000000000080"));
    for (String enc : encodings) {
      // RFC 8032 decoding accepts them (they are curve points) ...
      assertDoesNotThrow(() -> PointCodec.decode(unhex(enc)), enc);
      // ... but the group rejects each: the identity explicitly, the others as outside the subgroup.
      if (enc.startsWith("01000000")) {
        assertRejected(enc, "identity");
      } else {
        assertRejected(enc, "prime-order subgroup");
      }
    }
  }

  @Test
  void rejectsMixedOrderPoints() throws Exception {
    // B + T and k·B + T for each non-trivial torsion point T: on the curve, not in the subgroup.
    EdwardsPoint kb = oracleBase().multiply(Ed25519TestSupport.oracleScalar(G.scalarOf(123456789)));
    for (EdwardsPoint t : Ed25519TestSupport.torsionSubgroup()) {
      if (t.isIdentity()) {
        continue;
      }
      for (EdwardsPoint p : List.of(oracleBase(), kb)) {
        String enc = hex(oracleEncode(p.add(t)));
        assertDoesNotThrow(() -> PointCodec.decode(unhex(enc)));
        assertRejected(enc, "prime-order subgroup");
      }
    }
  }

  @Test
  void rejectsNonCanonicalY() {
    // y = p (≡ 0) and y = p + 1 (≡ 1): reduced, these would be an order-4 point and the identity.
    assertRejected("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "non-canonical");
    assertRejected("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "non-canonical");
    // The same with the sign bit set, and the largest 255-bit value 2^255 − 1.
    assertRejected("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "non-canonical");
    assertRejected("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "non-canonical");
    assertRejected("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", "non-canonical");
    // y = p − 1 is canonical: it decodes (to the order-2 point) under RFC 8032.
    assertDoesNotThrow(() -> PointCodec.decode(
        unhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")));
  }

  @Test
  void rejectsYWithNoCurvePoint() {
    // y = 2 has no x (u/v is not a square); so do about half of all y.
    assertRejected("0200000000000000000000000000000000000000000000000000000000000000", "not on the curve");
    Random rng = new Random(5);
    int offCurve = 0;
    for (int i = 0; i < 64; i++) {
      byte[] y = new byte[32];
      rng.nextBytes(y);
      y[31] &= 0x7F;
      boolean oracleAccepts;
      try {
        Ed25519TestSupport.oracleDecode(y);
        oracleAccepts = true;
      } catch (Exception e) {
        oracleAccepts = false;
      }
      if (!oracleAccepts) {
        offCurve++;
        byte[] copy = y.clone();
        InvalidEncodingException e =
            assertThrows(InvalidEncodingException.class, () -> G.decodePoint(copy));
        assertTrue(e.getMessage().contains("not on the curve"), e.getMessage());
      }
    }
    assertTrue(offCurve > 10, "the sample should include off-curve y values");
  }

  @Test
  void rejectsXZeroWithSignBit() {
    // x = 0 happens for y = 1 and y = −1; the sign bit then has no point to name (§5.1.3 step 4).
    assertRejected("0100000000000000000000000000000000000000000000000000000000000080", "x = 0");
    assertRejected("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "x = 0");
  }

  @Test
  void rejectsWrongLengths() {
    byte[] b = G.generator().toBytes();
    assertThrows(InvalidEncodingException.class, () -> G.decodePoint(new byte[31]));
    assertThrows(InvalidEncodingException.class, () -> G.decodePoint(new byte[33]));
    assertThrows(InvalidEncodingException.class, () -> G.decodePoint(java.util.Arrays.copyOf(b, 31)));
    assertThrows(InvalidEncodingException.class, () -> G.decodePoint(null));
  }

  @Test
  void acceptsSubgroupPointsAndRoundTrips() throws Exception {
    Random rng = new Random(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 32; i++) {
      byte[] wide = new byte[64];
      rng.nextBytes(wide);
      Point p = G.multiplyGenerator(G.reduce(wide));
      byte[] enc = p.toBytes();
      Point q = G.decodePoint(enc);
      assertEquals(p, q);
      assertEquals(p.hashCode(), q.hashCode());
      assertEquals(hex(enc), hex(q.toBytes()));
      seen.add(hex(enc));
    }
    assertEquals(32, seen.size());
    assertEquals("5866666666666666666666666666666666666666666666666666666666666666",
        hex(G.decodePoint(unhex("5866666666666666666666666666666666666666666666666666666666666666")).toBytes()));
  }

  @Test
  void rfc8032VerifierUsesRfc8032DecodingNotTheStrictOne() {
    // RFC 8032 §5.1.7 does not reject small-order keys: with A = R = identity and S = 0 the
    // cofactorless equation [0]B = O + [k]O holds. Strict subgroup checks belong to FROST's
    // DeserializeElement, not to plain Ed25519 verification.
    byte[] identity = unhex("0100000000000000000000000000000000000000000000000000000000000000");
    byte[] sig = new byte[64];
    System.arraycopy(identity, 0, sig, 0, 32);
    assertTrue(Ed25519.verifyRfc8032(identity, new byte[] {1, 2, 3}, sig));
    // A non-canonical identity key (y = p + 1) does not decode, so it verifies nothing.
    byte[] nonCanonical = unhex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
    assertFalse(Ed25519.verifyRfc8032(nonCanonical, new byte[] {1, 2, 3}, sig));
  }

  @Test
  void verifierIsCofactorlessForMixedOrderKeys() throws Exception {
    // A = a·B + T with T of order 8. An honest-looking signature S = r + k·a satisfies
    // [S]B = R + [k]A exactly when [k]T = O, i.e. k ≡ 0 (mod 8). RFC 8032 decoding accepts A, so
    // the cofactorless check must decide, and it must use [k]A itself: −[k]A, not [L − k]A
    // (they differ by [L]A = [L mod 8]T ≠ O).
    EdwardsPoint t = Ed25519TestSupport.torsionSubgroup().get(1);
    Scalar a = G.scalarOf(0x5eed);
    Scalar r = G.scalarOf(0xbeef);
    byte[] pk = oracleEncode(
        oracleBase().multiply(Ed25519TestSupport.oracleScalar(a)).add(t));
    byte[] rBytes = G.multiplyGenerator(r).toBytes();
    boolean sawMultipleOf8 = false;
    boolean sawOther = false;
    for (int m = 0; m < 200 && !(sawMultipleOf8 && sawOther); m++) {
      byte[] msg = {(byte) m, (byte) (m >> 8)};
      org.bouncycastle.crypto.digests.SHA512Digest sha = new org.bouncycastle.crypto.digests.SHA512Digest();
      sha.update(rBytes, 0, 32);
      sha.update(pk, 0, 32);
      sha.update(msg, 0, msg.length);
      byte[] h = new byte[64];
      sha.doFinal(h, 0);
      Scalar k = G.reduce(h);
      byte[] sig = new byte[64];
      System.arraycopy(rBytes, 0, sig, 0, 32);
      System.arraycopy(r.add(k.multiply(a)).toBytes(), 0, sig, 32, 32);
      boolean kMultipleOf8 = (k.toBytes()[0] & 7) == 0;
      assertEquals(kMultipleOf8, Ed25519.verifyRfc8032(pk, msg, sig), "message " + m);
      sawMultipleOf8 |= kMultipleOf8;
      sawOther |= !kMultipleOf8;
    }
    assertTrue(sawMultipleOf8 && sawOther);
  }
}
