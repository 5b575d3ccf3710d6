package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.G;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.testing.Cases;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Group laws and the {@link Point} contract for {@link Ed25519}. */
class Ed25519GroupLawTest {

  /** 64 bytes reduced mod L, one in eight an edge array (all 0x00, all 0xFF, ...). */
  private static Scalar scalar(Random r) {
    return G.reduce(Cases.bytesWithEdges(r, 64, 64));
  }

  /** A non-zero multiple of the generator. */
  private static Point point(Random r) {
    Scalar s = scalar(r);
    while (s.isZero()) {
      s = scalar(r);
    }
    return G.multiplyGenerator(s);
  }

  private static final Point MINUS_G = G.multiplyGenerator(G.one().negate());

  static Stream<Arguments> points() {
    return Stream.concat(Stream.of(
            Cases.edge("generator", G.generator()),
            Cases.edge("minus generator", MINUS_G)),
        Cases.arguments(0x6A01, 100, r -> Cases.args(point(r))));
  }

  static Stream<Arguments> pointAndTwoScalars() {
    return Stream.concat(Stream.of(
            Cases.edge("zero and zero", G.generator(), G.zero(), G.zero()),
            Cases.edge("one and minus one", G.generator(), G.one(), G.one().negate()),
            Cases.edge("minus one twice", MINUS_G, G.one().negate(), G.one().negate())),
        Cases.arguments(0x6A02, 100, r -> Cases.args(point(r), scalar(r), scalar(r))));
  }

  static Stream<Arguments> threePoints() {
    return Stream.concat(Stream.of(
            Cases.edge("generator thrice", G.generator(), G.generator(), G.generator()),
            Cases.edge("p, −p, p", G.generator(), MINUS_G, G.generator())),
        Cases.arguments(0x6A03, 100, r -> Cases.args(point(r), point(r), point(r))));
  }

  static Stream<Arguments> twoScalarsAndPoint() {
    return Stream.concat(Stream.of(
            Cases.edge("both zero", G.zero(), G.zero(), G.generator()),
            Cases.edge("a zero", G.zero(), G.scalarOf(5), MINUS_G),
            Cases.edge("b zero", G.one().negate(), G.zero(), G.generator())),
        Cases.arguments(0x6A04, 100, r -> Cases.args(scalar(r), scalar(r), point(r))));
  }

  static Stream<Arguments> fewerPoints() {
    return Stream.concat(Stream.of(Cases.edge("generator", G.generator())),
        Cases.arguments(0x6A05, 50, r -> Cases.args(point(r))));
  }

  @ParameterizedTest
  @MethodSource("points")
  void pointPlusItsNegationIsIdentity(Point p) {
    assertTrue(p.add(p.negate()).isIdentity());
    assertTrue(p.subtract(p).isIdentity());
    assertEquals(G.identity(), p.add(p.negate()));
  }

  @ParameterizedTest
  @MethodSource("pointAndTwoScalars")
  void multiplicationDistributesOverScalarAddition(Point p, Scalar a, Scalar b) {
    assertEquals(p.multiply(a.add(b)), p.multiply(a).add(p.multiply(b)));
    assertEquals(p.multiply(a.multiply(b)), p.multiply(a).multiply(b));
  }

  @ParameterizedTest
  @MethodSource("threePoints")
  void additionIsCommutativeAndAssociative(Point p, Point q, Point r) {
    assertEquals(p.add(q), q.add(p));
    assertEquals(p.add(q).add(r), p.add(q.add(r)));
    assertEquals(p.add(q).subtract(q), p);
  }

  @ParameterizedTest
  @MethodSource("points")
  void everyPointHasOrderL(Point p) {
    // Scalar cannot hold L, so check (L − 1)·P + P = identity; and 2·P ≠ identity.
    Scalar lMinusOne = G.one().negate();
    assertTrue(p.multiply(lMinusOne).add(p).isIdentity());
    assertEquals(p.negate(), p.multiply(lMinusOne));
    assertFalse(p.add(p).isIdentity());
  }

  @ParameterizedTest
  @MethodSource("twoScalarsAndPoint")
  void generatorAndAddMatchesSeparateProducts(Scalar a, Scalar b, Point p) {
    assertEquals(G.multiplyGenerator(a).add(p.multiply(b)), G.multiplyGeneratorAndAdd(a, b, p));
  }

