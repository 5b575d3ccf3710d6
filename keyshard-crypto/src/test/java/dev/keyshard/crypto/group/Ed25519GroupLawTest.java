package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.G;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Group laws and the {@link Point} contract for {@link Ed25519}. */
class Ed25519GroupLawTest {

  @Provide
  Arbitrary<Scalar> scalars() {
    return Arbitraries.bytes().array(byte[].class).ofSize(64).map(G::reduce);
  }

  @Provide
  Arbitrary<Point> points() {
    return scalars().filter(s -> !s.isZero()).map(G::multiplyGenerator);
  }

  @Property(tries = 100)
  void pointPlusItsNegationIsIdentity(@ForAll("points") Point p) {
    assertTrue(p.add(p.negate()).isIdentity());
    assertTrue(p.subtract(p).isIdentity());
    assertEquals(G.identity(), p.add(p.negate()));
  }

  @Property(tries = 100)
  void multiplicationDistributesOverScalarAddition(@ForAll("points") Point p,
      @ForAll("scalars") Scalar a, @ForAll("scalars") Scalar b) {
    assertEquals(p.multiply(a.add(b)), p.multiply(a).add(p.multiply(b)));
    assertEquals(p.multiply(a.multiply(b)), p.multiply(a).multiply(b));
  }

  @Property(tries = 100)
  void additionIsCommutativeAndAssociative(@ForAll("points") Point p, @ForAll("points") Point q,
      @ForAll("points") Point r) {
    assertEquals(p.add(q), q.add(p));
    assertEquals(p.add(q).add(r), p.add(q.add(r)));
    assertEquals(p.add(q).subtract(q), p);
  }

  @Property(tries = 100)
  void everyPointHasOrderL(@ForAll("points") Point p) {
    // Scalar cannot hold L, so check (L − 1)·P + P = identity; and 2·P ≠ identity.
    Scalar lMinusOne = G.one().negate();
    assertTrue(p.multiply(lMinusOne).add(p).isIdentity());
    assertEquals(p.negate(), p.multiply(lMinusOne));
    assertFalse(p.add(p).isIdentity());
  }

  @Property(tries = 100)
  void generatorAndAddMatchesSeparateProducts(@ForAll("scalars") Scalar a,
      @ForAll("scalars") Scalar b, @ForAll("points") Point p) {
    assertEquals(G.multiplyGenerator(a).add(p.multiply(b)), G.multiplyGeneratorAndAdd(a, b, p));
  }

  @Property(tries = 50)
  void doublingAgreesWithAddition(@ForAll("points") Point p) {
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
