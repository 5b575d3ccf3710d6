package dev.keyshard.chains.evm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads canonical RLP (Yellow Paper Appendix B) — exactly what {@link Rlp} writes and nothing
 * else: a single byte below 0x80 must stand alone, short forms are required below 56 bytes,
 * lengths have no leading zeros, and the input holds exactly one item.
 */
public final class RlpDecoder {
  private final byte[] in;
  private int pos;

  private RlpDecoder(byte[] in) {
    this.in = in;
  }

  /** @throws RlpException when the bytes are not exactly one canonical item */
  public static RlpItem decode(byte[] encoded) throws RlpException {
    RlpDecoder d = new RlpDecoder(encoded);
    RlpItem item = d.item(encoded.length);
    if (d.pos != encoded.length) {
      throw new RlpException((encoded.length - d.pos) + " bytes after the item");
    }
    return item;
  }

  private RlpItem item(int end) throws RlpException {
    if (pos >= end) {
      throw new RlpException("truncated: an item is missing");
    }
    int prefix = in[pos++] & 0xff;
    if (prefix < 0x80) {
      return new RlpItem.Bytes(new byte[] {(byte) prefix});
    }
    if (prefix < 0xc0) {
      int length = length(prefix - 0x80, end);
      byte[] value = Arrays.copyOfRange(in, pos, pos + length);
      pos += length;
      if (length == 1 && (value[0] & 0xff) < 0x80) {
        throw new RlpException("a byte below 0x80 must be encoded as itself");
      }
      return new RlpItem.Bytes(value);
    }
    int length = length(prefix - 0xc0, end);
    int listEnd = pos + length;
    List<RlpItem> items = new ArrayList<>();
    while (pos < listEnd) {
      items.add(item(listEnd));
    }
    return new RlpItem.Items(items);
  }

  /** The payload length after a prefix of {@code code} (0..63 past its base), checked against end. */
  private int length(int code, int end) throws RlpException {
    long length;
    if (code < 56) {
      length = code;
    } else {
      int lenOfLen = code - 55;
      if (lenOfLen > 4 || pos + lenOfLen > end) {
        throw new RlpException("length of " + lenOfLen + " bytes is too long or truncated");
      }
      if (in[pos] == 0) {
        throw new RlpException("length with a leading zero byte");
      }
      length = 0;
      for (int i = 0; i < lenOfLen; i++) {
        length = (length << 8) | (in[pos++] & 0xff);
      }
      if (length < 56) {
        throw new RlpException("long form used for a length below 56");
      }
    }
    if (length > end - pos) {
      throw new RlpException("length " + length + " runs past the end");
    }
    return (int) length;
  }
}
