package dev.keyshard.crypto.ot;

/**
 * The bit-matrix transpose of KOS15 ("Transpose and randomize"): from κ rows of the extension
 * matrix (one per base OT, little-endian bits) to m rows of κ bits (one per extended OT), in 64×64
 * blocks with the mask-and-swap method (Hacker's Delight §7-3, on {@code long}s). The schedule is
 * fixed: no branch depends on the bits. Package-private, stateless.
 */
final class BitMatrix {
  private BitMatrix() {}

  /**
   * Columns {@code 0 … cols-1} of {@code rows} as rows.
   *
   * @param rows κ rows, κ a multiple of 64, each holding at least {@code cols} bits
   * @param cols the number of columns to transpose
   * @return {@code cols} rows of κ bits, each as κ/64 little-endian words
   */
  static long[][] transpose(byte[][] rows, int cols) {
    int kappa = rows.length;
    if (kappa % 64 != 0) {
      throw new IllegalArgumentException("row count must be a multiple of 64");
    }
    int words = kappa / 64;
    long[][] out = new long[cols][words];
    long[] block = new long[64];
    for (int rb = 0; rb < words; rb++) {
      for (int cb = 0; cb * 64 < cols; cb++) {
        for (int r = 0; r < 64; r++) {
          block[r] = word(rows[rb * 64 + r], cb);
        }
        transpose64(block);
        for (int c = 0; c < 64 && cb * 64 + c < cols; c++) {
          out[cb * 64 + c][rb] = block[c];
        }
      }
    }
    java.util.Arrays.fill(block, 0);
    return out;
  }

  /** Bits {@code 64·index … 64·index+63} of a little-endian row; missing bytes read as zero. */
  static long word(byte[] row, int index) {
    long w = 0;
    int base = index * 8;
    for (int i = 0; i < 8 && base + i < row.length; i++) {
      w |= (row[base + i] & 0xFFL) << (8 * i);
    }
    return w;
  }

  /** In place: bit c of a[r] becomes bit r of a[c]. */
  static void transpose64(long[] a) {
    long m = 0x00000000FFFFFFFFL;
    for (int j = 32; j != 0; j >>>= 1, m ^= m << j) {
      for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
        long t = ((a[k] >>> j) ^ a[k | j]) & m;
        a[k | j] ^= t;
        a[k] ^= t << j;
      }
    }
  }
}
