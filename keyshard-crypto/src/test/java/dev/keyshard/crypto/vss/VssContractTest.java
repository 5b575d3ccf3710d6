package dev.keyshard.crypto.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.testing.Cases;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The VSS contract, run once per group by a subclass: Feldman commitments accept exactly the shares
 * of their polynomial, Lagrange interpolation of any t shares gives back the secret, and the wire
 * form is strict.
 */
abstract class VssContractTest {
  abstract Group group();

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
      rng.setSeed(seed);
      return rng;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  Polynomial randomPolynomial(int degree, SecureRandom rng) {
    try (SecretScalar secret = SecretScalar.random(group(), rng)) {
      return Polynomial.random(group(), degree, secret, rng);
    }
  }

  /** Degrees 0..4: each once with an edge seed, then random degrees and seeds. */
  static Stream<Arguments> degreesAndSeeds() {
    return Stream.concat(Stream.of(
            Cases.edge("degree 0, seed 0", 0, 0L),
            Cases.edge("degree 1, seed −1", 1, -1L),
            Cases.edge("degree 2, seed Long.MIN_VALUE", 2, Long.MIN_VALUE),
            Cases.edge("degree 3, seed Long.MAX_VALUE", 3, Long.MAX_VALUE),
            Cases.edge("degree 4, seed 1", 4, 1L)),
        Cases.arguments(0x0555, 15, r -> Cases.args(Cases.between(r, 0, 4), r.nextLong())));
  }

  @ParameterizedTest
  @MethodSource("degreesAndSeeds")
  void everyShareVerifiesAndAnyTSharesRecoverTheSecret(int degree, long seed) throws Exception {
    Group g = group();
    SecureRandom rng = seeded(seed);
    try (Polynomial f = randomPolynomial(degree, rng)) {
      VssCommitment c = f.commitment();
      assertEquals(degree + 1, c.threshold());
      assertEquals(f.constantTerm().publicPoint(), c.groupKey());
      Map<Scalar, Scalar> shares = new HashMap<>();
      Map<Scalar, Point> verifyingShares = new HashMap<>();
      for (int i = 1; i <= degree + 1; i++) {
        Scalar x = g.scalarOf(10L * i + 1);
        SecretScalar share = f.evaluate(x);
        c.verifyShare(x, share);
        assertEquals(share.publicPoint(), c.evaluate(x));
        shares.put(x, share.value(InsecureSecretAccess.get()));
        verifyingShares.put(x, c.evaluate(x));
      }
      assertTrue(f.constantTerm().equalsSecret(SecretScalar.wrap(Lagrange.interpolateAtZero(shares))));
      assertEquals(c.groupKey(), Lagrange.interpolatePointsAtZero(verifyingShares));
      if (degree > 0) {
        // t − 1 shares interpolate to something else (with overwhelming probability).
        shares.remove(shares.keySet().iterator().next());
        assertFalse(f.constantTerm().equalsSecret(SecretScalar.wrap(Lagrange.interpolateAtZero(shares))));
      }
    }
  }

