package dev.keyshard.crypto.group;

import java.util.Arrays;

/**
 * Constant-time k·P for an arbitrary point P: fixed signed 4-bit windows over the table
 * 1·P .. 8·P, most significant window first (252 doublings, 64 additions). Every window does the
 * same four doublings and one addition of an entry selected by masks from the whole table, so the
 * running time and memory access pattern do not depend on k. Stateless and thread-safe.
 */
final class FixedWindowMultiplier {
  private static final int MULTIPLES = 8;

  private FixedWindowMultiplier() {}

  /** k·p for a 32-byte little-endian k &lt; 2^255; p is not modified. */
  static ExtendedPoint multiply(ExtendedPoint p, byte[] k) {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    CachedPoint[] table = multiples(p, s);
    byte[] digits = ScalarDigits.signedRadix16(k);
    CachedPoint entry = new CachedPoint();
    ExtendedPoint acc = ExtendedPoint.identity();
    for (int i = 63; i >= 0; i--) {
      if (i != 63) {
        // acc = 16·acc. Only the last doubling feeds an addition, which reads T.
        ExtendedPoint.dbl(acc, acc, s, false);
        ExtendedPoint.dbl(acc, acc, s, false);
        ExtendedPoint.dbl(acc, acc, s, false);
        ExtendedPoint.dbl(acc, acc, s, true);
      }
      int d = digits[i];
      int m = d >> 31;
      int abs = (d ^ m) - m;
      entry.select(table, abs);
      entry.conditionalNegate(m & 1);
      // T is read by the next addition only, which comes after doublings; the result needs it.
      ExtendedPoint.add(acc, entry, false, acc, s, i == 0);
    }
    Arrays.fill(digits, (byte) 0);
    return acc;
  }

  /** 1·p .. 8·p in cached form (one doubling, six additions). */
  private static CachedPoint[] multiples(ExtendedPoint p, ExtendedPoint.Scratch s) {
    CachedPoint[] table = new CachedPoint[MULTIPLES];
    table[0] = CachedPoint.of(p);
    ExtendedPoint acc = p.copy();
    ExtendedPoint.dbl(acc, acc, s, true);
    table[1] = CachedPoint.of(acc);
    for (int j = 2; j < MULTIPLES; j++) {
      ExtendedPoint.add(acc, table[0], false, acc, s, true);
      table[j] = CachedPoint.of(acc);
    }
    return table;
  }
}
