package dev.keyshard.crypto.vss;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A Shamir secret-sharing polynomial f(x) = a_0 + a_1·x + … + a_t-1·x^(t-1) with secret
 * coefficients; f(0) = a_0 is the shared secret and f(i) is party i's share (RFC 9591 Appendix
 * C.1, {@code secret_share_shard}).
 *
 * <h2>Security</h2>
 *
 * <p>The coefficients are as secret as a_0: any t shares, or the coefficients themselves, reveal
 * it. A polynomial never leaves the device, is never printed, and is destroyed as soon as its
 * shares and commitment are out. {@link #evaluate} refuses x = 0, which would hand out the secret
 * itself as a "share" (ATTACKS.md, zero share index).
 *
 * <p>{@link #destroy()} zeroes every coefficient and makes later use throw
 * {@link IllegalStateException}; it is best effort, as the JVM may keep copies.
 *
 * <p>Not thread-safe.
 */
public final class Polynomial implements Destroyable, AutoCloseable {
  private final Group group;
  private final List<SecretScalar> coefficients;
  private boolean destroyed;

  private Polynomial(Group group, List<SecretScalar> coefficients) {
    this.group = group;
    this.coefficients = coefficients;
  }

  /**
   * A polynomial of the given degree with constant term {@code constantTerm} (copied; the caller
   * keeps ownership of its argument) and uniformly random non-zero higher coefficients. A non-zero
   * leading coefficient makes the degree, and so the threshold, exact.
   *
   * @param degree t - 1, at least 0
   * @throws IllegalArgumentException when the degree is negative or the constant term is of
   *     another group
   */
  public static Polynomial random(
      Group group, int degree, SecretScalar constantTerm, SecureRandom rng) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(rng, "rng");
    if (degree < 0) {
      throw new IllegalArgumentException("degree must be at least 0");
    }
    if (constantTerm.group() != group) {
      throw new IllegalArgumentException("constant term of another group");
    }
    List<SecretScalar> coefficients = new ArrayList<>(degree + 1);
    coefficients.add(constantTerm.copy());
    for (int k = 1; k <= degree; k++) {
      coefficients.add(SecretScalar.random(group, rng));
    }
    return new Polynomial(group, coefficients);
  }

  /**
   * A polynomial with the given coefficients a_0 … a_{t-1} (copied), for key import and test
   * vectors.
   *
   * @throws IllegalArgumentException when the list is empty or mixes groups
   */
  public static Polynomial fromCoefficients(List<SecretScalar> coefficients) {
    if (coefficients.isEmpty()) {
      throw new IllegalArgumentException("a polynomial needs at least one coefficient");
    }
    Group group = coefficients.get(0).group();
    List<SecretScalar> copies = new ArrayList<>(coefficients.size());
    for (SecretScalar a : coefficients) {
      if (a.group() != group) {
        throw new IllegalArgumentException("coefficients of different groups");
      }
      copies.add(a.copy());
    }
    return new Polynomial(group, copies);
  }

  public Group group() {
    return group;
  }

  /** The degree as constructed, t - 1. */
  public int degree() {
    return coefficients.size() - 1;
  }

  /** t = degree + 1: how many shares reconstruct the secret. */
  public int threshold() {
    return coefficients.size();
  }

  /**
   * f(x) by Horner's rule, in constant time in the coefficients.
   *
   * @param x the recipient's identifier
   * @return the share f(x), owned by the caller
   * @throws IllegalArgumentException when x is zero (f(0) is the secret) or of another group
   */
  public SecretScalar evaluate(Scalar x) {
    live();
    if (x.group() != group) {
      throw new IllegalArgumentException("scalar of another group");
    }
    if (x.isZero()) {
      throw new IllegalArgumentException("share index must not be zero: f(0) is the secret");
    }
    SecretScalar acc = coefficients.get(coefficients.size() - 1).copy();
    for (int k = coefficients.size() - 2; k >= 0; k--) {
      try (SecretScalar scaled = acc.multiply(x)) {
        acc.destroy();
        acc = scaled.add(coefficients.get(k));
      }
    }
    return acc;
  }

  /** A copy of the constant term f(0), the shared secret, owned by the caller. */
  public SecretScalar constantTerm() {
    live();
    return coefficients.get(0).copy();
  }

  /**
   * The Feldman commitment C_k = a_k·G (RFC 9591 Appendix C.2, {@code vss_commit}).
   *
   * @throws IllegalArgumentException when a coefficient is zero, whose commitment would be the
   *     identity; {@link #random} never produces one unless given a zero constant term (a refresh
   *     polynomial with f(0) = 0 needs a commitment without C_0, which this type does not model)
   */
  public VssCommitment commitment() {
    live();
    List<Point> points = new ArrayList<>(coefficients.size());
    for (SecretScalar a : coefficients) {
      points.add(a.publicPoint());
    }
    VssCommitment c = new VssCommitment(points);
    // The commitment goes on the wire and into transcripts: encode all of it with one inversion.
    group.encodeAll(points);
    return c;
  }

  /** Zeroes every coefficient (best effort); any later use throws. */
  @Override
  public void destroy() {
    destroyed = true;
    for (SecretScalar a : coefficients) {
      a.destroy();
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public void close() {
    destroy();
  }

  private void live() {
    if (destroyed) {
      throw new IllegalStateException("polynomial was destroyed");
    }
  }

  @Override
  public String toString() {
    return "Polynomial[" + group.name() + ", degree=" + degree() + ", redacted]";
  }
}