  @Test
  void hornerMatchesTheSumOfPowers() {
    Group g = group();
    SecureRandom rng = seeded(1);
    List<SecretScalar> coefficients = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      coefficients.add(SecretScalar.random(g, rng));
    }
    try (Polynomial f = Polynomial.fromCoefficients(coefficients)) {
      Scalar x = g.randomScalar(rng);
      Scalar sum = g.zero();
      Scalar power = g.one();
      for (SecretScalar a : coefficients) {
        sum = sum.add(a.value(InsecureSecretAccess.get()).multiply(power));
        power = power.multiply(x);
      }
      assertEquals(sum, f.evaluate(x).value(InsecureSecretAccess.get()));
      assertEquals(4, f.degree());
      assertEquals(5, f.threshold());
    }
  }

  @Test
  void wrongShareIsRejectedWithoutRevealingIt() {
    Group g = group();
    SecureRandom rng = seeded(2);
    try (Polynomial f = randomPolynomial(2, rng)) {
      VssCommitment c = f.commitment();
      Scalar x = g.scalarOf(3);
      SecretScalar good = f.evaluate(x);
      SecretScalar bad = good.add(g.one());
      InvalidShareException e = assertThrows(InvalidShareException.class, () -> c.verifyShare(x, bad));
      assertEquals(x, e.index());
      assertFalse(e.getMessage().contains(org.bouncycastle.util.encoders.Hex.toHexString(
          bad.toBytes(InsecureSecretAccess.get()))));
      // Another party's share does not pass as mine.
      assertThrows(InvalidShareException.class, () -> c.verifyShare(g.scalarOf(4), good));
    }
  }

  @Test
  void zeroIndexIsRefused() {
    Group g = group();
    try (Polynomial f = randomPolynomial(1, seeded(3))) {
      assertThrows(IllegalArgumentException.class, () -> f.evaluate(g.zero()));
      SecretScalar secret = f.constantTerm();
      assertThrows(IllegalArgumentException.class,
          () -> f.commitment().verifyShare(g.zero(), secret));
    }
  }

  @Test
  void encodeDecodeRoundTrip() throws Exception {
    try (Polynomial f = randomPolynomial(3, seeded(4))) {
      VssCommitment c = f.commitment();
      byte[] bytes = c.encode();
      assertEquals(4 * group().pointLength(), bytes.length);
      VssCommitment back = VssCommitment.decode(group(), bytes, 4);
      assertEquals(c, back);
      assertEquals(c.hashCode(), back.hashCode());
      assertEquals(c.coefficients(), back.coefficients());
    }
  }

  @Test
  void decodeRejectsInvalidPoints() {
    try (Polynomial f = randomPolynomial(1, seeded(5))) {
      byte[] bytes = f.commitment().encode();
      byte[] zeros = new byte[bytes.length];
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(group(), zeros, 2));
      byte[] ones = bytes.clone();
      java.util.Arrays.fill(ones, group().pointLength(), ones.length, (byte) 0xff);
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(group(), ones, 2));
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(group(), null, 2));
    }
  }

  @Test
  void sumOfCommitmentsCommitsToTheSumOfPolynomials() throws Exception {
    Group g = group();
    SecureRandom rng = seeded(6);
    try (Polynomial f1 = randomPolynomial(2, rng); Polynomial f2 = randomPolynomial(2, rng)) {
      VssCommitment sum = f1.commitment().add(f2.commitment());
      Scalar x = g.scalarOf(7);
      sum.verifyShare(x, f1.evaluate(x).add(f2.evaluate(x)));
      assertEquals(f1.commitment().groupKey().add(f2.commitment().groupKey()), sum.groupKey());
      try (Polynomial f3 = randomPolynomial(3, rng)) {
        assertThrows(IllegalArgumentException.class, () -> sum.add(f3.commitment()));
      }
      assertNotEquals(f1.commitment(), f2.commitment());
    }
  }

  @Test
  void constructorRejectsEmptyAndIdentity() {
    assertThrows(IllegalArgumentException.class, () -> new VssCommitment(List.of()));
    Point gen = group().generator();
    assertThrows(IllegalArgumentException.class,
        () -> new VssCommitment(List.of(gen, group().identity())));
    List<Point> mutable = new ArrayList<>(List.of(gen, gen));
    VssCommitment c = new VssCommitment(mutable);
    mutable.add(gen);
    assertEquals(2, c.threshold());
    assertThrows(UnsupportedOperationException.class, () -> c.coefficients().add(gen));
  }

  @Test
  void destroyedPolynomialCannotBeUsed() {
    Polynomial f = randomPolynomial(2, seeded(7));
    assertTrue(f.toString().contains("redacted"));
    f.destroy();
    assertTrue(f.isDestroyed());
    assertThrows(IllegalStateException.class, () -> f.evaluate(group().one()));
    assertThrows(IllegalStateException.class, f::commitment);
    assertThrows(IllegalStateException.class, f::constantTerm);
  }

  @Test
  void constantTermIsCopiedIn() {
    SecureRandom rng = seeded(8);
    SecretScalar secret = SecretScalar.random(group(), rng);
    Point expected = secret.publicPoint();
    try (Polynomial f = Polynomial.random(group(), 1, secret, rng)) {
      secret.destroy();
      assertEquals(expected, f.commitment().groupKey());
    }
    assertThrows(IllegalArgumentException.class,
        () -> Polynomial.random(group(), -1, SecretScalar.random(group(), rng), rng));
    assertThrows(IllegalArgumentException.class, () -> Polynomial.fromCoefficients(List.of()));
  }
}
