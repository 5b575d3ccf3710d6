package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.G;
import static dev.keyshard.crypto.group.Ed25519TestSupport.hex;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleBase;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleEncode;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleScalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cafe.cryptography.curve25519.EdwardsPoint;
import dev.keyshard.crypto.testing.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Point arithmetic compared byte for byte with the independent curve25519-elisabeth (a Java port
 * of curve25519-dalek), used here as a test-only oracle.
 */
class Ed25519OracleTest {

  /** The edges 0, 1, 2, L − 1 and small values that stress the digit carries. */
  private static final List<Scalar> EDGES = List.of(
      G.zero(), G.one(), G.scalarOf(2), G.scalarOf(8), G.scalarOf(0x88888888L),
      G.one().negate(), G.scalarOf(8).negate(), G.reduce(new byte[] {-1, -1, -1, -1}));

  /** A uniform scalar eight times in ten, else one of {@link #EDGES}. */
  private static Scalar scalar(Random r) {
    return r.nextInt(10) < 8 ? G.reduce(Cases.bytes(r, 64)) : Cases.oneOf(r, EDGES);
  }

  /** Every edge scalar, then random ones. */
  static Stream<Arguments> scalars() {
    List<Arguments> edges = new ArrayList<>();
    for (int i = 0; i < EDGES.size(); i++) {
      edges.add(Cases.edge("scalar " + i, EDGES.get(i)));
    }
    return Stream.concat(edges.stream(),
        Cases.arguments(0x0AC1, 150, r -> Cases.args(scalar(r))));
  }

  /** Each edge scalar paired with itself and with L − 1, then random pairs. */
  static Stream<Arguments> scalarPairs(long seed) {
    List<Arguments> edges = new ArrayList<>();
    for (int i = 0; i < EDGES.size(); i++) {
      edges.add(Cases.edge("scalars " + i + ", " + i, EDGES.get(i), EDGES.get(i)));
      edges.add(Cases.edge("scalars " + i + ", L − 1", EDGES.get(i), G.one().negate()));
    }
    return Stream.concat(edges.stream(),
        Cases.arguments(seed, 150, r -> Cases.args(scalar(r), scalar(r))));
  }

  static Stream<Arguments> scalarPairsForSums() {
    return scalarPairs(0x0AC2);
  }

  static Stream<Arguments> scalarPairsForProducts() {
    return scalarPairs(0x0AC3);
  }

  /** Each edge scalar in all three places, then random triples. */
  static Stream<Arguments> scalarTriples() {
    List<Arguments> edges = new ArrayList<>();
    for (int i = 0; i < EDGES.size(); i++) {
      Scalar e = EDGES.get(i);
      edges.add(Cases.edge("scalars " + i + " (a, b, c)", e, e, e));
    }
    return Stream.concat(edges.stream(),
        Cases.arguments(0x0AC4, 150, r -> Cases.args(scalar(r), scalar(r), scalar(r))));
  }

  private static String ours(Point p) {
    return p.isIdentity() ? "identity" : hex(p.toBytes());
  }

  private static String theirs(EdwardsPoint p) {
    return p.isIdentity() ? "identity" : hex(oracleEncode(p));
  }

  @ParameterizedTest
  @MethodSource("scalars")
  void generatorMultiple(Scalar a) {
    EdwardsPoint expected = oracleBase().multiply(oracleScalar(a));
    assertEquals(theirs(expected), ours(G.multiplyGenerator(a)));
    assertEquals(theirs(expected), ours(G.generator().multiply(a)));
  }

  @ParameterizedTest
  @MethodSource("scalarPairsForSums")
  void sumOfGeneratorMultiples(Scalar a, Scalar b) {
    EdwardsPoint aB = oracleBase().multiply(oracleScalar(a));
    EdwardsPoint bB = oracleBase().multiply(oracleScalar(b));
    assertEquals(theirs(aB.add(bB)), ours(G.multiplyGenerator(a).add(G.multiplyGenerator(b))));
    assertEquals(theirs(aB.subtract(bB)),
        ours(G.multiplyGenerator(a).subtract(G.multiplyGenerator(b))));
    assertEquals(theirs(aB.negate()), ours(G.multiplyGenerator(a).negate()));
  }

