package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point in "cached" (projective Niels) form (Y+X, Y−X, 2Z, 2d·T): the values add-2008-hwcd-3
 * needs from its second operand, computed once so a table entry costs nothing to convert when it
 * is added. Mutable working storage, not thread-safe; all four fields are kept reduced.
 */
final class CachedPoint {
  final int[] ypx = Ed25519Field.create();
  final int[] ymx = Ed25519Field.create();
  final int[] z2 = Ed25519Field.create();
  final int[] t2d = Ed25519Field.create();

  /** The cached form of p (one multiplication, for 2d·T). */
  static CachedPoint of(ExtendedPoint p) {
    CachedPoint c = new CachedPoint();
    X25519Field.apm(p.y, p.x, c.ypx, c.ymx);
    X25519Field.carry(c.ypx);
    X25519Field.carry(c.ymx);
    Ed25519Field.twice(p.z, c.z2);
    X25519Field.mul(p.t, Ed25519Field.D2, c.t2d);
    return c;
  }

  /** The identity (1, 1, 2, 0). */
  void setIdentity() {
    X25519Field.one(ypx);
    X25519Field.one(ymx);
    X25519Field.zero(z2);
    z2[0] = 2;
    X25519Field.zero(t2d);
  }

  /**
   * this = table[index − 1] when 1 ≤ index ≤ table.length, the identity when index = 0. Reads
   * every entry and selects with masks, so neither the time nor the memory access pattern depends
   * on {@code index} (which may be a secret scalar digit).
   */
  void select(CachedPoint[] table, int index) {
    setIdentity();
    for (int j = 0; j < table.length; j++) {
      int mask = ScalarDigits.equalMask(index, j + 1);
      X25519Field.cmov(mask, table[j].ypx, 0, ypx, 0);
      X25519Field.cmov(mask, table[j].ymx, 0, ymx, 0);
      X25519Field.cmov(mask, table[j].z2, 0, z2, 0);
      X25519Field.cmov(mask, table[j].t2d, 0, t2d, 0);
    }
  }

  /** Negates this point when {@code negate} is 1 (not when 0), without branching on it. */
  void conditionalNegate(int negate) {
    // −(x, y) = (−x, y): Y+X and Y−X trade places and T changes sign.
    X25519Field.cswap(negate, ypx, ymx);
    X25519Field.cnegate(negate, t2d);
  }
}
