package dev.keyshard.crypto.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.testing.Cases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Lagrange coefficients over both scalar fields (scalar arithmetic only, no points). */
class LagrangeTest {
  static List<Group> groups() {
    return List.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
  }

  private static List<Integer> range(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int x = from; x <= to; x++) {
      out.add(x);
    }
    return out;
  }

  /** 1..8 distinct ids in 1..1000: per group the edges (one id, the extremes), then random sets. */
  static Stream<Arguments> groupsAndIdSets() {
    List<Arguments> edges = new ArrayList<>();
    for (Group g : groups()) {
      edges.add(Cases.edge(g.name() + ": {1}", g, List.of(1)));
      edges.add(Cases.edge(g.name() + ": {1000}", g, List.of(1000)));
      edges.add(Cases.edge(g.name() + ": {1, 1000}", g, List.of(1, 1000)));
      edges.add(Cases.edge(g.name() + ": {1..8}", g, range(1, 8)));
      edges.add(Cases.edge(g.name() + ": {993..1000}", g, range(993, 1000)));
    }
    return Stream.concat(edges.stream(), Cases.arguments(0x1A61, 100, r -> Cases.args(
        Cases.oneOf(r, groups()), Cases.distinctInts(r, 1, 8, 1, 1000))));
  }

  /**
   * 1..6 distinct ids in 1..1000, a point in 0..5000 and a seed: per group the edges (one id,
   * evaluating at 0, at 5000 and at an id), then random cases.
   */
  static Stream<Arguments> groupsIdSetsPointsAndSeeds() {
    List<Arguments> edges = new ArrayList<>();
    for (Group g : groups()) {
      edges.add(Cases.edge(g.name() + ": {1} at 0", g, List.of(1), 0, 0L));
      edges.add(Cases.edge(g.name() + ": {1000} at 5000", g, List.of(1000), 5000, -1L));
      edges.add(Cases.edge(g.name() + ": {1..6} at 0", g, range(1, 6), 0, Long.MIN_VALUE));
      edges.add(Cases.edge(g.name() + ": {995..1000} at 5000", g, range(995, 1000), 5000,
          Long.MAX_VALUE));
      edges.add(Cases.edge(g.name() + ": {7, 3, 1000} at the id 1000", g, List.of(7, 3, 1000),
          1000, 1L));
    }
    return Stream.concat(edges.stream(), Cases.arguments(0x1A62, 100, r -> Cases.args(
        Cases.oneOf(r, groups()), Cases.distinctInts(r, 1, 6, 1, 1000), Cases.between(r, 0, 5000),
        r.nextLong())));
  }

  private static List<Scalar> ids(Group g, long... xs) {
    List<Scalar> out = new ArrayList<>();
    for (long x : xs) {
      out.add(g.scalarOf(x));
    }
    return out;
  }

  /** RFC 9591 Appendix E signers {1, 3}: λ_1 = 3 / (3 − 1), λ_3 = 1 / (1 − 3). */
  @ParameterizedTest
  @MethodSource("groups")
  void rfc9591ParticipantSet(Group g) {
    List<Scalar> set = ids(g, 1, 3);
    Scalar two = g.scalarOf(2);
    assertEquals(g.scalarOf(3).multiply(two.invert()), Lagrange.coefficient(g.scalarOf(1), set));
    assertEquals(two.invert().negate(), Lagrange.coefficient(g.scalarOf(3), set));
  }

  /** ATTACKS.md, zero / aliased share index: validated before any arithmetic. */
  @ParameterizedTest
  @MethodSource("groups")
  void invalidIdentifierSetsAreRejected(Group g) {
    Scalar one = g.scalarOf(1);
    assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficient(one, List.of()));
    assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficient(one, ids(g, 1, 0, 2)));
    assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficient(one, ids(g, 1, 2, 2)));
    assertThrows(IllegalArgumentException.class, () -> Lagrange.coefficient(one, ids(g, 2, 3)));
    // n + 1 ≡ 1: an id aliased modulo the order is the same scalar, hence a duplicate.
    Scalar aliased = g.reduce(toGroupBytes(g, g.order().add(java.math.BigInteger.ONE)));
    assertEquals(one, aliased);
    assertThrows(IllegalArgumentException.class,
        () -> Lagrange.coefficient(one, List.of(one, aliased)));
    Group other = g == Secp256k1.INSTANCE ? Ed25519.INSTANCE : Secp256k1.INSTANCE;
    assertThrows(IllegalArgumentException.class,
        () -> Lagrange.coefficient(one, List.of(one, other.scalarOf(2))));
    assertThrows(IllegalArgumentException.class,
        () -> Lagrange.interpolateAtZero(Map.of(g.zero(), one)));
  }

  private static byte[] toGroupBytes(Group g, java.math.BigInteger v) {
    byte[] be = v.toByteArray();
    if (g == Secp256k1.INSTANCE) {
      return be;
    }
    byte[] le = new byte[be.length];
    for (int i = 0; i < be.length; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return le;
  }

  /** Σ_i λ_i(0) = 1: interpolating the constant polynomial 1. */
  @ParameterizedTest
  @MethodSource("groupsAndIdSets")
  void coefficientsSumToOne(Group g, List<Integer> xs) {
    List<Scalar> set = new ArrayList<>();
    xs.forEach(x -> set.add(g.scalarOf(x)));
    Scalar sum = g.zero();
    for (Scalar xi : set) {
      sum = sum.add(Lagrange.coefficient(xi, set));
    }
    assertEquals(g.one(), sum);
  }

  /** Interpolating a random polynomial of degree |xs| − 1 recovers f(at) for any at. */
  @ParameterizedTest
  @MethodSource("groupsIdSetsPointsAndSeeds")
  void interpolationRecoversThePolynomial(Group g, List<Integer> xs, int at, long seed) {
    java.security.SecureRandom rng = VssContractTest.seeded(seed);
    List<Scalar> coefficients = new ArrayList<>();
    for (int k = 0; k < xs.size(); k++) {
      coefficients.add(g.randomScalar(rng));
    }
    Map<Scalar, Scalar> points = new LinkedHashMap<>();
    for (int x : xs) {
      points.put(g.scalarOf(x), eval(coefficients, g.scalarOf(x)));
    }
    Scalar atScalar = g.scalarOf(at);
    Scalar sum = g.zero();
    for (Map.Entry<Scalar, Scalar> e : points.entrySet()) {
      sum = sum.add(Lagrange.coefficient(e.getKey(), points.keySet(), atScalar).multiply(e.getValue()));
    }
    assertEquals(eval(coefficients, atScalar), sum);
    assertEquals(coefficients.get(0), Lagrange.interpolateAtZero(points));
    assertEquals(Set.copyOf(points.keySet()).size(), xs.size());
  }

  private static Scalar eval(List<Scalar> coefficients, Scalar x) {
    Scalar acc = x.group().zero();
    for (int k = coefficients.size() - 1; k >= 0; k--) {
      acc = acc.multiply(x).add(coefficients.get(k));
    }
    return acc;
  }
}
