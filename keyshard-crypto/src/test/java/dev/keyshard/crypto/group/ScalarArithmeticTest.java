package dev.keyshard.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.testing.Cases;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The constant-time Montgomery arithmetic checked against java.math.BigInteger as an oracle. */
class ScalarArithmeticTest {
  private static final List<Group> GROUPS = List.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);

  /**
   * A group and two 0..64-byte inputs: per group the edges (empty, 64 × 0xFF, the order itself,
   * ...), then random inputs of random length with edge arrays mixed in.
   */
  static Stream<Arguments> groupsAndWideInputs() {
    List<Arguments> edges = new ArrayList<>();
    for (Group g : GROUPS) {
      BigInteger n = g.order();
      edges.add(Cases.edge(g.name() + ": empty, empty", g, new byte[0], new byte[0]));
      edges.add(Cases.edge(g.name() + ": 64 × 0xFF twice", g, Cases.filled(64, 0xFF),
          Cases.filled(64, 0xFF)));
      edges.add(Cases.edge(g.name() + ": n, n − 1", g, encode(g, n),
          encode(g, n.subtract(BigInteger.ONE))));
      edges.add(Cases.edge(g.name() + ": n − 1 twice", g, encode(g, n.subtract(BigInteger.ONE)),
          encode(g, n.subtract(BigInteger.ONE))));
      edges.add(Cases.edge(g.name() + ": 32 × 0xFF, 0x01", g, Cases.filled(32, 0xFF),
          new byte[] {1}));
      edges.add(Cases.edge(g.name() + ": 64 × 0x00, 64 × 0x80", g, new byte[64],
          Cases.filled(64, 0x80)));
    }
    return Stream.concat(edges.stream(), Cases.arguments(0x5CA1A7L, 300, r -> Cases.args(
        Cases.oneOf(r, GROUPS), Cases.bytesWithEdges(r, 0, 64), Cases.bytesWithEdges(r, 0, 64))));
  }

  private static BigInteger asInteger(Group g, byte[] bytes) {
    byte[] be = bytes.clone();
    if (g instanceof Ed25519) {
      Scalar.reverse(be);
    }
    return new BigInteger(1, be);
  }

  @ParameterizedTest
  @MethodSource("groupsAndWideInputs")
  void arithmeticMatchesBigInteger(Group g, byte[] x, byte[] y) {
    BigInteger n = g.order();
    BigInteger a = asInteger(g, x).mod(n);
    BigInteger b = asInteger(g, y).mod(n);
    Scalar sa = g.reduce(x);
    Scalar sb = g.reduce(y);
    assertEquals(a, sa.toBigInteger());
    assertEquals(a.add(b).mod(n), sa.add(sb).toBigInteger());
    assertEquals(a.subtract(b).mod(n), sa.subtract(sb).toBigInteger());
    assertEquals(a.multiply(b).mod(n), sa.multiply(sb).toBigInteger());
    assertEquals(a.negate().mod(n), sa.negate().toBigInteger());
    if (a.signum() != 0) {
      assertEquals(a.modInverse(n), sa.invert().toBigInteger());
    }
  }

  @Test
  void edgeValuesRoundTrip() throws Exception {
    for (Group g : GROUPS) {
      BigInteger n = g.order();
      for (BigInteger v : List.of(BigInteger.ZERO, BigInteger.ONE, n.subtract(BigInteger.ONE), n.shiftRight(1))) {
        Scalar s = g.reduce(encode(g, v));
        assertEquals(v, s.toBigInteger());
        assertArrayEquals(encode(g, v), g.decodeScalar(s.toBytes()).toBytes());
      }
      assertEquals(BigInteger.valueOf(12345), g.scalarOf(12345).toBigInteger());
      assertTrue(g.one().subtract(g.one()).isZero());
      assertThrows(ArithmeticException.class, () -> g.zero().invert());
    }
  }

  @Test
  void decodeRejectsUnreducedAndWrongLength() {
    for (Group g : GROUPS) {
      assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(encode(g, g.order())));
      assertThrows(InvalidEncodingException.class,
          () -> g.decodeScalar(encode(g, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))));
      assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(new byte[31]));
      assertThrows(InvalidEncodingException.class, () -> g.decodeScalar(new byte[33]));
    }
  }

  @Test
  void destroyedScalarRefusesUse() {
    Scalar s = Secp256k1.INSTANCE.scalarOf(7);
    s.destroy();
    assertTrue(s.isDestroyed());
    assertThrows(IllegalStateException.class, s::toBytes);
  }

  @Test
  void mixingGroupsIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Secp256k1.INSTANCE.one().add(Ed25519.INSTANCE.one()));
  }

  private static byte[] encode(Group g, BigInteger v) {
    byte[] be = new byte[32];
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, be, 32 - len, len);
    if (g instanceof Ed25519) {
      Scalar.reverse(be);
    }
    return be;
  }
}
