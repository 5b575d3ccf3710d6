package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleBase;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleEncode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cafe.cryptography.curve25519.EdwardsPoint;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.bouncycastle.math.ec.rfc7748.X25519Field;
import org.junit.jupiter.api.Test;

/**
 * The halving-and-quartic-symbol subgroup test ({@link SubgroupCheck}) against the textbook
 * [L]·P = identity and against the known structure E = E[8] ⊕ ⟨B⟩. Points come from the
 * curve25519-elisabeth oracle and enter through RFC 8032 decoding, which accepts every curve point.
 */
class SubgroupCheckTest {
  private static final BigInteger P =
      BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

  private static ExtendedPoint decode(EdwardsPoint p) throws InvalidEncodingException {
    return PointCodec.decode(oracleEncode(p));
  }

  private static EdwardsPoint multipleOfBase(Random r) {
    byte[] wide = new byte[64];
    r.nextBytes(wide);
    return oracleBase().multiply(Ed25519TestSupport.oracleScalar(Ed25519.INSTANCE.reduce(wide)));
  }

  /** Both tests, on the decoded (affine) point and on a projective copy with Z ≠ 1. */
  private static void assertMembership(boolean expected, EdwardsPoint p, String what)
      throws InvalidEncodingException {
    ExtendedPoint e = decode(p);
    assertEquals(expected, SubgroupCheck.inPrimeOrderSubgroup(e.x, e.y), what);
    assertEquals(expected, SubgroupCheck.byOrderMultiplication(e), what + " (oracle)");
    ExtendedPoint doubled = e.copy();
    ExtendedPoint.add(doubled, CachedPoint.of(ExtendedPoint.identity()), false, doubled,
        new ExtendedPoint.Scratch(), true); // P + O: same point, Z ≠ 1
    assertEquals(expected, SubgroupCheck.inPrimeOrderSubgroup(doubled), what + " (projective)");
  }

  @Test
  void eightTorsionPointsAreOutsideExceptTheIdentity() throws Exception {
    List<EdwardsPoint> torsion = Ed25519TestSupport.torsionSubgroup();
    for (int i = 0; i < torsion.size(); i++) {
      assertMembership(i == 0, torsion.get(i), "[" + i + "]T8");
    }
  }

  @Test
  void aTorsionComponentIsAlwaysDetected() throws Exception {
    List<EdwardsPoint> torsion = Ed25519TestSupport.torsionSubgroup();
    Random r = new Random(91164);
    for (int n = 0; n < 200; n++) {
      EdwardsPoint p = n == 0 ? oracleBase() : multipleOfBase(r);
      for (int i = 0; i < torsion.size(); i++) {
        assertMembership(i == 0, p.add(torsion.get(i)), "P + [" + i + "]T8, case " + n);
      }
    }
  }

  @Test
  void agreesWithOrderMultiplicationOnRandomCurvePoints() throws Exception {
    // Uniform curve points (random y): one in eight is in the subgroup, and the halving takes
    // each of its three branches (first quadratic, second with hint +1 or −1) often.
    Random r = new Random(2022_1164);
    List<EdwardsPoint> torsion = Ed25519TestSupport.torsionSubgroup();
    int members = 0;
    int checked = 0;
    while (checked < 3000) {
      byte[] y = new byte[32];
      r.nextBytes(y);
      ExtendedPoint e;
      try {
        e = PointCodec.decode(y);
      } catch (InvalidEncodingException notOnCurve) {
        continue;
      }
      boolean expected = SubgroupCheck.byOrderMultiplication(e);
      assertEquals(expected, SubgroupCheck.inPrimeOrderSubgroup(e.x, e.y), "y = " + y[0]);
      members += expected ? 1 : 0;
      checked++;
      // The same point with its torsion part replaced by a random one.
      EdwardsPoint q = Ed25519TestSupport.oracleDecode(PointCodec.encode(e))
          .add(torsion.get(r.nextInt(8)));
      ExtendedPoint eq = decode(q);
      assertEquals(SubgroupCheck.byOrderMultiplication(eq),
          SubgroupCheck.inPrimeOrderSubgroup(eq.x, eq.y));
    }
    assertTrue(members > 250 && members < 500, members + " of 3000 in the subgroup");
  }

  @Test
  void decodePointStillAcceptsSubgroupPoints() throws Exception {
    Random r = new Random(7);
    for (int n = 0; n < 200; n++) {
      byte[] enc = oracleEncode(multipleOfBase(r));
      assertEquals(Ed25519TestSupport.hex(enc), Ed25519TestSupport.hex(
          Ed25519.INSTANCE.decodePoint(enc).toBytes()));
    }
  }

  @Test
  void fieldHelpersMatchBigInteger() {
    Random r = new Random(5);
    for (int n = 0; n < 200; n++) {
      BigInteger a = new BigInteger(255, r).mod(P);
      int[] fa = field(a);
      int[] z = Ed25519Field.create();
      Ed25519Field.powPm5d8(fa, z);
      assertEquals(a.modPow(P.subtract(BigInteger.valueOf(5)).shiftRight(3), P), value(z));
      boolean fourth = a.signum() != 0
          && a.modPow(P.subtract(BigInteger.ONE).shiftRight(2), P).equals(BigInteger.ONE);
      assertEquals(fourth, Ed25519Field.isFourthPowerVar(fa));
      int hint = Ed25519Field.sqrtOrHint(fa, z);
      BigInteger zz = value(z).pow(2).mod(P);
      BigInteger i = value(Ed25519Field.SQRT_M1);
      if (hint == 0) {
        assertEquals(a, zz);
      } else {
        assertEquals(a.multiply(i).multiply(BigInteger.valueOf(hint)).mod(P), zz);
      }
    }
    assertEquals(P.subtract(BigInteger.ONE), value(Ed25519Field.SQRT_M1).pow(2).mod(P));
    assertFalse(Ed25519Field.isFourthPowerVar(Ed25519Field.create()), "zero");
  }

  private static int[] field(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    int[] f = Ed25519Field.create();
    X25519Field.decode(le, 0, f);
    return f;
  }

  private static BigInteger value(int[] f) {
    int[] t = f.clone();
    X25519Field.normalize(t);
    byte[] le = new byte[32];
    X25519Field.encode(t, le, 0);
    byte[] be = new byte[33];
    for (int i = 0; i < 32; i++) {
      be[32 - i] = le[i];
    }
    return new BigInteger(be);
  }
}
