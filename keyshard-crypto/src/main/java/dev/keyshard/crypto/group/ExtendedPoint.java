package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * A point of edwards25519 (−x² + y² = 1 + d·x²·y²) in extended twisted-Edwards coordinates
 * (X:Y:Z:T) with x = X/Z, y = Y/Z and x·y = T/Z (Hisil, Wong, Carter, Dawson, "Twisted Edwards
 * Curves Revisited", ASIACRYPT 2008, §3). The addition and doubling formulas are complete on this
 * curve (a = −1 is a square and d is not), so they need no special cases for the identity, for
 * equal inputs or for torsion points, and they never branch on coordinates.
 *
 * <p>Mutable working storage for the multipliers in this package. {@link Ed25519Point} wraps an
 * instance that nothing writes after construction. Not thread-safe. Every coordinate is kept
 * "reduced" in the sense of {@link Ed25519Field} between operations.
 */
final class ExtendedPoint {
  final int[] x;
  final int[] y;
  final int[] z;
  final int[] t;

  ExtendedPoint(int[] x, int[] y, int[] z, int[] t) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.t = t;
  }

  /** The neutral element (0 : 1 : 1 : 0). */
  static ExtendedPoint identity() {
    return new ExtendedPoint(Ed25519Field.create(), Ed25519Field.one(), Ed25519Field.one(),
        Ed25519Field.create());
  }

  ExtendedPoint copy() {
    return new ExtendedPoint(x.clone(), y.clone(), z.clone(), t.clone());
  }

  void set(ExtendedPoint o) {
    System.arraycopy(o.x, 0, x, 0, X25519Field.SIZE);
    System.arraycopy(o.y, 0, y, 0, X25519Field.SIZE);
    System.arraycopy(o.z, 0, z, 0, X25519Field.SIZE);
    System.arraycopy(o.t, 0, t, 0, X25519Field.SIZE);
  }

  /** −(x, y) = (−x, y); carried so the result stays reduced. */
  ExtendedPoint negate() {
    ExtendedPoint r = copy();
    X25519Field.negate(r.x, r.x);
    X25519Field.carry(r.x);
    X25519Field.negate(r.t, r.t);
    X25519Field.carry(r.t);
    return r;
  }

  /** The identity has x = 0 and y = 1, i.e. X ≡ 0 and Y ≡ Z. Constant-time. */
  boolean isIdentity() {
    return (Ed25519Field.isZero(x) & Ed25519Field.equal(y, z)) != 0;
  }

  /** Projective equality: X1·Z2 ≡ X2·Z1 and Y1·Z2 ≡ Y2·Z1 (T follows from X, Y, Z). */
  boolean sameAs(ExtendedPoint o) {
    int[] l = Ed25519Field.create();
    int[] r = Ed25519Field.create();
    X25519Field.mul(x, o.z, l);
    X25519Field.mul(o.x, z, r);
    int eq = Ed25519Field.equal(l, r);
    X25519Field.mul(y, o.z, l);
    X25519Field.mul(o.y, z, r);
    return (eq & Ed25519Field.equal(l, r)) != 0;
  }

  /**
   * r = 2·p by "dbl-2008-hwcd" (HWCD 2008 §3.3) with a = −1: 4M + 4S, or 3M + 4S when
   * {@code needT} is false. Skipping T is safe only when the next operation on r is another
   * doubling, which never reads T; r.t is then stale. r may be p.
   */
  static void dbl(ExtendedPoint p, ExtendedPoint r, Scratch s, boolean needT) {
    int[] a = s.a;
    int[] b = s.b;
    int[] c = s.c;
    int[] e = s.e;
    int[] f = s.f;
    int[] g = s.g;
    int[] h = s.h;
    // A = X1², B = Y1², C = 2·Z1²
    X25519Field.sqr(p.x, a);
    X25519Field.sqr(p.y, b);
    X25519Field.sqr(p.z, c);
    Ed25519Field.twice(c, c);
    // E = (X1 + Y1)² − A − B; the sum is carried first because squaring a sum can overflow.
    X25519Field.add(p.x, p.y, e);
    X25519Field.carry(e);
    X25519Field.sqr(e, e);
    // D = a·A = −A, so G = D + B = B − A and H = D − B = −(A + B).
    X25519Field.add(a, b, h);
    X25519Field.sub(e, h, e);
    X25519Field.carry(e);
    X25519Field.negate(h, h);
    X25519Field.sub(b, a, g);
    // F = G − C, three terms, so carried.
    X25519Field.sub(g, c, f);
    X25519Field.carry(f);
    // X3 = E·F, Y3 = G·H, T3 = E·H, Z3 = F·G
    X25519Field.mul(e, f, r.x);
    X25519Field.mul(g, h, r.y);
    if (needT) {
      X25519Field.mul(e, h, r.t);
    }
    X25519Field.mul(f, g, r.z);
  }

  /**
   * r = p ± q by "add-2008-hwcd-3" (HWCD 2008 §3.2, a = −1, k = 2d) with q in cached form: 8M, or
   * 7M without T. {@code subtract} swaps q's Y±X and negates its 2dT, which is q's negation; it is a
   * public branch, so constant-time callers pass false and negate q with cmov instead. r may be p.
   */
  static void add(ExtendedPoint p, CachedPoint q, boolean subtract, ExtendedPoint r, Scratch s,
      boolean needT) {
    int[] d = s.d;
    // D = Z1·2·Z2
    X25519Field.mul(p.z, q.z2, d);
    addTail(p, subtract ? q.ymx : q.ypx, subtract ? q.ypx : q.ymx, q.t2d, subtract, r, s, needT);
  }

  /**
   * r = p ± q for q in affine Niels form (Z2 = 1): the same formula with D = 2·Z1, 7M (6M without
   * T). Same contract as {@link #add(ExtendedPoint, CachedPoint, boolean, ExtendedPoint, Scratch,
   * boolean)}.
   */
  static void add(ExtendedPoint p, AffineNiels q, boolean subtract, ExtendedPoint r, Scratch s,
      boolean needT) {
    Ed25519Field.twice(p.z, s.d);
    addTail(p, subtract ? q.ymx : q.ypx, subtract ? q.ypx : q.ymx, q.xy2d, subtract, r, s, needT);
  }

  /** The shared part of add-2008-hwcd-3, with D = Z1·2·Z2 already in {@code s.d}. */
  private static void addTail(ExtendedPoint p, int[] ypx2, int[] ymx2, int[] t2d2,
      boolean subtract, ExtendedPoint r, Scratch s, boolean needT) {
    int[] a = s.a;
    int[] b = s.b;
    int[] c = s.c;
    int[] d = s.d;
    int[] e = s.e;
    int[] f = s.f;
    int[] g = s.g;
    int[] h = s.h;
    // A = (Y1 − X1)·(Y2 − X2), B = (Y1 + X1)·(Y2 + X2), C = T1·2d·T2
    X25519Field.apm(p.y, p.x, b, a);
    X25519Field.mul(a, ymx2, a);
    X25519Field.mul(b, ypx2, b);
    X25519Field.mul(p.t, t2d2, c);
    // E = B − A, H = B + A, F = D − C, G = D + C (C changes sign when subtracting).
    X25519Field.apm(b, a, h, e);
    if (subtract) {
      X25519Field.apm(d, c, f, g);
    } else {
      X25519Field.apm(d, c, g, f);
    }
    // G is a sum and meets the sum H in Y3 = G·H: carry it.
    X25519Field.carry(g);
    X25519Field.mul(e, f, r.x);
    X25519Field.mul(g, h, r.y);
    if (needT) {
      X25519Field.mul(e, h, r.t);
    }
    X25519Field.mul(f, g, r.z);
  }

  /** Temporaries for one multiplication, allocated once per call rather than per step. */
  static final class Scratch {
    final int[] a = Ed25519Field.create();
    final int[] b = Ed25519Field.create();
    final int[] c = Ed25519Field.create();
    final int[] d = Ed25519Field.create();
    final int[] e = Ed25519Field.create();
    final int[] f = Ed25519Field.create();
    final int[] g = Ed25519Field.create();
    final int[] h = Ed25519Field.create();
  }
}
