package dev.keyshard.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The half-size-scalar Schnorr check ({@link SchnorrEquation}) against the plain computation. */
class SchnorrEquationTest {
  private static final Ed25519 G = Ed25519.INSTANCE;
  private static final BigInteger L = G.order();

  private static Scalar scalar(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    try {
      return G.decodeScalar(le);
    } catch (InvalidEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private static BigInteger value(long[] limbs) {
    BigInteger r = BigInteger.ZERO;
    for (int i = limbs.length - 1; i >= 0; i--) {
      r = r.shiftLeft(32).add(BigInteger.valueOf(limbs[i]));
    }
    return r;
  }

  /** Challenges at the edges of the reduction, then random ones. */
  private static List<BigInteger> challenges() {
    List<BigInteger> cs = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE,
        BigInteger.TWO, BigInteger.ONE.shiftLeft(126).subtract(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(126), BigInteger.ONE.shiftLeft(126).add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(200), L.subtract(BigInteger.ONE), L.subtract(BigInteger.TWO),
        L.shiftRight(1), L.shiftRight(17), L.shiftRight(1).add(BigInteger.ONE)));
    Random r = new Random(2020_454);
    for (int i = 0; i < 3000; i++) {
      cs.add(new BigInteger(253, r).mod(L));
    }
    return cs;
  }

  @Test
  void reductionGivesShortFactorsOfTheChallenge() {
    for (BigInteger c : challenges()) {
      long[][] uv = SchnorrEquation.halfSize(scalar(c).toBytes());
      BigInteger u = value(uv[0]);
      BigInteger v = uv[2][0] == 1 ? value(uv[1]).negate() : value(uv[1]);
      assertEquals(u.mod(L), c.multiply(v).mod(L), "u ≡ c·v for c = " + c);
      assertTrue(u.signum() >= 0 && u.bitLength() <= 126, "u = " + u);
      assertTrue(v.signum() != 0 && v.abs().bitLength() <= 127, "v = " + v);
    }
  }

  @Test
  void equationAgreesWithThePlainComputation() {
    Random r = new Random(25519);
    for (int i = 0; i < 300; i++) {
      Scalar z = G.reduce(bytes(r));
      Scalar c = i < 12 ? scalar(challenges().get(i)) : G.reduce(bytes(r));
      Point p = G.multiplyGenerator(G.reduce(bytes(r)));
      Point honest = G.multiplyGeneratorAndAdd(z, c.negate(), p); // R = z·B − c·P
      assertTrue(G.schnorrEquationHolds(z, c, p, honest), "case " + i);
      assertFalse(G.schnorrEquationHolds(z, c, p, honest.add(G.generator())), "R + B, case " + i);
      assertFalse(G.schnorrEquationHolds(z.add(G.one()), c, p, honest), "z + 1, case " + i);
      assertFalse(G.schnorrEquationHolds(z, c.add(G.one()), p, honest), "c + 1, case " + i);
    }
  }

  private static byte[] bytes(Random r) {
    byte[] b = new byte[64];
    r.nextBytes(b);
    return b;
  }
}
