package dev.keyshard.crypto.group;

import java.util.Arrays;

/**
 * Constant-time k·B for the Ed25519 base point B, using a table built once per JVM:
 * for each of the 64 radix-16 positions i, the multiples 1..8 of 16^i·B in affine Niels form
 * (512 entries, 60 KiB). With signed digits k = Σ e[i]·16^i, e[i] ∈ [−8, 8], the product is
 * Σ e[i]·(16^i·B): 64 mixed additions and no doublings.
 *
 * <p>Each lookup reads all eight entries of its position and selects with masks, and the sign is
 * applied with a conditional swap/negate, so the running time and memory access pattern do not
 * depend on k. Thread-safe: the table is written only during class initialisation.
 */
final class GeneratorTable {
  private static final int POSITIONS = 64;
  private static final int MULTIPLES = 8;
  private static final int[] TABLE = build();

  private GeneratorTable() {}

  private static int[] build() {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    ExtendedPoint[] points = new ExtendedPoint[POSITIONS * MULTIPLES];
    ExtendedPoint base = PointCodec.basePoint();
    for (int i = 0; i < POSITIONS; i++) {
      // base = 16^i·B; entries j·base for j = 1..8 by repeated addition.
      CachedPoint cachedBase = CachedPoint.of(base);
      ExtendedPoint acc = base.copy();
      points[i * MULTIPLES] = acc.copy();
      for (int j = 1; j < MULTIPLES; j++) {
        ExtendedPoint.add(acc, cachedBase, false, acc, s, true);
        points[i * MULTIPLES + j] = acc.copy();
      }
      // 16^(i+1)·B = 2·(8·16^i·B).
      ExtendedPoint.dbl(acc, base, s, true);
    }
    AffineNiels[] affine = AffineNiels.batchOf(points);
    int[] table = new int[affine.length * AffineNiels.STRIDE];
    for (int i = 0; i < affine.length; i++) {
      affine[i].store(table, i * AffineNiels.STRIDE);
    }
    return table;
  }

  /**
   * k·B for a 32-byte little-endian k &lt; 2^255, in constant time (RFC 8032 §5.1.5 step 3, "[s]B",
   * and every secret-scalar product with the generator in the threshold protocols).
   */
  static ExtendedPoint multiply(byte[] k) {
    byte[] digits = ScalarDigits.signedRadix16(k);
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    AffineNiels entry = new AffineNiels();
    ExtendedPoint acc = ExtendedPoint.identity();
    for (int i = 0; i < POSITIONS; i++) {
      int d = digits[i];
      // |d| and sign(d) without a branch: m is all-ones for negative d.
      int m = d >> 31;
      int abs = (d ^ m) - m;
      entry.select(TABLE, i * MULTIPLES * AffineNiels.STRIDE, MULTIPLES, abs);
      entry.conditionalNegate(m & 1);
      ExtendedPoint.add(acc, entry, false, acc, s, true);
    }
    Arrays.fill(digits, (byte) 0);
    return acc;
  }
}
