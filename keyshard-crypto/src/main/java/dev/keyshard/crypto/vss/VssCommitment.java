package dev.keyshard.crypto.vss;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Feldman VSS commitment to a polynomial f(x) = a_0 + a_1·x + … + a_{t-1}·x^{t-1}: the points
 * C_k = a_k·G, k = 0 … t-1 (RFC 9591 Appendix C.2, {@code vss_commit}). It has exactly t entries,
 * where t is the threshold; C_0 commits to the secret f(0), so in a DKG the sum of the C_0 is the
 * group public key.
 *
 * <p>The length is part of the statement: a dealer who sends t + k entries silently raises the
 * threshold (ATTACKS.md, Pedersen DKG threshold-raise). So the constructor rejects an empty list,
 * {@link #decode} takes the expected count, and callers compare {@link #threshold()} with the
 * session's t.
 *
 * <p>Public data: immutable, thread-safe, with value equality.
 */
public final class VssCommitment {
  private final Group group;
  private final List<Point> coefficients;

  /**
   * @param coefficients C_0 … C_{t-1}, all of one group and none the identity
   * @throws IllegalArgumentException when the list is empty, mixes groups or holds the identity
   */
  public VssCommitment(List<Point> coefficients) {
    Objects.requireNonNull(coefficients, "coefficients");
    // An empty commitment would make every share check pass vacuously (ATTACKS.md, wrong-length).
    if (coefficients.isEmpty()) {
      throw new IllegalArgumentException("a VSS commitment needs at least one coefficient");
    }
    this.group = coefficients.get(0).group();
    for (Point c : coefficients) {
      if (c.group() != group) {
        throw new IllegalArgumentException("VSS commitment mixes groups");
      }
      if (c.isIdentity()) {
        throw new IllegalArgumentException("VSS commitment entry is the identity");
      }
    }
    this.coefficients = List.copyOf(coefficients);
  }

  public Group group() {
    return group;
  }

  /** t: the number of entries, one more than the polynomial's degree. */
  public int threshold() {
    return coefficients.size();
  }

  /** C_0 … C_{t-1}, unmodifiable. */
  public List<Point> coefficients() {
    return coefficients;
  }

  /** C_0 = f(0)·G: the public key of the shared secret. */
  public Point groupKey() {
    return coefficients.get(0);
  }

  /**
   * Σ_k x^k·C_k = f(x)·G: the public counterpart of the share at x (its verifying share), by
   * Horner's rule. Variable-time; x and the C_k are public.
   */
  public Point evaluate(Scalar x) {
    requireGroup(x);
    Point acc = coefficients.get(coefficients.size() - 1);
    for (int k = coefficients.size() - 2; k >= 0; k--) {
      acc = acc.multiply(x).add(coefficients.get(k));
    }
    return acc;
  }

  /**
   * Checks a received share against this commitment (RFC 9591 Appendix C.2,
   * {@code vss_verify}): {@code share·G == Σ_k x^k·C_k}.
   *
   * @param x the recipient's identifier; must not be zero, where f(0) is the secret
   * @param share the share the recipient received
   * @throws InvalidShareException when the share does not match
   * @throws IllegalArgumentException when x is zero or of another group
   */
  public void verifyShare(Scalar x, SecretScalar share) throws InvalidShareException {
    requireGroup(x);
    if (x.isZero()) {
      throw new IllegalArgumentException("share index must not be zero");
    }
    if (share.group() != group) {
      throw new IllegalArgumentException("share of another group");
    }
    if (!share.publicPoint().equals(evaluate(x))) {
      throw new InvalidShareException(x);
    }
  }

  /**
   * The entry-wise sum: the commitment to the sum of two polynomials (used to form the group
   * commitment in a DKG).
   *
   * @throws IllegalArgumentException when the thresholds or groups differ, or a sum is the identity
   */
  public VssCommitment add(VssCommitment other) {
    if (other.group != group || other.threshold() != threshold()) {
      throw new IllegalArgumentException(
          "cannot add VSS commitments of thresholds " + threshold() + " and " + other.threshold());
    }
    List<Point> sum = new ArrayList<>(threshold());
    for (int k = 0; k < threshold(); k++) {
      sum.add(coefficients.get(k).add(other.coefficients.get(k)));
    }
    return new VssCommitment(sum);
  }

  /** The encoding: the t canonical point encodings, concatenated (t·pointLength bytes). */
  public byte[] encode() {
    int n = group.pointLength();
    byte[] out = new byte[n * coefficients.size()];
    for (int k = 0; k < coefficients.size(); k++) {
      System.arraycopy(coefficients.get(k).toBytes(), 0, out, k * n, n);
    }
    return out;
  }

  /**
   * Decodes exactly {@code expectedLength} points. The count is the session's threshold t, never
   * taken from the bytes: a longer or shorter vector is rejected, not accepted as another
   * threshold (ATTACKS.md, Pedersen DKG threshold-raise).
   *
   * @param group the session's group
   * @param bytes the encoding
   * @param expectedLength t, the number of points expected (at least 1)
   * @throws InvalidEncodingException when the length is not t·pointLength, or a point is not a
   *     valid non-identity group element
   */
  public static VssCommitment decode(Group group, byte[] bytes, int expectedLength)
      throws InvalidEncodingException {
    Objects.requireNonNull(group, "group");
    if (expectedLength < 1) {
      throw new IllegalArgumentException("expected length must be at least 1");
    }
    int n = group.pointLength();
    if (bytes == null || bytes.length != (long) n * expectedLength) {
      throw new InvalidEncodingException("VSS commitment must be " + expectedLength + " points of "
          + n + " bytes, got " + (bytes == null ? "none" : bytes.length + " bytes"));
    }
    List<Point> points = new ArrayList<>(expectedLength);
    for (int k = 0; k < expectedLength; k++) {
      // decodePoint rejects off-curve, non-canonical, small-order and identity encodings.
      points.add(group.decodePoint(Arrays.copyOfRange(bytes, k * n, (k + 1) * n)));
    }
    return new VssCommitment(points);
  }

  private void requireGroup(Scalar x) {
    if (x.group() != group) {
      throw new IllegalArgumentException("scalar of " + x.group().name() + " used with "
          + group.name() + " commitment");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VssCommitment && ((VssCommitment) o).coefficients.equals(coefficients);
  }

  @Override
  public int hashCode() {
    return coefficients.hashCode();
  }

  @Override
  public String toString() {
    return "VssCommitment[" + group.name() + ", t=" + threshold() + ", C_0=" + groupKey() + "]";
  }
}
