package dev.keyshard.crypto.group;

import java.math.BigInteger;

/**
 * Arithmetic modulo a group order below 2^256, on eight 32-bit limbs (little-endian) in Montgomery
 * form. Every operation runs in time independent of the values: no branches or memory accesses
 * depend on limb contents (ATTACKS.md, tss-lib CVE-2023-26556: BigInteger is variable-time).
 *
 * <p>Package-private; {@link Scalar} is the API.
 */
final class ScalarField {
  static final int LIMBS = 8;
  private static final long M = 0xFFFF_FFFFL;

  final Group group;
  final BigInteger order;
  final boolean bigEndian;
  private final int[] n;
  private final int n0inv;
  private final int[] r2;
  private final int[] r3;
  final int[] oneMont;
  private final int[] nMinus2;

  ScalarField(Group group, BigInteger order, boolean bigEndian) {
    this.group = group;
    this.order = order;
    this.bigEndian = bigEndian;
    this.n = fromBigInteger(order);
    BigInteger r = BigInteger.ONE.shiftLeft(32 * LIMBS);
    this.n0inv = BigInteger.ONE.shiftLeft(32).subtract(
        order.mod(BigInteger.ONE.shiftLeft(32)).modInverse(BigInteger.ONE.shiftLeft(32))).intValue();
    this.r2 = fromBigInteger(r.multiply(r).mod(order));
    this.r3 = fromBigInteger(r.multiply(r).multiply(r).mod(order));
    this.oneMont = fromBigInteger(r.mod(order));
    this.nMinus2 = fromBigInteger(order.subtract(BigInteger.TWO));
  }

  static int[] fromBigInteger(BigInteger v) {
    int[] z = new int[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      z[i] = v.shiftRight(32 * i).intValue();
    }
    return z;
  }

  /** z = a·b·R⁻¹ mod n, for a &lt; 2^256 and b &lt; n (CIOS Montgomery multiplication). */
  void mul(int[] a, int[] b, int[] z) {
    int[] t = new int[LIMBS + 2];
    for (int i = 0; i < LIMBS; i++) {
      long c = 0;
      long bi = b[i] & M;
      for (int j = 0; j < LIMBS; j++) {
        long s = (t[j] & M) + (a[j] & M) * bi + c;
        t[j] = (int) s;
        c = s >>> 32;
      }
      long s = (t[LIMBS] & M) + c;
      t[LIMBS] = (int) s;
      t[LIMBS + 1] = (int) (s >>> 32);

      long m = (t[0] * n0inv) & M;
      s = (t[0] & M) + m * (n[0] & M);
      c = s >>> 32;
      for (int j = 1; j < LIMBS; j++) {
        s = (t[j] & M) + m * (n[j] & M) + c;
        t[j - 1] = (int) s;
        c = s >>> 32;
      }
      s = (t[LIMBS] & M) + c;
      t[LIMBS - 1] = (int) s;
      t[LIMBS] = t[LIMBS + 1] + (int) (s >>> 32);
    }
    subtractOrderIfAtLeast(t, t[LIMBS], z);
  }

  /** z = (x + top·2^256) reduced once by n; requires the value to be below 2n. */
  private void subtractOrderIfAtLeast(int[] x, int top, int[] z) {
    int[] d = new int[LIMBS];
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long s = (x[i] & M) - (n[i] & M) - borrow;
      d[i] = (int) s;
      borrow = (s >>> 63);
    }
    long finalBorrow = ((top & M) - borrow) >>> 63;
    // keep x when the subtraction went negative
    int keepX = (int) -finalBorrow;
    for (int i = 0; i < LIMBS; i++) {
      z[i] = (x[i] & keepX) | (d[i] & ~keepX);
    }
  }

  void add(int[] a, int[] b, int[] z) {
    int[] s = new int[LIMBS];
    long c = 0;
    for (int i = 0; i < LIMBS; i++) {
      long v = (a[i] & M) + (b[i] & M) + c;
      s[i] = (int) v;
      c = v >>> 32;
    }
    subtractOrderIfAtLeast(s, (int) c, z);
  }

  void sub(int[] a, int[] b, int[] z) {
    int[] d = new int[LIMBS];
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long v = (a[i] & M) - (b[i] & M) - borrow;
      d[i] = (int) v;
      borrow = v >>> 63;
    }
    int addBack = (int) -borrow;
    long c = 0;
    for (int i = 0; i < LIMBS; i++) {
      long v = (d[i] & M) + (n[i] & addBack & M) + c;
      z[i] = (int) v;
      c = v >>> 32;
    }
  }

  void negate(int[] a, int[] z) {
    sub(new int[LIMBS], a, z);
  }

  /** z = a⁻¹ by Fermat's little theorem; the exponent n−2 is public, so the schedule is fixed. */
  void invert(int[] a, int[] z) {
    int[] acc = oneMont.clone();
    for (int bit = 32 * LIMBS - 1; bit >= 0; bit--) {
      mul(acc, acc, acc);
      if (((nMinus2[bit >>> 5] >>> (bit & 31)) & 1) != 0) {
        mul(acc, a, acc);
      }
    }
    System.arraycopy(acc, 0, z, 0, LIMBS);
  }

  void toMontgomery(int[] plain, int[] z) {
    mul(plain, r2, z);
  }

  void fromMontgomery(int[] mont, int[] z) {
    int[] one = new int[LIMBS];
    one[0] = 1;
    mul(mont, one, z);
  }

  /** Montgomery form of (lo + hi·2^256) mod n, for any lo, hi &lt; 2^256. */
  void reduceWide(int[] lo, int[] hi, int[] z) {
    int[] a = new int[LIMBS];
    int[] b = new int[LIMBS];
    mul(lo, r2, a);
    mul(hi, r3, b);
    add(a, b, z);
  }

  /** Constant-time check that a plain (non-Montgomery) value is below n. */
  boolean isReduced(int[] plain) {
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long v = (plain[i] & M) - (n[i] & M) - borrow;
      borrow = v >>> 63;
    }
    return borrow == 1;
  }

  static boolean isZero(int[] a) {
    int acc = 0;
    for (int i = 0; i < LIMBS; i++) {
      acc |= a[i];
    }
    return acc == 0;
  }

  static boolean equal(int[] a, int[] b) {
    int acc = 0;
    for (int i = 0; i < LIMBS; i++) {
      acc |= a[i] ^ b[i];
    }
    return acc == 0;
  }

  /** Limbs from exactly 32 bytes in this field's byte order. */
  int[] limbsFromBytes(byte[] bytes, int offset) {
    int[] z = new int[LIMBS];
    for (int i = 0; i < 32; i++) {
      int b = bytes[offset + i] & 0xFF;
      int pos = bigEndian ? 31 - i : i;
      z[pos >>> 2] |= b << (8 * (pos & 3));
    }
    return z;
  }

  byte[] bytesFromLimbs(int[] limbs) {
    byte[] out = new byte[32];
    for (int pos = 0; pos < 32; pos++) {
      byte b = (byte) (limbs[pos >>> 2] >>> (8 * (pos & 3)));
      out[bigEndian ? 31 - pos : pos] = b;
    }
    return out;
  }
}
