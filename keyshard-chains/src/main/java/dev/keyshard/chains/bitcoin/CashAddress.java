package dev.keyshard.chains.bitcoin;

import java.util.Arrays;
import java.util.Locale;

/**
 * Bitcoin Cash CashAddr ("cashaddr.md" of the Bitcoin Cash specification): a prefix
 * ("bitcoincash"), ':' and base32 of a version byte and a hash, followed by a 40-bit BCH-code
 * checksum computed over the prefix too. Only the 160-bit P2PKH (version 0) and P2SH (version 8)
 * forms are standard outputs, so only those are accepted.
 */
final class CashAddress {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final long[] GENERATORS = {
    0x98f2bc8e61L, 0x79b76d99e2L, 0xf33e5fb3c4L, 0xae2eabe2a8L, 0x1e4f43e470L
  };
  static final int VERSION_P2PKH = 0;
  static final int VERSION_P2SH = 8;

  private CashAddress() {}

  /** A decoded address: its prefix, version byte and 20-byte hash. */
  record Decoded(String prefix, int version, byte[] hash) {}

  /** Thrown for any malformed CashAddr; the caller words the user's message. */
  static final class Invalid extends Exception {
    Invalid(String message) {
      super(message);
    }
  }

  /** The address with its prefix, e.g. "bitcoincash:qp…". */
  static String encode(String prefix, int version, byte[] hash160) {
    byte[] payload = new byte[21];
    payload[0] = (byte) version;
    System.arraycopy(hash160, 0, payload, 1, 20);
    int[] data = toFiveBits(payload);
    int[] checked = Arrays.copyOf(withPrefix(prefix, data), prefix.length() + 1 + data.length + 8);
    long mod = polymod(checked) ^ 1;
    StringBuilder b = new StringBuilder(prefix).append(':');
    for (int d : data) {
      b.append(CHARSET.charAt(d));
    }
    for (int i = 0; i < 8; i++) {
      b.append(CHARSET.charAt((int) ((mod >>> (5 * (7 - i))) & 0x1f)));
    }
    return b.toString();
  }

  /**
   * @param defaultPrefix the prefix assumed when the address has none (Vultisig prints none)
   * @throws Invalid when the text is not a checksummed 160-bit CashAddr
   */
  static Decoded decode(String address, String defaultPrefix) throws Invalid {
    if (!address.equals(address.toLowerCase(Locale.ROOT))
        && !address.equals(address.toUpperCase(Locale.ROOT))) {
      throw new Invalid("mixes upper and lower case");
    }
    String text = address.toLowerCase(Locale.ROOT);
    int colon = text.indexOf(':');
    String prefix = colon < 0 ? defaultPrefix : text.substring(0, colon);
    String body = colon < 0 ? text : text.substring(colon + 1);
    if (body.length() != 42) {
      throw new Invalid("has the wrong length for a 160-bit CashAddr");
    }
    int[] values = new int[body.length()];
    for (int i = 0; i < body.length(); i++) {
      int v = CHARSET.indexOf(body.charAt(i));
      if (v < 0) {
        throw new Invalid("contains '" + body.charAt(i) + "', not a CashAddr character");
      }
      values[i] = v;
    }
    if (polymod(withPrefix(prefix, values)) != 1) {
      throw new Invalid("has a wrong checksum (or belongs to a prefix other than '" + prefix + "')");
    }
    byte[] payload = fromFiveBits(Arrays.copyOf(values, values.length - 8));
    if (payload == null || payload.length != 21) {
      throw new Invalid("has a malformed payload");
    }
    return new Decoded(prefix, payload[0] & 0xff, Arrays.copyOfRange(payload, 1, 21));
  }

  private static int[] withPrefix(String prefix, int[] data) {
    int[] out = new int[prefix.length() + 1 + data.length];
    for (int i = 0; i < prefix.length(); i++) {
      out[i] = prefix.charAt(i) & 0x1f;
    }
    System.arraycopy(data, 0, out, prefix.length() + 1, data.length);
    return out;
  }

  /** The spec's PolyMod, without its final "^ 1": a valid address gives 1. */
  private static long polymod(int[] values) {
    long c = 1;
    for (int d : values) {
      long c0 = c >>> 35;
      c = ((c & 0x07ffffffffL) << 5) ^ d;
      for (int i = 0; i < 5; i++) {
        if (((c0 >>> i) & 1) != 0) {
          c ^= GENERATORS[i];
        }
      }
    }
    return c;
  }

  private static int[] toFiveBits(byte[] in) {
    int[] out = new int[(in.length * 8 + 4) / 5];
    int acc = 0;
    int bits = 0;
    int k = 0;
    for (byte b : in) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out[k++] = (acc >>> bits) & 0x1f;
      }
    }
    if (bits > 0) {
      out[k] = (acc << (5 - bits)) & 0x1f;
    }
    return out;
  }

  /** 5-bit groups back to bytes; null when the padding is not zero bits. */
  private static byte[] fromFiveBits(int[] in) {
    byte[] out = new byte[in.length * 5 / 8];
    int acc = 0;
    int bits = 0;
    int k = 0;
    for (int v : in) {
      acc = (acc << 5) | v;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[k++] = (byte) (acc >>> bits);
      }
    }
    if (bits >= 5 || (acc & ((1 << bits) - 1)) != 0) {
      return null;
    }
    return out;
  }
}
