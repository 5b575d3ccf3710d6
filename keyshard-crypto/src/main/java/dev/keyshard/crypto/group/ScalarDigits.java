package dev.keyshard.crypto.group;

/**
 * Recodings of a 32-byte little-endian scalar into the digit strings the Ed25519 multipliers walk.
 * Package-private and stateless.
 */
final class ScalarDigits {
  private ScalarDigits() {}

  /**
   * All-ones when {@code a == b}, else 0, without a branch. Both must lie in [0, 2^31).
   */
  static int equalMask(int a, int b) {
    // a ^ b is 0 exactly when equal; 0 − 1 is the only case with the sign bit set.
    return ((a ^ b) - 1) >> 31;
  }

  /**
   * Signed radix-16 digits e[0..63] in [−8, 8] with k = Σ e[i]·16^i, for k &lt; 2^255. Runs in
   * constant time: the carries are arithmetic, never branches, because k may be secret.
   *
   * <p>Signed digits halve the precomputed tables (only 1·P .. 8·P are stored; a negative digit
   * negates the selected entry).
   */
  static byte[] signedRadix16(byte[] k) {
    byte[] e = new byte[64];
    for (int i = 0; i < 32; i++) {
      e[2 * i] = (byte) (k[i] & 15);
      e[2 * i + 1] = (byte) ((k[i] >>> 4) & 15);
    }
    // Move each digit from [0, 16) to [−8, 8) by borrowing 16 from the next one.
    int carry = 0;
    for (int i = 0; i < 63; i++) {
      int v = e[i] + carry;
      carry = (v + 8) >> 4;
      e[i] = (byte) (v - (carry << 4));
    }
    // k < 2^255 leaves the top nibble at most 7, so it stays in range after the last carry.
    e[63] = (byte) (e[63] + carry);
    return e;
  }

  /**
   * The width-{@code w} non-adjacent form of k &lt; 2^255: 256 digits, each zero or odd with
   * |digit| &lt; 2^(w−1), and at least w − 1 zeros after each nonzero digit. <b>Variable-time</b>:
   * only for public scalars (verification, the subgroup check).
   */
  static byte[] wnaf(byte[] k, int w) {
    if (w < 2 || w > 8) {
      throw new IllegalArgumentException("wNAF width must be 2..8, got " + w);
    }
    // Little-endian 64-bit words with a zero word on top, so a window may straddle words.
    long[] words = new long[5];
    for (int i = 0; i < 32; i++) {
      words[i >>> 3] |= (k[i] & 0xFFL) << (8 * (i & 7));
    }
    byte[] naf = new byte[256];
    int width = 1 << w;
    int windowMask = width - 1;
    int carry = 0;
    int pos = 0;
    while (pos < 256) {
      int word = pos >>> 6;
      int bit = pos & 63;
      long bits = bit + w <= 64 ? words[word] >>> bit
          : (words[word] >>> bit) | (words[word + 1] << (64 - bit));
      int window = carry + (int) (bits & windowMask);
      if ((window & 1) == 0) {
        // An even window contributes nothing here; look one bit higher.
        pos++;
        continue;
      }
      if (window < width / 2) {
        carry = 0;
        naf[pos] = (byte) window;
      } else {
        // Use window − 2^w and carry 2^w into the next window.
        carry = 1;
        naf[pos] = (byte) (window - width);
      }
      pos += w;
    }
    return naf;
  }
}
