package dev.keyshard.chains;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Ethereum addresses: the last 20 bytes of Keccak-256 of the uncompressed public key (x ‖ y),
 * written with the EIP-55 mixed-case checksum (a hex letter is upper case when the matching
 * nibble of Keccak-256(lower-case hex) is ≥ 8).
 */
final class Eip55 {
  private Eip55() {}

  /** {@code 0x…} for a 65-byte uncompressed SEC1 key. */
  static String address(byte[] uncompressed) {
    byte[] hash = Hashes.keccak256(Arrays.copyOfRange(uncompressed, 1, 65));
    return checksum(HexFormat.of().formatHex(hash, 12, 32));
  }

  /** EIP-55 casing of 40 lower-case hex digits, with the 0x prefix. */
  static String checksum(String lowerHex) {
    byte[] h = Hashes.keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder b = new StringBuilder("0x");
    for (int i = 0; i < lowerHex.length(); i++) {
      char ch = lowerHex.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      b.append(Character.isLetter(ch) && nibble >= 8 ? Character.toUpperCase(ch) : ch);
    }
    return b.toString();
  }

  /** The last 20 bytes of Keccak-256(x ‖ y): Ethereum's and Tron's account id. */
  static byte[] accountId(byte[] uncompressed) {
    byte[] hash = Hashes.keccak256(Arrays.copyOfRange(uncompressed, 1, 65));
    return Arrays.copyOfRange(hash, 12, 32);
  }
}
