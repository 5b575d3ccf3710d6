package dev.keyshard.crypto.ot;

import java.util.Arrays;

/**
 * Arithmetic in GF(2^208) = GF(2)[X] / (f), f = X^208 + X^9 + X^3 + X + 1: the field of the KOS15
 * consistency check ({@link OtParameters#CHECK_FIELD_BITS}). The same polynomial is used by the
 * 0xCarbon DKLs23 implementation; {@code Gf2k208Test} proves it irreducible with Rabin's test on an
 * independent polynomial implementation.
 *
 * <p>An element is four {@code long}s, little-endian: bit i is the coefficient of X^i (the top word
 * holds 16 bits). On the wire it is 26 bytes, little-endian, so a 26-byte slice of a KOS row is read
 * directly as an element (bit j of a row = byte j/8, bit j%8).
 *
 * <p>Multiplication goes through {@link #multiplierFor(long[])}: a table of c·X^i for i &lt; 208
 * built from one operand, then a masked XOR over every bit of the other. No branch or memory
 * address depends on either operand, so both may be secret (the check multiplies public challenges
 * by secret rows). Package-private; stateless and thread-safe apart from the table objects, which
 * are immutable.
 */
final class Gf2k208 {
  static final int BITS = OtParameters.CHECK_FIELD_BITS;
  static final int BYTES = BITS / 8;
  static final int WORDS = 4;
  /** f − X^208 = X^9 + X^3 + X + 1. */
  static final long REDUCTION = (1L << 9) | (1L << 3) | (1L << 1) | 1L;
  private static final long TOP_MASK = (1L << (BITS - 192)) - 1;

  private Gf2k208() {}

  /** Reads 26 little-endian bytes at {@code offset}. */
  static long[] fromBytes(byte[] b, int offset) {
    long[] e = new long[WORDS];
    for (int i = 0; i < BYTES; i++) {
      e[i >>> 3] |= (b[offset + i] & 0xFFL) << (8 * (i & 7));
    }
    return e;
  }

  /** Writes 26 little-endian bytes at {@code offset}. */
  static void toBytes(long[] e, byte[] out, int offset) {
    for (int i = 0; i < BYTES; i++) {
      out[offset + i] = (byte) (e[i >>> 3] >>> (8 * (i & 7)));
    }
  }

  static void addInto(long[] acc, long[] x) {
    for (int i = 0; i < WORDS; i++) {
      acc[i] ^= x[i];
    }
  }

  /** e·X mod f, branch-free. */
  static long[] timesX(long[] e) {
    long carry = -((e[3] >>> (BITS - 192 - 1)) & 1L);
    long[] z = new long[WORDS];
    z[0] = (e[0] << 1) ^ (carry & REDUCTION);
    z[1] = (e[1] << 1) | (e[0] >>> 63);
    z[2] = (e[2] << 1) | (e[1] >>> 63);
    z[3] = ((e[3] << 1) | (e[2] >>> 63)) & TOP_MASK;
    return z;
  }

  /** a·b mod f; constant-time in both operands. */
  static long[] multiply(long[] a, long[] b) {
    return multiplierFor(a).times(b);
  }

  /** A multiplier by {@code c}: the table c·X^i mod f, i &lt; 208. */
  static Multiplier multiplierFor(long[] c) {
    return new Multiplier(c);
  }

  /** Multiplication by a fixed element. Immutable. */
  static final class Multiplier {
    private final long[] table = new long[BITS * WORDS];

    private Multiplier(long[] c) {
      long[] cur = Arrays.copyOf(c, WORDS);
      cur[3] &= TOP_MASK;
      for (int i = 0; i < BITS; i++) {
        System.arraycopy(cur, 0, table, i * WORDS, WORDS);
        cur = timesX(cur);
      }
    }

    /** c·x mod f: XOR of the table rows selected by x's bits, all rows read. */
    long[] times(long[] x) {
      long z0 = 0;
      long z1 = 0;
      long z2 = 0;
      long z3 = 0;
      for (int i = 0; i < BITS; i++) {
        long mask = -((x[i >>> 6] >>> (i & 63)) & 1L);
        int t = i * WORDS;
        z0 ^= table[t] & mask;
        z1 ^= table[t + 1] & mask;
        z2 ^= table[t + 2] & mask;
        z3 ^= table[t + 3] & mask;
      }
      return new long[] {z0, z1, z2, z3};
    }

    /** c·(26-byte element at {@code offset} of {@code b}), accumulated into {@code acc}. */
    void timesInto(byte[] b, int offset, long[] acc) {
      addInto(acc, times(fromBytes(b, offset)));
    }
  }
}
