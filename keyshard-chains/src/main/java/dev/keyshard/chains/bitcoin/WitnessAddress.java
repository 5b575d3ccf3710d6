package dev.keyshard.chains.bitcoin;

import fr.acinq.bitcoin.Bech32;
import java.util.Locale;
import kotlin.Triple;

/**
 * Segwit address decoding for any human-readable part (bitcoin-kmp's decodeWitnessAddress
 * accepts only Bitcoin's). bitcoin-kmp checks the bech32/bech32m checksum; the rules on top are
 * BIP-173's and BIP-350's: no mixed case, at most 90 characters, witness version 0–16, version 0
 * checksummed with bech32 and the others with bech32m, a 2–40 byte program (20 or 32 for version
 * 0) whose 5-to-8-bit conversion leaves at most 4 zero bits of padding.
 */
final class WitnessAddress {
  private WitnessAddress() {}

  record Decoded(String hrp, int version, byte[] program) {}

  /** @return the decoded address, or null when it is not a valid segwit address */
  static Decoded decode(String address) {
    if (address.length() > 90 || (!address.equals(address.toLowerCase(Locale.ROOT))
        && !address.equals(address.toUpperCase(Locale.ROOT)))) {
      return null;
    }
    Triple<String, Byte[], Bech32.Encoding> d;
    try {
      d = Bech32.decode(address.toLowerCase(Locale.ROOT), false);
    } catch (RuntimeException e) {
      return null;
    }
    Byte[] data = d.getSecond();
    if (data.length < 1) {
      return null;
    }
    int version = data[0];
    if (version < 0 || version > 16) {
      return null;
    }
    Bech32.Encoding wanted = version == 0 ? Bech32.Encoding.Bech32 : Bech32.Encoding.Bech32m;
    if (d.getThird() != wanted) {
      return null;
    }
    byte[] program = fromFiveBits(data);
    if (program == null || program.length < 2 || program.length > 40
        || (version == 0 && program.length != 20 && program.length != 32)) {
      return null;
    }
    return new Decoded(d.getFirst(), version, program);
  }

  /** data[1..] from 5-bit groups to bytes; null when the padding is too long or not zero. */
  private static byte[] fromFiveBits(Byte[] data) {
    byte[] out = new byte[(data.length - 1) * 5 / 8];
    int acc = 0;
    int bits = 0;
    int k = 0;
    for (int i = 1; i < data.length; i++) {
      int v = data[i];
      if (v < 0 || v > 31) {
        return null;
      }
      acc = ((acc << 5) | v) & 0xfff;
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
