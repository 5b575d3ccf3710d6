package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.mpc.PartyId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Public-point arithmetic on Feldman commitment vectors at party identifiers: the entry-wise sum of
 * the parties' vectors (the commitment to the group polynomial), and the evaluation
 * Σ_m C_m·x^m = f(x)·G at a party's id x, which is that party's verifying share (RFC 9591 Appendix
 * C.2, {@code vss_verify}; FROST KeyGen round 2, step 4).
 *
 * <p>Everything here is public (commitments and ids), so the evaluation is variable-time: Horner's
 * rule where each step multiplies by the small integer x (at most {@link PartyId#MAX}) with
 * double-and-add, about a dozen point additions instead of a full scalar multiplication. This is
 * the DKG's hot loop: n evaluations of t − 1 steps per party.
 *
 * <p>Stateless.
 */
final class VerifyingShares {
  private VerifyingShares() {}

  /**
   * The entry-wise sum of commitment vectors that all have {@code length} entries.
   *
   * @throws IllegalArgumentException when {@code vectors} is empty or a length differs (the
   *     callers checked both, naming the sender)
   */
  static List<Point> sum(Collection<List<Point>> vectors, int length) {
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("no commitment vectors to sum");
    }
    List<Point> acc = null;
    for (List<Point> v : vectors) {
      if (v.size() != length) {
        throw new IllegalArgumentException("commitment vector of length " + v.size());
      }
      if (acc == null) {
        acc = new ArrayList<>(v);
        continue;
      }
      for (int m = 0; m < length; m++) {
        acc.set(m, acc.get(m).add(v.get(m)));
      }
    }
    return acc;
  }

  /**
   * Σ_m commitment[m]·x^m for x = {@code at}'s id, by Horner's rule.
   *
   * @throws IllegalArgumentException when the vector is empty: an empty commitment must never
   *     evaluate to anything (ATTACKS.md, wrong-length sequence)
   */
  static Point evaluate(List<Point> commitment, PartyId at) {
    if (commitment.isEmpty()) {
      throw new IllegalArgumentException("empty commitment vector");
    }
    int x = at.value();
    Point acc = commitment.get(commitment.size() - 1);
    for (int m = commitment.size() - 2; m >= 0; m--) {
      acc = times(acc, x).add(commitment.get(m));
    }
    return acc;
  }

  /** k·p for a small public k ≥ 1, by left-to-right double-and-add. Variable-time in k. */
  static Point times(Point p, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("multiplier must be positive");
    }
    Point acc = p;
    for (int bit = 30 - Integer.numberOfLeadingZeros(k); bit >= 0; bit--) {
      acc = acc.add(acc);
      if (((k >>> bit) & 1) != 0) {
        acc = acc.add(p);
      }
    }
    return acc;
  }
}