  @ParameterizedTest
  @MethodSource("fewerPoints")
  void doublingAgreesWithAddition(Point p) {
    assertEquals(p.add(p), p.multiply(G.scalarOf(2)));
    assertEquals(p.add(p).add(p), p.multiply(G.scalarOf(3)));
  }

  @Test
  void zeroAndIdentityEdgeCases() {
    Point id = G.identity();
    assertTrue(G.multiplyGenerator(G.zero()).isIdentity());
    assertTrue(G.generator().multiply(G.zero()).isIdentity());
    assertTrue(id.multiply(G.scalarOf(12345)).isIdentity());
    assertTrue(id.multiply(G.one().negate()).isIdentity());
    assertTrue(G.multiplyGeneratorAndAdd(G.zero(), G.zero(), G.generator()).isIdentity());
    assertTrue(G.multiplyGeneratorAndAdd(G.zero(), G.scalarOf(5), id).isIdentity());
    assertEquals(G.generator(), G.generator().add(id));
    assertEquals(G.generator(), id.add(G.generator()));
    assertTrue(id.negate().isIdentity());
    assertEquals(G.generator(), G.multiplyGenerator(G.one()));
    assertEquals(G.generator(), G.generator().multiply(G.one()));
  }

  @Test
  void identityHasNoEncoding() {
    assertThrows(IllegalStateException.class, () -> G.identity().toBytes());
    assertThrows(IllegalStateException.class, () -> G.multiplyGenerator(G.zero()).toBytes());
    assertEquals(0, G.identity().hashCode());
    assertEquals("ed25519:identity", G.identity().toString());
  }

  @Test
  void equalityIsProjectiveAndHashingFollowsIt() {
    // Same point reached by different routes has different Z coordinates.
    Point viaTable = G.multiplyGenerator(G.scalarOf(7));
    Point viaWindows = G.generator().multiply(G.scalarOf(7));
    Point viaAdds = G.generator().add(G.generator()).add(G.generator()).add(G.generator().multiply(G.scalarOf(4)));
    assertEquals(viaTable, viaWindows);
    assertEquals(viaTable, viaAdds);
    assertEquals(viaTable.hashCode(), viaAdds.hashCode());
    assertNotEquals(viaTable, G.multiplyGenerator(G.scalarOf(8)));
    assertNotEquals(viaTable, viaTable.negate());
    assertNotEquals(viaTable, "not a point");
    assertEquals("ed25519:5866666666666666666666666666666666666666666666666666666666666666",
        G.generator().toString());
    assertEquals(G, viaTable.group());
  }

  @Test
  void toBytesReturnsAFreshCopy() {
    Point p = G.multiplyGenerator(G.scalarOf(99));
    byte[] first = p.toBytes();
    first[0] ^= 1;
    assertFalse(java.util.Arrays.equals(first, p.toBytes()));
  }

  @Test
  void mixingGroupsThrows() {
    Point ed = G.generator();
    Point secp = Secp256k1.INSTANCE.generator();
    Scalar secpScalar = Secp256k1.INSTANCE.one();
    assertThrows(IllegalArgumentException.class, () -> ed.add(secp));
    assertThrows(IllegalArgumentException.class, () -> ed.subtract(secp));
    assertThrows(IllegalArgumentException.class, () -> ed.multiply(secpScalar));
    assertThrows(IllegalArgumentException.class, () -> G.multiplyGenerator(secpScalar));
    assertThrows(IllegalArgumentException.class, () -> G.multiplyGeneratorAndAdd(G.one(), G.one(), secp));
    assertThrows(IllegalArgumentException.class, () -> G.multiplyGeneratorAndAdd(secpScalar, G.one(), ed));
    assertNotEquals(ed, secp);
  }

  @Test
  void groupParameters() {
    assertEquals("ed25519", G.name());
    assertEquals(32, G.pointLength());
    assertEquals(32, G.scalarLength());
    assertEquals(BigInteger.ONE.shiftLeft(252)
        .add(new BigInteger("27742317777372353535851937790883648493")), G.order());
  }
}
