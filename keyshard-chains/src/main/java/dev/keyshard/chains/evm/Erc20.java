package dev.keyshard.chains.evm;

import java.math.BigInteger;

/**
 * Call data for the ERC-20 token standard (EIP-20) as the Solidity ABI encodes it: the 4-byte
 * selector keccak256("transfer(address,uint256)")[0..4] = a9059cbb, then each argument as a
 * 32-byte big-endian word (the address left-padded with zeros); and the read-only
 * {@code decimals()} call (selector 313ce567, no arguments) that {@link EvmRpc} asks a node.
 */
public final class Erc20 {
  /** keccak256("transfer(address,uint256)")[0..4]. */
  static final byte[] TRANSFER_SELECTOR = {(byte) 0xa9, 0x05, (byte) 0x9c, (byte) 0xbb};

  /**
   * keccak256("decimals()")[0..4]: EIP-20's optional
   * {@code function decimals() view returns (uint8)}.
   */
  static final byte[] DECIMALS_SELECTOR = {0x31, 0x3c, (byte) 0xe5, 0x67};

  private Erc20() {}

  /** {@code decimals()}: the 4-byte selector alone. */
  public static byte[] decimals() {
    return DECIMALS_SELECTOR.clone();
  }

  /** {@code transfer(recipient, amount)}: 4 + 32 + 32 bytes. */
  public static byte[] transfer(EvmAddress recipient, BigInteger amount) {
    byte[] out = new byte[68];
    System.arraycopy(TRANSFER_SELECTOR, 0, out, 0, 4);
    System.arraycopy(recipient.bytes(), 0, out, 4 + 12, 20);
    System.arraycopy(word(amount), 0, out, 36, 32);
    return out;
  }

  /** A uint256 as a 32-byte ABI word. @throws IllegalArgumentException when it does not fit */
  static byte[] word(BigInteger value) {
    byte[] b = Rlp.unsigned(value);
    if (b.length > 32) {
      throw new IllegalArgumentException("does not fit in 256 bits");
    }
    byte[] out = new byte[32];
    System.arraycopy(b, 0, out, 32 - b.length, b.length);
    return out;
  }
}
