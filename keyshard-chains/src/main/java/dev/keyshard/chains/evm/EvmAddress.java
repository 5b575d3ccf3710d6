package dev.keyshard.chains.evm;

import dev.keyshard.chains.tx.TransactionException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A 20-byte EVM account address. Parsed from "0x" + 40 hex digits: all lower case or all upper
 * case carry no checksum and are taken as they are; mixed case must be the EIP-55 checksum
 * (a letter is upper case when the matching nibble of Keccak-256 of the lower-case hex is ≥ 8),
 * so a mistyped letter is caught. {@link #toString()} is the EIP-55 form.
 */
public final class EvmAddress {
  private final byte[] bytes;

  private EvmAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @param field the intent field, named in the error
   * @throws TransactionException when the text is not 0x + 40 hex digits or its mixed case is not
   *     the EIP-55 checksum
   */
  public static EvmAddress parse(String field, String text) throws TransactionException {
    if (text == null || !text.matches("0x[0-9a-fA-F]{40}")) {
      throw new TransactionException("'" + field + "' must be an EVM address: 0x and 40 hex digits, got '"
          + text + "'");
    }
    String hex = text.substring(2);
    String lower = hex.toLowerCase(Locale.ROOT);
    boolean mixed = !hex.equals(lower) && !hex.equals(hex.toUpperCase(Locale.ROOT));
    if (mixed && !checksum(lower).equals(text)) {
      throw new TransactionException("'" + field + "': " + text + " fails its EIP-55 checksum "
          + "(a letter's case is wrong: check the address, or write it all in lower case)");
    }
    return new EvmAddress(HexFormat.of().parseHex(lower));
  }

  /** @throws IllegalArgumentException when not 20 bytes */
  public static EvmAddress of(byte[] bytes) {
    if (bytes.length != 20) {
      throw new IllegalArgumentException("an EVM address is 20 bytes");
    }
    return new EvmAddress(bytes.clone());
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  /** True for 0x000…0, where nothing sent can ever be spent again. */
  public boolean isZero() {
    for (byte b : bytes) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** EIP-55 casing of 40 lower-case hex digits, with the 0x prefix. */
  static String checksum(String lowerHex) {
    byte[] h = Keccak.keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
    StringBuilder b = new StringBuilder("0x");
    for (int i = 0; i < lowerHex.length(); i++) {
      char c = lowerHex.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      b.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return b.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvmAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The EIP-55 checksummed form. */
  @Override
  public String toString() {
    return checksum(HexFormat.of().formatHex(bytes));
  }
}
