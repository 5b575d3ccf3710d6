package dev.keyshard.crypto.group;

import dev.keyshard.crypto.internal.KeyshardBug;
import java.math.BigInteger;

/**
 * <b>Variable-time</b> check of the Schnorr verification equation z·B = R + c·P on edwards25519
 * with half-size scalars (Antipa et al., SAC 2005; Pornin, "Optimized lattice basis reduction in
 * dimension 2, and fast Schnorr and EdDSA signature verification", ePrint 2020/454): find u, v
 * below 2^127 with c ≡ u/v (mod L), then check (v·z)·B − u·P − v·R = identity. The full-size
 * v·z meets fixed bases B and 2^128·B, and P and R get 127-bit scalars, so the doublings halve.
 *
 * <p>Equivalence: v ≠ 0 and |v| &lt; L, so multiplying by v is injective on the order-L subgroup,
 * where every {@link Ed25519Point} lies (strict decoding and arithmetic keep them there).
 *
 * <p>u and v come from the extended Euclidean algorithm on (L, c), stopped at the first remainder
 * below 2^126: with r_k ≡ t_k·c (mod L), the stop gives u = r_k &lt; 2^126 and |v| = |t_k| &lt;
 * L/r_(k−1) &lt; 2^127. Quotients are estimated from the top bits of 32-bit-limb integers (exact
 * after a ±1 correction); the rare step with a quotient above 2^16 is done with BigInteger.
 *
 * <p>Stateless and thread-safe.
 */
final class SchnorrEquation {
  private static final int LIMBS = 8;
  private static final long MASK = 0xFFFFFFFFL;
  private static final BigInteger ORDER = Ed25519.INSTANCE.order();
  private static final long[] L_LIMBS = limbs(ORDER);
  /** Stop once the remainder has at most this many bits (below 2^126 ≈ √L). */
  private static final int STOP_BITS = 126;

  private SchnorrEquation() {}

  /**
   * True when z·B = r + c·p, for scalars and points of {@link Ed25519}.
   */
  static boolean holds(Scalar z, Scalar c, ExtendedPoint p, ExtendedPoint r) {
    long[][] uv = halfSize(c.toBytes());
    long[] u = uv[0];
    byte[] v = toBytes(uv[1]);
    boolean vNegative = uv[2][0] != 0;
    // From c·v ≡ u: z·B − c·P − R = 0  ⇔  (|v|·z)·B − (±u)·P − |v|·R = 0, the sign of u's term
    // following v's, so both short scalars stay non-negative.
    byte[] w;
    try {
      w = Ed25519.INSTANCE.decodeScalar(v).multiply(z).toBytes();
    } catch (InvalidEncodingException e) {
      throw new KeyshardBug("|v| < 2^127 is a canonical scalar", e);
    }
    ExtendedPoint pTerm = vNegative ? p : p.negate();
    ExtendedPoint sum = VartimeMultiplier.multiplyShort(w, toBytes(u), pTerm, v, r.negate());
    return sum.isIdentity();
  }

  /**
   * {u, |v|, {sign}} with u ≡ c·v (mod L), 0 ≤ u &lt; 2^126, 0 &lt; |v| &lt; 2^127; sign is 1 when
   * v &lt; 0. Package-private for the tests.
   */
  static long[][] halfSize(byte[] c) {
    long[] r0 = L_LIMBS.clone();
    long[] r1 = new long[LIMBS];
    for (int i = 0; i < 32; i++) {
      r1[i >>> 2] |= (c[i] & 0xFFL) << (8 * (i & 3));
    }
    // Euclid's t_k alternate in sign and |t_(k+1)| = |t_(k−1)| + q·|t_k|, so magnitudes suffice.
    long[] t0 = new long[LIMBS];
    long[] t1 = new long[LIMBS];
    t1[0] = 1;
    int steps = 0;
    while (bitLength(r1) > STOP_BITS) {
      long[] r2 = new long[LIMBS];
      long[] t2;
      long q = divide(r0, r1, r2);
      if (q < 0) {
        // A quotient too large for the word estimate (rare): this step exactly, with BigInteger.
        BigInteger[] qr = toBigInteger(r0).divideAndRemainder(toBigInteger(r1));
        r2 = limbs(qr[1]);
        t2 = limbs(toBigInteger(t0).add(qr[0].multiply(toBigInteger(t1))));
      } else {
        t2 = t0.clone();
        addMultiple(t2, q, t1);
      }
      r0 = r1;
      r1 = r2;
      t0 = t1;
      t1 = t2;
      steps++;
    }
    // t_1 = 1 > 0 and the signs alternate: after an odd number of steps, t is negative.
    return new long[][] {r1, t1, {steps % 2}};
  }

