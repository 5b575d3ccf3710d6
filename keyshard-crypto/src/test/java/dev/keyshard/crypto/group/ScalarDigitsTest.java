package dev.keyshard.crypto.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The scalar recodings behind the Ed25519 multipliers, checked by reassembling the integer. */
class ScalarDigitsTest {

  /** 32-byte little-endian values below 2^255 (the recodings' precondition), biased to edges. */
  @Provide
  Arbitrary<byte[]> below2to255() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(b -> {
      b[31] &= 0x7F;
      return b;
    });
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

  @Property(tries = 500)
  void signedRadix16ReassemblesAndStaysInRange(@ForAll("below2to255") byte[] k) {
    byte[] e = ScalarDigits.signedRadix16(k);
    assertEquals(64, e.length);
    for (byte d : e) {
      assertTrue(d >= -8 && d <= 8, "digit " + d);
    }
    assertEquals(value(k), reassemble(e, 4));
  }

  @Property(tries = 500)
  void wnafReassemblesWithSparseOddDigits(@ForAll("below2to255") byte[] k,
      @ForAll @IntRange(min = 2, max = 8) int w) {
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
