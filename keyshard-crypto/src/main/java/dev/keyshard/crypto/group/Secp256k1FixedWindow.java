package dev.keyshard.crypto.group;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Constant-time k·P on secp256k1 in pure Java, for when libsecp256k1 does not load
 * ({@link Secp256k1Native}): fixed unsigned 4-bit windows over the table 0·P .. 15·P, most
 * significant window first (252 doublings, 63 additions). Every window does the same four
 * doublings and one addition of an entry selected by masks from the whole table, and the formulas
 * are the complete ones of Renes, Costello and Batina 2016 (Algorithms 7 and 9, a = 0,
 * homogeneous projective coordinates), so the identity and P + P need no branch. Field arithmetic
 * is {@link ScalarField} with the field prime as modulus: Montgomery limbs, no branches or memory
 * accesses on values. Stateless and thread-safe.
 *
 * <p>Leaks: whether the result is the identity (k = 0, public in the output anyway). The input
 * point is public; the affine output coordinates go through {@link BigInteger}, as every
 * BouncyCastle encoding of the result does later.
 */
final class Secp256k1FixedWindow {
  private static final int L = ScalarField.LIMBS;
  private static final BigInteger P = new BigInteger(
      "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16);
  // The field prime as the modulus of a Montgomery "scalar" field; no Scalar is made from it.
  private static final ScalarField F = new ScalarField(null, P, true);
  private static final int[] B3 = mont(BigInteger.valueOf(21)); // 3·b, b = 7
  private static final int TABLE = 16;

  private Secp256k1FixedWindow() {}

  /**
   * k·p for a 32-byte big-endian {@code k} (any 256-bit value; reduced scalars in practice) and
   * a point {@code p} of the curve that is not the identity.
   */
  static ECPoint multiply(ECCurve curve, ECPoint p, byte[] k) {
    ECPoint a = p.normalize();
    int[][] base = {
        mont(a.getAffineXCoord().toBigInteger()),
        mont(a.getAffineYCoord().toBigInteger()),
        F.oneMont.clone()};
    int[][][] table = new int[TABLE][][];
    table[0] = new int[][] {new int[L], F.oneMont.clone(), new int[L]}; // (0 : 1 : 0)
    table[1] = base;
    for (int j = 2; j < TABLE; j++) {
      table[j] = newPoint();
      add(table[j - 1], base, table[j]);
    }
    int[][] acc = newPoint();
    int[][] entry = newPoint();
    select(table, nibble(k, 0), acc);
    for (int i = 1; i < 64; i++) {
      dbl(acc, acc);
      dbl(acc, acc);
      dbl(acc, acc);
      dbl(acc, acc);
      select(table, nibble(k, i), entry);
      add(acc, entry, acc);
    }
    if (ScalarField.isZero(acc[2])) {
      return curve.getInfinity();
    }
    int[] zInv = new int[L];
    F.invert(acc[2], zInv);
    int[] x = new int[L];
    int[] y = new int[L];
    F.mul(acc[0], zInv, x);
    F.mul(acc[1], zInv, y);
    F.fromMontgomery(x, x);
    F.fromMontgomery(y, y);
    return curve.createPoint(new BigInteger(1, F.bytesFromLimbs(x)),
        new BigInteger(1, F.bytesFromLimbs(y)));
  }

  /** Window i of k, counting from the most significant nibble; i is public. */
  private static int nibble(byte[] k, int i) {
    return (k[i >>> 1] >>> (4 - 4 * (i & 1))) & 0xF;
  }

  /** out = table[d], reading every entry and keeping one by mask. */
  private static void select(int[][][] table, int d, int[][] out) {
    for (int c = 0; c < 3; c++) {
      java.util.Arrays.fill(out[c], 0);
    }
    for (int j = 0; j < TABLE; j++) {
      int mask = ((j ^ d) - 1) >> 31; // −1 when j = d (j ^ d in 0..15), else 0
      for (int c = 0; c < 3; c++) {
        int[] src = table[j][c];
        int[] dst = out[c];
        for (int l = 0; l < L; l++) {
          dst[l] |= src[l] & mask;
        }
      }
    }
  }

  /** RCB16 Algorithm 7: complete addition for a = 0; r may alias p or q. */
  static void add(int[][] p, int[][] q, int[][] r) {
    int[] x1 = p[0], y1 = p[1], z1 = p[2];
    int[] x2 = q[0], y2 = q[1], z2 = q[2];
    int[] t0 = new int[L], t1 = new int[L], t2 = new int[L], t3 = new int[L], t4 = new int[L];
    int[] x3 = new int[L], y3 = new int[L], z3 = new int[L];
    F.mul(x1, x2, t0);
    F.mul(y1, y2, t1);
    F.mul(z1, z2, t2);
    F.add(x1, y1, t3);
    F.add(x2, y2, t4);
    F.mul(t3, t4, t3);
    F.add(t0, t1, t4);
    F.sub(t3, t4, t3);
    F.add(y1, z1, t4);
    F.add(y2, z2, x3);
    F.mul(t4, x3, t4);
    F.add(t1, t2, x3);
    F.sub(t4, x3, t4);
    F.add(x1, z1, x3);
    F.add(x2, z2, y3);
    F.mul(x3, y3, x3);
    F.add(t0, t2, y3);
    F.sub(x3, y3, y3);
    F.add(t0, t0, x3);
    F.add(x3, t0, t0);
    F.mul(B3, t2, t2);
    F.add(t1, t2, z3);
    F.sub(t1, t2, t1);
    F.mul(B3, y3, y3);
    F.mul(t4, y3, x3);
    F.mul(t3, t1, t2);
    F.sub(t2, x3, x3);
    F.mul(y3, t0, y3);
    F.mul(t1, z3, t1);
    F.add(t1, y3, y3);
    F.mul(t0, t3, t0);
    F.mul(z3, t4, z3);
    F.add(z3, t0, z3);
    System.arraycopy(x3, 0, r[0], 0, L);
    System.arraycopy(y3, 0, r[1], 0, L);
    System.arraycopy(z3, 0, r[2], 0, L);
  }

  /** RCB16 Algorithm 9: complete doubling for a = 0; r may alias p. */
  static void dbl(int[][] p, int[][] r) {
    int[] x = p[0], y = p[1], z = p[2];
    int[] t0 = new int[L], t1 = new int[L], t2 = new int[L];
    int[] x3 = new int[L], y3 = new int[L], z3 = new int[L];
    F.mul(y, y, t0);
    F.add(t0, t0, z3);
    F.add(z3, z3, z3);
    F.add(z3, z3, z3);
    F.mul(y, z, t1);
    F.mul(z, z, t2);
    F.mul(B3, t2, t2);
    F.mul(t2, z3, x3);
    F.add(t0, t2, y3);
    F.mul(t1, z3, z3);
    F.add(t2, t2, t1);
    F.add(t1, t2, t2);
    F.sub(t0, t2, t0);
    F.mul(t0, y3, y3);
    F.add(x3, y3, y3);
    F.mul(x, y, t1);
    F.mul(t0, t1, x3);
    F.add(x3, x3, x3);
    System.arraycopy(x3, 0, r[0], 0, L);
    System.arraycopy(y3, 0, r[1], 0, L);
    System.arraycopy(z3, 0, r[2], 0, L);
  }

  private static int[][] newPoint() {
    return new int[3][L];
  }

  private static int[] mont(BigInteger v) {
    int[] z = new int[L];
    F.toMontgomery(ScalarField.fromBigInteger(v), z);
    return z;
  }
}
