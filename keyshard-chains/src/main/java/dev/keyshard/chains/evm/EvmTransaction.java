package dev.keyshard.chains.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fields of one EVM transaction and its two encodings: the signing payload whose Keccak-256
 * the vault signs, and the signed transaction nodes accept.
 * <ul>
 *   <li>{@link EvmTxType#EIP1559} (EIP-1559 § Specification; EIP-2718 envelope): payload
 *       0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value,
 *       data, accessList]); signed 0x02 ‖ rlp([… , accessList, yParity, r, s]). The access list
 *       is always empty.
 *   <li>{@link EvmTxType#LEGACY} (EIP-155 § Specification): payload rlp([nonce, gasPrice,
 *       gasLimit, to, value, data, chainId, 0, 0]); signed rlp([nonce, gasPrice, gasLimit, to,
 *       value, data, v, r, s]) with v = yParity + chainId·2 + 35.
 * </ul>
 * For legacy transactions {@code maxFeePerGas} holds the gas price and
 * {@code maxPriorityFeePerGas} is null. Amounts are in wei.
 */
public record EvmTransaction(EvmTxType type, BigInteger chainId, BigInteger nonce,
    BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, BigInteger gasLimit, EvmAddress to,
    BigInteger value, byte[] data) {

  public EvmTransaction {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    if (type == EvmTxType.EIP1559) {
      Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    } else if (maxPriorityFeePerGas != null) {
      throw new IllegalArgumentException("a legacy transaction has a gas price, no priority fee");
    }
    data = data.clone();
  }

  /** A legacy EIP-155 transaction. */
  public static EvmTransaction legacy(BigInteger chainId, BigInteger nonce, BigInteger gasPrice,
      BigInteger gasLimit, EvmAddress to, BigInteger value, byte[] data) {
    return new EvmTransaction(EvmTxType.LEGACY, chainId, nonce, null, gasPrice, gasLimit, to, value,
        data);
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The gas price of a legacy transaction (the same field as {@link #maxFeePerGas()}). */
  public BigInteger gasPrice() {
    return maxFeePerGas;
  }

  /** gasLimit × maxFeePerGas (or × gasPrice): the most the sender can pay in fees, in wei. */
  public BigInteger maxFee() {
    return gasLimit.multiply(maxFeePerGas);
  }

  /** The bytes whose Keccak-256 is signed. */
  public byte[] signingPayload() {
    List<byte[]> items = fields();
    if (type == EvmTxType.EIP1559) {
      items.add(Rlp.list());
      return typed(Rlp.list(items));
    }
    items.add(Rlp.scalar(chainId));
    items.add(Rlp.scalar(0));
    items.add(Rlp.scalar(0));
    return Rlp.list(items);
  }

  /** Keccak-256 of {@link #signingPayload()}: the 32-byte hash the vault signs. */
  public byte[] signingHash() {
    return Keccak.keccak256(signingPayload());
  }

  /**
   * The signed transaction, as {@code eth_sendRawTransaction} takes it.
   *
   * @param yParity the recovery id, 0 or 1 (parity of R's y)
   * @param r the signature's r, 1..n−1
   * @param s the signature's s, low (≤ n/2, EIP-2)
   */
  public byte[] signedEncoding(int yParity, BigInteger r, BigInteger s) {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("y parity is 0 or 1");
    }
    List<byte[]> items = fields();
    if (type == EvmTxType.EIP1559) {
      items.add(Rlp.list());
      items.add(Rlp.scalar(yParity));
    } else {
      items.add(Rlp.scalar(chainId.shiftLeft(1).add(BigInteger.valueOf(35 + yParity))));
    }
    items.add(Rlp.scalar(r));
    items.add(Rlp.scalar(s));
    byte[] list = Rlp.list(items);
    return type == EvmTxType.EIP1559 ? typed(list) : list;
  }

  /** The fields both encodings share, in their order. */
  private List<byte[]> fields() {
    List<byte[]> items = new ArrayList<>();
    if (type == EvmTxType.EIP1559) {
      items.add(Rlp.scalar(chainId));
      items.add(Rlp.scalar(nonce));
      items.add(Rlp.scalar(maxPriorityFeePerGas));
      items.add(Rlp.scalar(maxFeePerGas));
    } else {
      items.add(Rlp.scalar(nonce));
      items.add(Rlp.scalar(maxFeePerGas));
    }
    items.add(Rlp.scalar(gasLimit));
    items.add(Rlp.bytes(to.bytes()));
    items.add(Rlp.scalar(value));
    items.add(Rlp.bytes(data));
    return items;
  }

  private static byte[] typed(byte[] rlp) {
    return Rlp.concat(new byte[] {0x02}, rlp);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvmTransaction t && java.util.Arrays.equals(signingPayload(), t.signingPayload());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(signingHash());
  }
}
