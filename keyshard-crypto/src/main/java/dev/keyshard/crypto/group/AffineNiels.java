package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point in affine Niels form (y+x, y−x, 2d·x·y), i.e. cached form with Z = 1, used for
 * precomputed multiples of the base point: adding one costs a multiplication less than a
 * {@link CachedPoint}. Mutable working storage, not thread-safe; fields are kept normalized.
 */
final class AffineNiels {
  /** Field elements per entry in a flat table: y+x, y−x, 2dxy. */
  static final int STRIDE = 3 * X25519Field.SIZE;

  final int[] ypx = Ed25519Field.create();
  final int[] ymx = Ed25519Field.create();
  final int[] xy2d = Ed25519Field.create();

  /**
   * Converts points to affine Niels form with one field inversion in all (Montgomery's trick:
   * invert the product of all Z, then peel off each inverse with two multiplications). The points
   * are public (multiples of the base point), so this is only used at class initialisation.
   */
  static AffineNiels[] batchOf(ExtendedPoint[] points) {
    int n = points.length;
    int[][] prefix = new int[n][];
    int[] acc = Ed25519Field.one();
    for (int i = 0; i < n; i++) {
      prefix[i] = acc.clone();
      X25519Field.mul(acc, points[i].z, acc);
    }
    // acc = (Z0·…·Z(n−1))⁻¹; walking back, acc·prefix[i] = Zi⁻¹ and acc·Zi drops Zi from acc.
    X25519Field.inv(acc, acc);
    AffineNiels[] out = new AffineNiels[n];
    int[] zinv = Ed25519Field.create();
    int[] x = Ed25519Field.create();
    int[] y = Ed25519Field.create();
    for (int i = n - 1; i >= 0; i--) {
      X25519Field.mul(acc, prefix[i], zinv);
      X25519Field.mul(acc, points[i].z, acc);
      X25519Field.mul(points[i].x, zinv, x);
      X25519Field.mul(points[i].y, zinv, y);
      AffineNiels a = new AffineNiels();
      X25519Field.apm(y, x, a.ypx, a.ymx);
      X25519Field.normalize(a.ypx);
      X25519Field.normalize(a.ymx);
      X25519Field.mul(x, y, a.xy2d);
      X25519Field.mul(a.xy2d, Ed25519Field.D2, a.xy2d);
      X25519Field.normalize(a.xy2d);
      out[i] = a;
    }
    return out;
  }

  /** Writes this entry at {@code offset} of a flat table. */
  void store(int[] table, int offset) {
    X25519Field.copy(ypx, 0, table, offset);
    X25519Field.copy(ymx, 0, table, offset + X25519Field.SIZE);
    X25519Field.copy(xy2d, 0, table, offset + 2 * X25519Field.SIZE);
  }

  /**
   * this = entry {@code index − 1} of the {@code count} entries starting at {@code base} in a flat
   * table, or the identity (1, 1, 0) when index = 0. Reads every entry and selects with masks, so
   * neither time nor memory access depends on {@code index} (a secret scalar digit).
   */
  void select(int[] table, int base, int count, int index) {
    X25519Field.one(ypx);
    X25519Field.one(ymx);
    X25519Field.zero(xy2d);
    for (int j = 0; j < count; j++) {
      int mask = ScalarDigits.equalMask(index, j + 1);
      int off = base + j * STRIDE;
      X25519Field.cmov(mask, table, off, ypx, 0);
      X25519Field.cmov(mask, table, off + X25519Field.SIZE, ymx, 0);
      X25519Field.cmov(mask, table, off + 2 * X25519Field.SIZE, xy2d, 0);
    }
  }

  /** Negates this point when {@code negate} is 1 (not when 0), without branching on it. */
  void conditionalNegate(int negate) {
    X25519Field.cswap(negate, ypx, ymx);
    X25519Field.cnegate(negate, xy2d);
  }
}
