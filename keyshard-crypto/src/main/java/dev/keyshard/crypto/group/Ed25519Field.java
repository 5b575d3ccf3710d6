package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Constants and small helpers for arithmetic modulo p = 2^255 − 19, on top of BouncyCastle's
 * constant-time {@link X25519Field} (ten signed limbs of 26 and 25 bits). We never hand-roll field
 * arithmetic; this class only adds the curve constants and a few composites. Package-private.
 *
 * <h2>Limb bounds</h2>
 * {@code X25519Field.add}, {@code sub} and {@code negate} do not carry, and {@code mul}/{@code sqr}
 * accumulate in 64-bit longs, so an operand whose limbs grew too large overflows silently. An
 * interval analysis of BouncyCastle 1.87's {@code mul} and {@code sqr} gives the rule every formula
 * in this package follows. Call a value <em>reduced</em> when it is the output of {@code mul},
 * {@code sqr}, {@code carry}, {@code normalize}, {@code decode} or {@link #twice}; a
 * <em>difference</em> when it is reduced − reduced or −reduced; a <em>sum</em> when it is
 * reduced + reduced. Then:
 * <ul>
 *   <li>{@code mul} may take a reduced value or a difference on both sides, and a sum on at most one
 *       side (sum × sum overflows);
 *   <li>{@code sqr} takes only reduced values or differences (the square of a sum overflows);
 *   <li>anything built from three or more terms is {@code carry}-ed before use;
 *   <li>{@code normalize} (canonical form, needed before {@code isZero} or reading a bit) takes a
 *       reduced value, a sum or a difference.
 * </ul>
 * The interval analysis is conservative; a randomised check against {@code BigInteger} with limbs
 * at their extremes also passed for each allowed combination.
 *
 * <p>Stateless and thread-safe; the constant arrays must never be written.
 */
final class Ed25519Field {
  /** The curve constant d = −121665/121666 of edwards25519 (RFC 8032 §5.1), reduced. */
  static final int[] D = create();
  /** 2·d, as used by the HWCD addition formula ("k = 2d" in add-2008-hwcd-3). */
  static final int[] D2 = create();
  /** √−1 = 2^((p−1)/4) (RFC 8032 §5.1.3), reduced. */
  static final int[] SQRT_M1 = create();

  static {
    int[] den = create();
    den[0] = 121666;
    X25519Field.inv(den, D);
    X25519Field.mul(D, 121665, D);
    X25519Field.negate(D, D);
    X25519Field.normalize(D);
    X25519Field.mul(D, 2, D2);
    X25519Field.normalize(D2);
    int[] two = create();
    two[0] = 2;
    // 2^((p−1)/4) = (2^((p−5)/8))²·2: 2 is a non-square mod p, so this is a primitive 4th root
    // of 1.
    powPm5d8(two, SQRT_M1);
    X25519Field.sqr(SQRT_M1, SQRT_M1);
    X25519Field.mul(SQRT_M1, 2, SQRT_M1);
    X25519Field.normalize(SQRT_M1);
  }

  private Ed25519Field() {}

  static int[] create() {
    return X25519Field.create();
  }

  static int[] one() {
    int[] z = create();
    X25519Field.one(z);
    return z;
  }

  /** z = 2·x, reduced (the small-constant multiply carries, unlike {@code add(x, x)}). */
  static void twice(int[] x, int[] z) {
    X25519Field.mul(x, 2, z);
  }

  /**
   * z = x^((p−5)/8) = x^(2^252 − 3), the exponentiation behind square roots (x^((p+3)/8) = x·z),
   * Legendre symbols (x^((p−1)/2) = z⁴·x²) and quartic symbols (x^((p−1)/4) = z²·x). The addition
   * chain of ref10's {@code fe_pow22523}: 251 squarings and 11 multiplications, built on
   * BouncyCastle's {@code sqr}/{@code mul} because its own {@code powPm5d8} is private. Constant-
   * time; x must be reduced; z may be x.
   */
  static void powPm5d8(int[] x, int[] z) {
    // sqr(a, n, b) squares n times: b = a^(2^n).
    int[] x2 = create();
    int[] t = create();
    int[] u = create();
    X25519Field.sqr(x, x2);                    // x^2
    X25519Field.sqr(x2, 2, t);                 // x^8
    X25519Field.mul(x, t, t);                  // x^9
    X25519Field.mul(x2, t, x2);                // x^11
    X25519Field.sqr(x2, x2);                   // x^22
    X25519Field.mul(t, x2, x2);                // x^(2^5 − 1)
    X25519Field.sqr(x2, 5, t);
    X25519Field.mul(t, x2, x2);                // x^(2^10 − 1)
    X25519Field.sqr(x2, 10, t);
    X25519Field.mul(t, x2, t);                 // x^(2^20 − 1)
    X25519Field.sqr(t, 20, u);
    X25519Field.mul(u, t, t);                  // x^(2^40 − 1)
    X25519Field.sqr(t, 10, t);
    X25519Field.mul(t, x2, x2);                // x^(2^50 − 1)
    X25519Field.sqr(x2, 50, t);
    X25519Field.mul(t, x2, t);                 // x^(2^100 − 1)
    X25519Field.sqr(t, 100, u);
    X25519Field.mul(u, t, t);                  // x^(2^200 − 1)
    X25519Field.sqr(t, 50, t);
    X25519Field.mul(t, x2, t);                 // x^(2^250 − 1)
    X25519Field.sqr(t, 2, t);                  // x^(2^252 − 4)
    X25519Field.mul(t, x, z);                  // x^(2^252 − 3)
  }

  /**
   * Square root with a hint, for public values (variable-time). Sets z = a^((p+3)/8), fixed up by
   * √−1, and returns 0 when z² = a. Otherwise a is a non-square and, as p ≡ 5 (mod 8),
   * z⁴ = −a², so z² = ±√−1·a: returns +1 when z² = √−1·a and −1 when z² = −√−1·a. a must be
   * reduced; z must not be a.
   */
  static int sqrtOrHint(int[] a, int[] z) {
    powPm5d8(a, z);
    X25519Field.mul(z, a, z);
    int[] zz = create();
    X25519Field.sqr(z, zz);
    int[] t = a.clone();
    if (equalVar(zz, t)) {
      return 0;
    }
    X25519Field.negate(t, t);
    if (equalVar(zz, t)) {
      X25519Field.mul(z, SQRT_M1, z);
      return 0;
    }
    X25519Field.mul(a, SQRT_M1, t);
    return equalVar(zz, t) ? 1 : -1;
  }

  /** True when a^((p−1)/4) = 1, i.e. a is a non-zero fourth power; variable-time. */
  static boolean isFourthPowerVar(int[] a) {
    int[] z = create();
    powPm5d8(a, z);
    X25519Field.sqr(z, z);
    X25519Field.mul(z, a, z);
    X25519Field.normalize(z);
    return X25519Field.isOneVar(z);
  }

  private static boolean equalVar(int[] x, int[] y) {
    int[] t = create();
    X25519Field.sub(x, y, t);
    X25519Field.normalize(t);
    return X25519Field.isZeroVar(t);
  }

  /** All-ones when x ≡ 0 (mod p), else 0; constant-time. Does not modify x. */
  static int isZero(int[] x) {
    int[] t = x.clone();
    X25519Field.normalize(t);
    return X25519Field.isZero(t);
  }

  /** All-ones when x ≡ y (mod p), else 0; constant-time. */
  static int equal(int[] x, int[] y) {
    int[] t = create();
    X25519Field.sub(x, y, t);
    return isZero(t);
  }

  /**
   * True when the 255-bit little-endian integer in {@code b[0..31]} (bit 255 ignored) is at least p,
   * i.e. one of the 19 values p .. 2^255 − 1. Variable-time: only used on public encodings.
   */
  static boolean isAtLeastP(byte[] b) {
    // RFC 8032 §5.1.3, step 1: "If the resulting value is >= p, decoding fails."
    if ((b[31] & 0x7F) != 0x7F) {
      return false;
    }
    for (int i = 30; i >= 1; i--) {
      if ((b[i] & 0xFF) != 0xFF) {
        return false;
      }
    }
    return (b[0] & 0xFF) >= 0xED;
  }
}
