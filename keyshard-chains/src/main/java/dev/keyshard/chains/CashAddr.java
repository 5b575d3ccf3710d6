package dev.keyshard.chains;

/**
 * Bitcoin Cash CashAddr (the "cashaddr.md" spec of the Bitcoin Cash specification): base32 of a
 * version byte and the hash, with a 40-bit BCH checksum over the prefix. Printed without the
 * {@code bitcoincash:} prefix, as Vultisig shows it.
 */
final class CashAddr {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final long[] GENERATORS = {
    0x98f2bc8e61L, 0x79b76d99e2L, 0xf33e5fb3c4L, 0xae2eabe2a8L, 0x1e4f43e470L
  };

  private CashAddr() {}

  /** The P2PKH address (version byte 0: key hash, 160 bits) of a HASH160. */
  static String p2pkh(String prefix, byte[] hash160) {
    byte[] payload = new byte[21];
    System.arraycopy(hash160, 0, payload, 1, 20);
    int[] data = toFiveBits(payload);
    int[] check = new int[prefix.length() + 1 + data.length + 8];
    for (int i = 0; i < prefix.length(); i++) {
      check[i] = prefix.charAt(i) & 0x1f;
    }
    System.arraycopy(data, 0, check, prefix.length() + 1, data.length);
    long mod = polymod(check);
    StringBuilder b = new StringBuilder();
    for (int d : data) {
      b.append(CHARSET.charAt(d));
    }
    for (int i = 0; i < 8; i++) {
      b.append(CHARSET.charAt((int) ((mod >>> (5 * (7 - i))) & 0x1f)));
    }
    return b.toString();
  }

  static long polymod(int[] values) {
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
    return c ^ 1;
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
}
