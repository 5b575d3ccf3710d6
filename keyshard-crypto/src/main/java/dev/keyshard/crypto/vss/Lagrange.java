package dev.keyshard.crypto.vss;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lagrange interpolation over a group's scalar field (RFC 9591 §4.2, {@code
 * derive_interpolating_value}, generalised to any evaluation point).
 *
 * <p>Identifier sets are validated before any arithmetic: a zero identifier would address f(0), the
 * secret, and a duplicate makes the denominator zero (ATTACKS.md, zero / aliased share index).
 * Scalars are already reduced, so ids equal modulo the order are equal here and caught as
 * duplicates.
 *
 * <p>Stateless and thread-safe. Arithmetic is on {@link Scalar}, constant-time; only the validation
 * branches on the (public) identifiers.
 */
public final class Lagrange {
  private Lagrange() {}

  /**
   * λ_i(0) = Π_{j≠i} x_j / (x_j − x_i): the coefficient of party i's share when interpolating f(0)
   * from the shares of {@code xs}.
   *
   * @throws IllegalArgumentException when {@code xs} is empty, holds zero or a duplicate, mixes
   *     groups, or does not contain {@code xi}
   */
  public static Scalar coefficient(Scalar xi, Collection<Scalar> xs) {
    return coefficient(xi, xs, xi.group().zero());
  }

  /**
   * λ_i(at) = Π_{j≠i} (at − x_j) / (x_i − x_j).
   *
   * @throws IllegalArgumentException when {@code xs} is empty, holds zero or a duplicate, mixes
   *     groups, or does not contain {@code xi}
   */
  public static Scalar coefficient(Scalar xi, Collection<Scalar> xs, Scalar at) {
    Group group = validate(xs);
    Objects.requireNonNull(xi, "xi");
    Objects.requireNonNull(at, "at");
    if (xi.group() != group || at.group() != group) {
      throw new IllegalArgumentException("scalars of different groups");
    }
    // RFC 9591 §4.2: "if x_i not in L: raise "invalid parameters""
    if (!xs.contains(xi)) {
      throw new IllegalArgumentException("x_i is not in the identifier set");
    }
    Scalar numerator = group.one();
    Scalar denominator = group.one();
    for (Scalar xj : xs) {
      if (xj.equals(xi)) {
        continue;
      }
      numerator = numerator.multiply(at.subtract(xj));
      denominator = denominator.multiply(xi.subtract(xj));
    }
    // denominator ≠ 0: the ids are distinct, checked above.
    return numerator.multiply(denominator.invert());
  }

  /**
   * f(0) = Σ λ_i(0)·y_i from the points (x_i, y_i), for tests and emergency recovery. The result is
   * as secret as the y_i.
   *
   * @throws IllegalArgumentException on an invalid identifier set (see
   *     {@link #coefficient(Scalar, Collection, Scalar)}) or mixed groups
   */
  public static Scalar interpolateAtZero(Map<Scalar, Scalar> points) {
    Group group = validate(points.keySet());
    Scalar sum = group.zero();
    for (Map.Entry<Scalar, Scalar> e : points.entrySet()) {
      if (e.getValue().group() != group) {
        throw new IllegalArgumentException("scalars of different groups");
      }
      sum = sum.add(coefficient(e.getKey(), points.keySet()).multiply(e.getValue()));
    }
    return sum;
  }

  /**
   * F(0)·G = Σ λ_i(0)·Y_i from public points (x_i, Y_i = f(x_i)·G): recovers the group public key
   * from verifying shares, to check that a committee agrees on it.
   *
   * @throws IllegalArgumentException on an invalid identifier set or mixed groups
   */
  public static Point interpolatePointsAtZero(Map<Scalar, Point> points) {
    Group group = validate(points.keySet());
    Point sum = group.identity();
    for (Map.Entry<Scalar, Point> e : points.entrySet()) {
      if (e.getValue().group() != group) {
        throw new IllegalArgumentException("point of another group");
      }
      sum = sum.add(e.getValue().multiply(coefficient(e.getKey(), points.keySet())));
    }
    return sum;
  }

  /** Non-empty, one group, no zero, no duplicate; returns the group. */
  private static Group validate(Collection<Scalar> xs) {
    Objects.requireNonNull(xs, "xs");
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("identifier set is empty");
    }
    Group group = null;
    Set<Scalar> seen = new HashSet<>();
    for (Scalar x : xs) {
      Objects.requireNonNull(x, "identifier");
      if (group == null) {
        group = x.group();
      } else if (x.group() != group) {
        throw new IllegalArgumentException("identifiers of different groups");
      }
      if (x.isZero()) {
        throw new IllegalArgumentException("identifier must not be zero");
      }
      if (!seen.add(x)) {
        throw new IllegalArgumentException("duplicate identifier");
      }
    }
    return group;
  }
}
