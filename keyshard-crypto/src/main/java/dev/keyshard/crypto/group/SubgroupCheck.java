package dev.keyshard.crypto.group;

import dev.keyshard.crypto.internal.KeyshardBug;
import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * Membership of a public edwards25519 point in the prime-order subgroup, for RFC 9591 §6.1
 * DeserializeElement, by one point halving and one quartic residue symbol instead of the scalar
 * multiplication [L]·P: three exponentiations (about 20 µs) where [L]·P costs about 250 doublings
 * (about 75 µs). Variable-time: only for public points. Stateless and thread-safe.
 *
 * <h2>Why it is right</h2>
 * E(F_p) ≅ Z/8 × Z/L, so P lies in the order-L subgroup iff P ∈ 8E, iff P has a half Q (2Q = P)
 * with Q ∈ 4E. Halves differ by the rational 2-torsion point, which is itself in 4E, so any half
 * will do. We work on the birationally equivalent Montgomery curve25519, v² = u³ + A·u² + u with
 * A = 486662 (RFC 7748 §4.1: u = (1+y)/(1−y), v = c·u/x with c² = −(A+2)).
 * <ol>
 *   <li><b>P ∈ 2E iff u is a square.</b> P ↦ u mod squares is the descent homomorphism of the
 *       2-isogeny with kernel {O, (0, 0)} (Silverman, AEC §X.4); it is onto, as the order-8
 *       points have non-square u, so its kernel has index 2 and contains 2E: it is 2E.
 *   <li><b>The half.</b> With r = √u and m = v/r, the u-coordinates of the halves of ±P are the
 *       roots of w² − 2(u − m)·w + 1 or of w² − 2(u + m)·w + 1 (the tangent at Q through −2Q;
 *       our derivation, in the spirit of Pornin's halving, ePrint 2022/1164). The product of the
 *       two discriminants is 16u²(A² − 4), a non-square, so exactly one quadratic splits: the one
 *       whose discriminant is a square. Scaled by x this is s² = g² − x² with g = r·(x·r − c), and
 *       then u_Q = (g + s)/x and v_Q = (u_Q² − 1)/(2r) up to sign.
 *   <li><b>Q ∈ 4E iff the reduced Tate pairing t₄(T₄, Q) = 1</b> (Koshelev, "Subgroup membership
 *       testing on elliptic curves via the Tate pairing", ePrint 2022/037). μ₄ ⊂ F_p (p ≡ 5 mod 8)
 *       and E[4](F_p) = ⟨T₄⟩, T₄ = (1, v₄), v₄² = A + 2, so the pairing is non-degenerate on
 *       E[4] × E/4E. Its Miller function is f = (v − v₄·u)²/u (divisor 4(T₄) − 4(O), monic at O),
 *       and t₄ = f(Q)^((p−1)/4). Substituting u_Q and v_Q and dropping fourth powers leaves
 *       f(Q) ≡ x·(g + s)·r²·(s − v₄·r·x)², so no division is needed.
 * </ol>
 * Y. Dai, Y. El Housni, D. Koshelev and K. Reijnders ("Divide-and-Pair") list the same recipe for
 * Curve25519: one halving, then a quartic symbol. When the first discriminant is not a square, the
 * exponentiation that found out already gives a root z of ±i·(g² − x²), from which the other
 * quadratic's root follows with a constant (see {@link #fourthPowerClassOtherHalf}): no fourth
 * exponentiation. The low-order points (x = 0) are handled first. {@code SubgroupCheckTest}
 * checks all of this against {@link #byOrderMultiplication(ExtendedPoint)}, the textbook test.
 */
final class SubgroupCheck {
  /** c = √−(A+2): the scale in v = c·u/x of the RFC 7748 map (either root serves). */
  private static final int[] C = Ed25519Field.create();
  /** v₄ = √(A+2): T₄ = (1, v₄) is a rational point of order 4 on curve25519. */
  private static final int[] V4 = Ed25519Field.create();
  /** √(i·(A² − 4)) and √(−i·(A² − 4)): both exist because A² − 4 and ±i are non-squares. */
  private static final int[] K_PLUS = Ed25519Field.create();
  private static final int[] K_MINUS = Ed25519Field.create();

  static {
    int[] a2 = Ed25519Field.create();
    a2[0] = 486664; // A + 2
    constantRoot(a2, V4);
    X25519Field.negate(a2, a2);
    X25519Field.normalize(a2);
    constantRoot(a2, C);
    int[] am2 = Ed25519Field.create();
    am2[0] = 486660; // A − 2
    int[] k = Ed25519Field.create();
    X25519Field.mul(am2, V4, k);
    X25519Field.mul(k, V4, k); // (A − 2)·(A + 2) = A² − 4
    X25519Field.mul(k, Ed25519Field.SQRT_M1, k);
    constantRoot(k, K_PLUS);
    X25519Field.negate(k, k);
    X25519Field.normalize(k);
    constantRoot(k, K_MINUS);
  }

  private SubgroupCheck() {}

  /**
   * True when the affine point (x, y) of edwards25519 lies in the subgroup of order L (the
   * identity included). x and y must be reduced and (x, y) on the curve.
   */
  static boolean inPrimeOrderSubgroup(int[] x, int[] y) {
    int[] t = x.clone();
    X25519Field.normalize(t);
    if (X25519Field.isZeroVar(t)) {
      // x = 0: the identity (0, 1) or the order-2 point (0, −1).
      X25519Field.copy(y, 0, t, 0);
      X25519Field.normalize(t);
      return X25519Field.isOneVar(t);
    }
    // Step 1: r = √u with u = (1 + y)/(1 − y); none means P ∉ 2E.
    int[] num = y.clone();
    X25519Field.addOne(num);
    X25519Field.carry(num);
    int[] den = Ed25519Field.create();
    X25519Field.negate(y, den);
    X25519Field.addOne(den);
    X25519Field.carry(den);
    int[] r = Ed25519Field.create();
    if (!X25519Field.sqrtRatioVar(num, den, r)) {
      return false;
    }
    // Step 2: g = r·(x·r − c); the half exists on this side iff g² − x² is a square.
    int[] xr = Ed25519Field.create();
    X25519Field.mul(x, r, xr);
    int[] g = Ed25519Field.create();
    X25519Field.sub(xr, C, g);
    X25519Field.mul(g, r, g);
    int[] disc = Ed25519Field.create();
    X25519Field.sqr(g, disc);
    X25519Field.sqr(x, t);
    X25519Field.sub(disc, t, disc);
    X25519Field.carry(disc);
    int[] s = Ed25519Field.create();
    int hint = Ed25519Field.sqrtOrHint(disc, s);
    // Step 3: the quartic symbol of f(Q), up to fourth powers.
    int[] f = hint == 0
        ? fourthPowerClass(x, r, xr, g, s)
        : fourthPowerClassOtherHalf(x, r, xr, s, hint > 0 ? K_PLUS : K_MINUS);
    return Ed25519Field.isFourthPowerVar(f);
  }

  /** True when p is in the subgroup of order L; normalises p first (one inversion). */
  static boolean inPrimeOrderSubgroup(ExtendedPoint p) {
    int[] zinv = Ed25519Field.create();
    int[] x = Ed25519Field.create();
    int[] y = Ed25519Field.create();
    X25519Field.invVar(p.z, zinv);
    X25519Field.mul(p.x, zinv, x);
    X25519Field.mul(p.y, zinv, y);
    return inPrimeOrderSubgroup(x, y);
  }

  /**
   * The textbook test [L]·P = identity (L is odd and prime to 8, so a torsion component survives).
   * Four times slower; kept as the oracle the fast test is checked against.
   */
  static boolean byOrderMultiplication(ExtendedPoint p) {
    byte[] be = Ed25519.INSTANCE.order().toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return VartimeMultiplier.multiply(le, p).isIdentity();
  }

  /** f(Q) ≡ x·(g + s)·r²·(s − v₄·r·x)² for the half u_Q = (g + s)/x. */
  private static int[] fourthPowerClass(int[] x, int[] r, int[] xr, int[] g, int[] s) {
    int[] f = Ed25519Field.create();
    int[] t = Ed25519Field.create();
    X25519Field.add(g, s, t);
    X25519Field.mul(t, x, f);
    X25519Field.sqr(r, t);
    X25519Field.mul(f, t, f);
    X25519Field.mul(V4, xr, t);
    X25519Field.sub(s, t, t);
    X25519Field.sqr(t, t);
    X25519Field.mul(f, t, f);
    return f;
  }

  /**
   * The same for the other quadratic, when g² − x² was not a square and z² = ±i·(g² − x²). The
   * product of the two scaled discriminants is x⁴r⁴(A² − 4), so the other root is s' = N/z with
   * N = x²r²·√(±i(A² − 4)), and g' = r·(x·r + c). Then f(Q) ≡ x·(g' + N/z)·r²·(N/z − v₄rx)²
   * ≡ x·r²·z·(g'·z + N)·(N − v₄rx·z)², multiplying by the fourth power z⁴.
   */
  private static int[] fourthPowerClassOtherHalf(int[] x, int[] r, int[] xr, int[] z, int[] k) {
    int[] n = Ed25519Field.create();
    int[] t = Ed25519Field.create();
    X25519Field.sqr(xr, n);
    X25519Field.mul(n, k, n);
    int[] g = Ed25519Field.create();
    X25519Field.add(xr, C, g);
    X25519Field.mul(g, r, g);
    int[] f = Ed25519Field.create();
    X25519Field.mul(g, z, f);
    X25519Field.add(f, n, f);
    X25519Field.mul(f, x, f);
    X25519Field.sqr(r, t);
    X25519Field.mul(f, t, f);
    X25519Field.mul(f, z, f);
    X25519Field.mul(V4, xr, t);
    X25519Field.mul(t, z, t);
    X25519Field.sub(n, t, t);
    X25519Field.sqr(t, t);
    X25519Field.mul(f, t, f);
    return f;
  }

  private static void constantRoot(int[] a, int[] root) {
    if (Ed25519Field.sqrtOrHint(a, root) != 0) {
      throw new KeyshardBug("curve25519 constant is not a square");
    }
    X25519Field.normalize(root);
  }
}
