package dev.keyshard.chains.evm;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;

/**
 * Recursive Length Prefix encoding, Ethereum Yellow Paper Appendix B: a byte string is itself
 * when it is one byte below 0x80, else 0x80 + length (or 0xb7 + length of the length, then the
 * length) followed by the bytes; a list is 0xc0 + payload length (or 0xf7 + length of the length)
 * followed by its encoded items. Scalars are big-endian with no leading zeros (zero is the empty
 * string). {@link RlpDecoder} reads it back.
 */
public final class Rlp {
  private Rlp() {}

  /** The encoding of a byte string. */
  public static byte[] bytes(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return value.clone();
    }
    return concat(header(0x80, value.length), value);
  }

  /**
   * The encoding of a non-negative integer: its minimal big-endian bytes.
   *
   * @throws IllegalArgumentException when negative
   */
  public static byte[] scalar(BigInteger value) {
    return bytes(unsigned(value));
  }

  public static byte[] scalar(long value) {
    return scalar(BigInteger.valueOf(value));
  }

  /** The encoding of a list whose items are already encoded. */
  public static byte[] list(List<byte[]> encodedItems) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (byte[] item : encodedItems) {
      payload.writeBytes(item);
    }
    byte[] p = payload.toByteArray();
    return concat(header(0xc0, p.length), p);
  }

  public static byte[] list(byte[]... encodedItems) {
    return list(List.of(encodedItems));
  }

  /** Minimal big-endian bytes of a non-negative integer; empty for zero. */
  static byte[] unsigned(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP scalars are non-negative");
    }
    if (value.signum() == 0) {
      return new byte[0];
    }
    byte[] b = value.toByteArray();
    if (b[0] == 0) {
      byte[] out = new byte[b.length - 1];
      System.arraycopy(b, 1, out, 0, out.length);
      return out;
    }
    return b;
  }

  private static byte[] header(int offset, int length) {
    if (length < 56) {
      return new byte[] {(byte) (offset + length)};
    }
    byte[] len = unsigned(BigInteger.valueOf(length));
    return concat(new byte[] {(byte) (offset + 55 + len.length)}, len);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