  /**
   * q = floor(a / b) and rem = a − q·b when q is below 2^16; otherwise −1 and rem untouched.
   * a ≥ b &gt; 0. The quotient of the top 62 bits is off by at most one either way, which the
   * exact comparisons correct.
   */
  private static long divide(long[] a, long[] b, long[] rem) {
    int la = bitLength(a);
    if (la - bitLength(b) > 16) {
      return -1;
    }
    int shift = Math.max(0, la - 62);
    long q = topBits(a, shift) / topBits(b, shift);
    long[] product = multiply(b, q);
    while (compare(product, a) > 0) {
      q--;
      subtract(product, b);
    }
    System.arraycopy(a, 0, rem, 0, LIMBS);
    subtract(rem, product);
    while (compare(rem, b) >= 0) {
      q++;
      subtract(rem, b);
    }
    return q < (1 << 16) ? q : -1;
  }

  /** q·b for q below 2^17 (the product stays below 2^256 here). */
  private static long[] multiply(long[] b, long q) {
    long[] out = new long[LIMBS];
    long carry = 0;
    for (int i = 0; i < LIMBS; i++) {
      long s = q * b[i] + carry;
      out[i] = s & MASK;
      carry = s >>> 32;
    }
    return out;
  }

  /** a += q·b. */
  private static void addMultiple(long[] a, long q, long[] b) {
    long carry = 0;
    for (int i = 0; i < LIMBS; i++) {
      long s = a[i] + q * b[i] + carry;
      a[i] = s & MASK;
      carry = s >>> 32;
    }
  }

  /** a −= b for a ≥ b. */
  private static void subtract(long[] a, long[] b) {
    long borrow = 0;
    for (int i = 0; i < LIMBS; i++) {
      long d = a[i] - b[i] - borrow;
      a[i] = d & MASK;
      borrow = d >>> 63;
    }
  }

  private static int compare(long[] a, long[] b) {
    for (int i = LIMBS - 1; i >= 0; i--) {
      if (a[i] != b[i]) {
        return Long.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  private static int bitLength(long[] a) {
    for (int i = LIMBS - 1; i >= 0; i--) {
      if (a[i] != 0) {
        return 32 * i + 64 - Long.numberOfLeadingZeros(a[i]);
      }
    }
    return 0;
  }

  /** Bits shift .. shift + 61 of a (a below 2^256), as a non-negative long. */
  private static long topBits(long[] a, int shift) {
    long r = 0;
    for (int i = LIMBS - 1; i >= 0; i--) {
      int pos = 32 * i - shift;
      if (pos >= 62 || pos <= -32) {
        continue;
      }
      r |= pos >= 0 ? a[i] << pos : a[i] >>> -pos;
    }
    return r & ((1L << 62) - 1);
  }

  private static long[] limbs(BigInteger v) {
    long[] out = new long[LIMBS];
    for (int i = 0; i < LIMBS; i++) {
      out[i] = v.shiftRight(32 * i).longValue() & MASK;
    }
    return out;
  }

  private static BigInteger toBigInteger(long[] a) {
    BigInteger r = BigInteger.ZERO;
    for (int i = LIMBS - 1; i >= 0; i--) {
      r = r.shiftLeft(32).or(BigInteger.valueOf(a[i]));
    }
    return r;
  }

  private static byte[] toBytes(long[] a) {
    byte[] out = new byte[32];
    for (int i = 0; i < LIMBS; i++) {
      for (int k = 0; k < 4; k++) {
        out[4 * i + k] = (byte) (a[i] >>> (8 * k));
      }
    }
    return out;
  }
}
