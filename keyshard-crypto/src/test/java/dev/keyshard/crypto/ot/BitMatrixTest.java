package dev.keyshard.crypto.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The KOS transpose against a bit-by-bit reference, and round trips. */
class BitMatrixTest {

  @Test
  void transpose64MatchesReference() {
    Random r = new Random(0xB17_0001L);
    for (int n = 0; n < 20; n++) {
      long[] a = new long[64];
      for (int i = 0; i < 64; i++) {
        a[i] = r.nextLong();
      }
      long[] t = a.clone();
      BitMatrix.transpose64(t);
      for (int row = 0; row < 64; row++) {
        for (int col = 0; col < 64; col++) {
          assertEquals((a[row] >>> col) & 1, (t[col] >>> row) & 1);
        }
      }
      BitMatrix.transpose64(t);
      assertArrayEquals(a, t, "transpose is an involution");
    }
  }

  static Stream<Arguments> shapes() {
    return Stream.of(
        Arguments.of(128, 1), Arguments.of(128, 63), Arguments.of(128, 64), Arguments.of(128, 65),
        Arguments.of(256, 416), Arguments.of(256, 624), Arguments.of(192, 200),
        Arguments.of(128, 1000));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void transposeMatchesReference(int kappa, int cols) {
    Random r = new Random(0xB17_0002L + 31L * kappa + cols);
    byte[][] rows = new byte[kappa][(cols + 7) / 8 + r.nextInt(3)];
    for (byte[] row : rows) {
      r.nextBytes(row);
    }
    long[][] t = BitMatrix.transpose(rows, cols);
    assertEquals(cols, t.length);
    for (int j = 0; j < cols; j++) {
      assertEquals(kappa / 64, t[j].length);
      for (int i = 0; i < kappa; i++) {
        int expected = (rows[i][j >>> 3] >>> (j & 7)) & 1;
        assertEquals(expected, (int) ((t[j][i >>> 6] >>> (i & 63)) & 1), "bit " + i + "," + j);
      }
    }
  }

  @Test
  void roundTripOnASquareMatrix() {
    Random r = new Random(0xB17_0003L);
    byte[][] rows = new byte[256][32];
    for (byte[] row : rows) {
      r.nextBytes(row);
    }
    long[][] t = BitMatrix.transpose(rows, 256);
    byte[][] back = new byte[256][32];
    for (int j = 0; j < 256; j++) {
      for (int b = 0; b < 32; b++) {
        back[j][b] = (byte) (t[j][b >>> 3] >>> (8 * (b & 7)));
      }
    }
    long[][] again = BitMatrix.transpose(back, 256);
    for (int i = 0; i < 256; i++) {
      for (int b = 0; b < 32; b++) {
        assertEquals(rows[i][b], (byte) (again[i][b >>> 3] >>> (8 * (b & 7))));
      }
    }
  }
}