  @ParameterizedTest
  @MethodSource("scalarPairsForProducts")
  void multipleOfAMultiple(Scalar a, Scalar b) {
    EdwardsPoint expected = oracleBase().multiply(oracleScalar(b)).multiply(oracleScalar(a));
    assertEquals(theirs(expected), ours(G.multiplyGenerator(b).multiply(a)));
  }

  @ParameterizedTest
  @MethodSource("scalarTriples")
  void doubleScalarMultiplication(Scalar a, Scalar b, Scalar c) {
    Point p = G.multiplyGenerator(c);
    EdwardsPoint expected = EdwardsPoint.vartimeDoubleScalarMultiplyBasepoint(
        oracleScalar(b), oracleBase().multiply(oracleScalar(c)), oracleScalar(a));
    assertEquals(theirs(expected), ours(G.multiplyGeneratorAndAdd(a, b, p)));
  }

  @ParameterizedTest
  @MethodSource("encodings")
  void decodingAgreesOnRandomBytes(byte[] bytes) throws Exception {
    // The oracle reduces a non-canonical y (≥ p) where RFC 8032 §5.1.3 refuses it.
    if (Ed25519Field.isAtLeastP(bytes)) {
      assertThrows(InvalidEncodingException.class, () -> PointCodec.decode(bytes));
      assertThrows(InvalidEncodingException.class, () -> G.decodePoint(bytes));
      return;
    }
    EdwardsPoint q;
    try {
      q = Ed25519TestSupport.oracleDecode(bytes);
    } catch (cafe.cryptography.curve25519.InvalidEncodingException e) {
      assertThrows(InvalidEncodingException.class, () -> PointCodec.decode(bytes));
      assertThrows(InvalidEncodingException.class, () -> G.decodePoint(bytes));
      return;
    }
    if (!hex(oracleEncode(q)).equals(hex(bytes))) {
      // Only x = 0 with the sign bit set re-encodes differently; §5.1.3 step 4 refuses it.
      assertThrows(InvalidEncodingException.class, () -> PointCodec.decode(bytes));
      return;
    }
    assertEquals(hex(bytes), hex(PointCodec.encode(PointCodec.decode(bytes))));
    // Strict decoding succeeds exactly when the oracle finds a torsion-free, non-identity point.
    if (q.isTorsionFree() && !q.isIdentity()) {
      assertEquals(hex(bytes), hex(G.decodePoint(bytes).toBytes()));
    } else {
      assertThrows(InvalidEncodingException.class, () -> G.decodePoint(bytes));
    }
  }

  /**
   * Edge byte patterns (all 0x00, all 0xFF, the identity (0, 1) with and without the sign bit,
   * ...), then half random bytes and half encodings of random subgroup points, so the accepting
   * branch is hit too.
   */
  static Stream<Arguments> encodings() {
    List<Arguments> edges = new ArrayList<>();
    for (byte[] b : Cases.edgeBytes(32, 32)) {
      edges.add(Cases.edge(String.format("all 0x%02X", b[0]), (Object) b));
    }
    byte[] identity = new byte[32];
    identity[0] = 1;
    edges.add(Cases.edge("identity (0, 1)", (Object) identity.clone()));
    identity[31] = (byte) 0x80;
    edges.add(Cases.edge("identity with the sign bit set", (Object) identity));
    edges.add(Cases.edge("generator", (Object) G.generator().toBytes()));
    return Stream.concat(edges.stream(), Cases.arguments(0x0AC5, 300, r -> {
      if (r.nextBoolean()) {
        return Cases.args(Cases.bytes(r, 32));
      }
      Scalar s = scalar(r);
      while (s.isZero()) {
        s = scalar(r);
      }
      return Cases.args(oracleEncode(oracleBase().multiply(oracleScalar(s))));
    }));
  }
}
