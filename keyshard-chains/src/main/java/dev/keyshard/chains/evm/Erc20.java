package dev.keyshard.chains.evm;

import java.math.BigInteger;

/**
 * Call data for the ERC-20 token standard (EIP-20) as the Solidity ABI encodes it: the 4-byte
 * selector keccak256("transfer(address,uint256)")[0..4] = a9059cbb, then each argument as a
 * 32-byte big-endian word (the address left-padded with zeros).
 */
public final class Erc20 {
  /** keccak256("transfer(address,uint256)")[0..4]. */
  static final byte[] TRANSFER_SELECTOR = {(byte) 0xa9, 0x05, (byte) 0x9c, (byte) 0xbb};

  private Erc20() {}

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
