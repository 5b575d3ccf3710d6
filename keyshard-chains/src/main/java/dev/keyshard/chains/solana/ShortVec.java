package dev.keyshard.chains.solana;

import java.io.ByteArrayOutputStream;

/**
 * Solana's "compact-u16" length prefix (solana-short-vec): 7 bits per byte, least significant
 * first, the high bit set on every byte but the last; at most 3 bytes for 0..65535.
 */
final class ShortVec {
  private ShortVec() {}

  static void write(ByteArrayOutputStream out, int length) {
    if (length < 0 || length > 0xFFFF) {
      throw new IllegalArgumentException("a compact-u16 holds 0..65535, not " + length);
    }
    int rest = length;
    while (rest >= 0x80) {
      out.write((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write(rest);
  }

  static byte[] encode(int length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(3);
    write(out, length);
    return out.toByteArray();
  }
}
