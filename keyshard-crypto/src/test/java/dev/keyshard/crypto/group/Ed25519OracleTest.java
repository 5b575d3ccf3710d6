package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.G;
import static dev.keyshard.crypto.group.Ed25519TestSupport.hex;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleBase;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleEncode;
import static dev.keyshard.crypto.group.Ed25519TestSupport.oracleScalar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cafe.cryptography.curve25519.EdwardsPoint;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Point arithmetic compared byte for byte with the independent curve25519-elisabeth (a Java port
 * of curve25519-dalek), used here as a test-only oracle.
 */
class Ed25519OracleTest {

  /** Uniform scalars, plus the edges 0, 1, 2, L − 1 and small values that stress the digit carries. */
  @Provide
  Arbitrary<Scalar> scalars() {
    Arbitrary<Scalar> uniform =
        Arbitraries.bytes().array(byte[].class).ofSize(64).map(G::reduce);
    Arbitrary<Scalar> edges = Arbitraries.of(
        G.zero(), G.one(), G.scalarOf(2), G.scalarOf(8), G.scalarOf(0x88888888L),
        G.one().negate(), G.scalarOf(8).negate(), G.reduce(new byte[] {-1, -1, -1, -1}));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, uniform), net.jqwik.api.Tuple.of(2, edges));
  }

  private static String ours(Point p) {
    return p.isIdentity() ? "identity" : hex(p.toBytes());
  }

  private static String theirs(EdwardsPoint p) {
    return p.isIdentity() ? "identity" : hex(oracleEncode(p));
  }

  @Property(tries = 150)
  void generatorMultiple(@ForAll("scalars") Scalar a) {
    EdwardsPoint expected = oracleBase().multiply(oracleScalar(a));
    assertEquals(theirs(expected), ours(G.multiplyGenerator(a)));
    assertEquals(theirs(expected), ours(G.generator().multiply(a)));
  }

  @Property(tries = 150)
  void sumOfGeneratorMultiples(@ForAll("scalars") Scalar a, @ForAll("scalars") Scalar b) {
    EdwardsPoint aB = oracleBase().multiply(oracleScalar(a));
    EdwardsPoint bB = oracleBase().multiply(oracleScalar(b));
    assertEquals(theirs(aB.add(bB)), ours(G.multiplyGenerator(a).add(G.multiplyGenerator(b))));
    assertEquals(theirs(aB.subtract(bB)),
        ours(G.multiplyGenerator(a).subtract(G.multiplyGenerator(b))));
    assertEquals(theirs(aB.negate()), ours(G.multiplyGenerator(a).negate()));
  }

  @Property(tries = 150)
  void multipleOfAMultiple(@ForAll("scalars") Scalar a, @ForAll("scalars") Scalar b) {
    EdwardsPoint expected = oracleBase().multiply(oracleScalar(b)).multiply(oracleScalar(a));
    assertEquals(theirs(expected), ours(G.multiplyGenerator(b).multiply(a)));
  }

  @Property(tries = 150)
  void doubleScalarMultiplication(@ForAll("scalars") Scalar a, @ForAll("scalars") Scalar b,
      @ForAll("scalars") Scalar c) {
    Point p = G.multiplyGenerator(c);
    EdwardsPoint expected = EdwardsPoint.vartimeDoubleScalarMultiplyBasepoint(
        oracleScalar(b), oracleBase().multiply(oracleScalar(c)), oracleScalar(a));
    assertEquals(theirs(expected), ours(G.multiplyGeneratorAndAdd(a, b, p)));
  }

  @Property(tries = 300)
  void decodingAgreesOnRandomBytes(@ForAll("encodings") byte[] bytes) throws Exception {
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

  /** Random bytes, and encodings of random subgroup points so the accepting branch is hit too. */
  @Provide
  Arbitrary<byte[]> encodings() {
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofSize(32);
    Arbitrary<byte[]> valid = scalars().filter(s -> !s.isZero())
        .map(s -> oracleEncode(oracleBase().multiply(oracleScalar(s))));
    return Arbitraries.oneOf(random, valid);
  }
}
