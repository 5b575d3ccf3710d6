package dev.keyshard.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** The scalar recodings behind the Ed25519 multipliers, checked by reassembling the integer. */
class ScalarDigitsTest {

  /** 32-byte little-endian values below 2^255 (the recodings' precondition), with edges mixed in. */
  private static byte[] below2to255(Random r) {
    byte[] b = Cases.bytesWithEdges(r, 32, 32);
    b[31] &= 0x7F;
    return b;
  }

  private record Edge(String name, byte[] value) {}

  /** Edge values below 2^255: 0, 1, 2^255 − 1, and digit patterns that carry (0x88..) or not. */
  private static List<Edge> edgeValues() {
    List<Edge> out = new ArrayList<>();
    for (int fill : new int[] {0x00, 0xFF, 0x88, 0x77, 0x80, 0x08}) {
      byte[] b = Cases.filled(32, fill);
      b[31] &= 0x7F;
      out.add(new Edge(String.format("all 0x%02X, top bit clear", fill), b));
    }
    byte[] one = new byte[32];
    one[0] = 1;
    out.add(new Edge("one", one));
    return out;
  }

  static Stream<Arguments> below2to255Cases() {
    return Stream.concat(edgeValues().stream().map(e -> Cases.edge(e.name(), (Object) e.value())),
        Cases.arguments(0x5CA1A8D1L, 500, r -> Cases.args(below2to255(r))));
  }

  /** Every edge value with every width 2..8, then random values with random widths. */
  static Stream<Arguments> below2to255AndWidths() {
    List<Arguments> edges = new ArrayList<>();
    for (Edge e : edgeValues()) {
      for (int w = 2; w <= 8; w++) {
        edges.add(Cases.edge(e.name() + ", w = " + w, e.value().clone(), w));
      }
    }
    return Stream.concat(edges.stream(), Cases.arguments(0x5CA1A8D2L, 500,
        r -> Cases.args(below2to255(r), Cases.between(r, 2, 8))));
  }

  private static BigInteger value(byte[] le) {
    byte[] be = le.clone();
    Scalar.reverse(be);
    return new BigInteger(1, be);
  }

  private static BigInteger reassemble(byte[] digits, int radixBits) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = digits.length - 1; i >= 0; i--) {
      acc = acc.shiftLeft(radixBits).add(BigInteger.valueOf(digits[i]));
    }
    return acc;
  }

  @ParameterizedTest
  @MethodSource("below2to255Cases")
  void signedRadix16ReassemblesAndStaysInRange(byte[] k) {
    byte[] e = ScalarDigits.signedRadix16(k);
    assertEquals(64, e.length);
    for (byte d : e) {
      assertTrue(d >= -8 && d <= 8, "digit " + d);
    }
    assertEquals(value(k), reassemble(e, 4));
  }

  @ParameterizedTest
  @MethodSource("below2to255AndWidths")
  void wnafReassemblesWithSparseOddDigits(byte[] k, int w) {
    byte[] naf = ScalarDigits.wnaf(k, w);
    BigInteger acc = BigInteger.ZERO;
    int lastNonZero = -w;
    for (int i = 0; i < naf.length; i++) {
      int d = naf[i];
      if (d != 0) {
        assertTrue((d & 1) == 1 && Math.abs(d) < (1 << (w - 1)), "digit " + d + " at " + i);
        assertTrue(i - lastNonZero >= w, "nonzero digits closer than w at " + i);
        lastNonZero = i;
      }
      acc = acc.add(BigInteger.valueOf(d).shiftLeft(i));
    }
    assertEquals(value(k), acc);
  }

  @Test
  void largestInputsRecode() {
    byte[] max = new byte[32];
    java.util.Arrays.fill(max, (byte) 0xFF);
    max[31] = 0x7F;
    assertEquals(value(max), reassemble(ScalarDigits.signedRadix16(max), 4));
    for (int w = 2; w <= 8; w++) {
      byte[] naf = ScalarDigits.wnaf(max, w);
      BigInteger acc = BigInteger.ZERO;
      for (int i = 0; i < naf.length; i++) {
        acc = acc.add(BigInteger.valueOf(naf[i]).shiftLeft(i));
      }
      assertEquals(value(max), acc, "w = " + w);
    }
  }

  @Test
  void equalMask() {
    assertEquals(-1, ScalarDigits.equalMask(0, 0));
    assertEquals(-1, ScalarDigits.equalMask(8, 8));
    assertEquals(0, ScalarDigits.equalMask(0, 8));
    assertEquals(0, ScalarDigits.equalMask(7, 8));
    assertEquals(0, ScalarDigits.equalMask(Integer.MAX_VALUE, 0));
  }
}
