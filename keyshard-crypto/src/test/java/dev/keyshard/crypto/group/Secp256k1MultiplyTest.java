package dev.keyshard.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.testing.Cases;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Secp256k1Point#multiply}: libsecp256k1 ({@link Secp256k1Native}) and the pure-Java fixed
 * window ({@link Secp256k1FixedWindow}) against BouncyCastle's (variable-time) multiplier.
 */
class Secp256k1MultiplyTest {
  private static final Secp256k1 G = Secp256k1.INSTANCE;
  private static final BigInteger N = G.order();

  private static Scalar scalar(BigInteger v) {
    byte[] b = v.mod(N).toByteArray();
    byte[] wide = new byte[64];
    System.arraycopy(b, Math.max(0, b.length - 64), wide, 64 - Math.min(64, b.length),
        Math.min(64, b.length));
    return G.reduce(wide);
  }

  private static Scalar randomScalar(Random r) {
    return G.reduce(Cases.bytes(r, 64));
  }

  /** A point k·G + j·G that BouncyCastle keeps in Jacobian coordinates (never normalised). */
  private static Secp256k1Point randomPoint(Random r) {
    return (Secp256k1Point) G.multiplyGenerator(randomScalar(r))
        .add(G.multiplyGenerator(randomScalar(r)));
  }

  static Stream<Arguments> edgeScalars() {
    List<BigInteger> values = new ArrayList<>(List.of(
        BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3), BigInteger.valueOf(15),
        BigInteger.valueOf(16), BigInteger.valueOf(17), BigInteger.valueOf(255),
        BigInteger.valueOf(0x1_0000_0000L),
        N.subtract(BigInteger.ONE), N.subtract(BigInteger.TWO), N.subtract(BigInteger.valueOf(16)),
        N.shiftRight(1), N.shiftRight(1).add(BigInteger.ONE),
        BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(252),
        BigInteger.ONE.shiftLeft(128), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
        new BigInteger("F0".repeat(31) + "0F", 16),
        new BigInteger("0F".repeat(32), 16),
        new BigInteger("8000000000000000000000000000000000000000000000000000000000000001", 16)));
    return values.stream().map(v -> Cases.edge(v.toString(16), v));
  }

  private static void assertAllAgree(Secp256k1Point p, Scalar k) {
    Point expected = new Secp256k1Point(G, p.ec().multiply(k.toBigInteger()));
    assertEquals(expected, p.multiply(k), "multiply");
    if (p.isIdentity() || k.isZero()) {
      assertTrue(p.multiply(k).isIdentity());
      return;
    }
    assertEquals(expected, p.multiplyPortable(k), "pure-Java fixed window");
    if (Secp256k1Native.available()) {
      Secp256k1Point q = p.multiplyNative(k);
      assertEquals(expected, q, "libsecp256k1");
      // The compressed encoding cached from libsecp256k1's output is BouncyCastle's.
      assertEquals(expected.toString(), q.toString());
    }
  }

  @ParameterizedTest
  @MethodSource("edgeScalars")
  void edgeScalarsOnGeneratorAndRandomPoints(BigInteger v) {
    Scalar k = scalar(v);
    assertAllAgree((Secp256k1Point) G.generator(), k);
    assertAllAgree((Secp256k1Point) G.generator().negate(), k);
    Random r = new Random(v.hashCode());
    for (int i = 0; i < 4; i++) {
      assertAllAgree(randomPoint(r), k);
    }
  }

  static Stream<Arguments> randomCases() {
    return Cases.arguments(0x5EC9256L, 200, r -> Cases.args(randomPoint(r), randomScalar(r)));
  }

  @ParameterizedTest
  @MethodSource("randomCases")
  void randomPointsAndScalars(Secp256k1Point p, Scalar k) {
    assertAllAgree(p, k);
  }

  /** Scalars with long runs of zero and 0xF nibbles: identity entries and P + P in the table. */
  static Stream<Arguments> sparseScalars() {
    return Cases.arguments(0x5BA25EL, 50, r -> {
      byte[] b = new byte[32];
      for (int i = 0; i < 32; i++) {
        int kind = r.nextInt(4);
        b[i] = (byte) (kind == 0 ? 0 : kind == 1 ? 0xFF : kind == 2 ? 0x01 : r.nextInt(256));
      }
      return Cases.args(randomPoint(r), scalar(new BigInteger(1, b)));
    });
  }

  @ParameterizedTest
  @MethodSource("sparseScalars")
  void sparseScalars(Secp256k1Point p, Scalar k) {
    assertAllAgree(p, k);
  }

  @Test
  void zeroScalarAndIdentityPointGiveTheIdentity() {
    Random r = new Random(7);
    assertSame(G.identity(), G.generator().multiply(G.zero()));
    assertSame(G.identity(), randomPoint(r).multiply(G.zero()));
    assertSame(G.identity(), G.identity().multiply(randomScalar(r)));
    assertSame(G.identity(), G.identity().multiply(G.one()));
    assertSame(G.identity(), G.identity().multiply(G.zero()));
    // n·P = 0 through the arithmetic: (n − 1)·P + P.
    Point p = randomPoint(r);
    assertTrue(p.multiply(G.one().negate()).add(p).isIdentity());
  }

  private static void assertGeneratorAgrees(Scalar k) {
    Point expected = new Secp256k1Point(G, G.g().multiply(k.toBigInteger()));
    Point actual = G.multiplyGenerator(k);
    assertEquals(expected, actual, "multiplyGenerator");
    assertEquals(expected.isIdentity() ? "secp256k1:identity" : expected.toString(),
        actual.toString(), "cached encoding");
    assertEquals(expected, G.multiplyGeneratorComb(k), "BouncyCastle comb");
    assertEquals(expected, G.generator().multiply(k), "generator().multiply");
  }

  @ParameterizedTest
  @MethodSource("edgeScalars")
  void multiplyGeneratorEdgeScalars(BigInteger v) {
    assertGeneratorAgrees(scalar(v));
  }

  @Test
  void multiplyGeneratorRandomAndZero() {
    assertSame(G.identity(), G.multiplyGenerator(G.zero()));
    for (Scalar k : Cases.generate(0x6E4E7A7L, 100, Secp256k1MultiplyTest::randomScalar)) {
      assertGeneratorAgrees(k);
    }
  }

  @Test
  void nativeLibraryLoadsOnLinux() {
    // So a broken JNI setup shows up here instead of silently running the slower path.
    boolean linux = System.getProperty("os.name", "").toLowerCase().startsWith("linux");
    boolean forcedOff = "false".equalsIgnoreCase(System.getProperty(Secp256k1Native.PROPERTY));
    if (linux && !forcedOff) {
      assertTrue(Secp256k1Native.available(), "libsecp256k1 did not load");
    }
  }
}
