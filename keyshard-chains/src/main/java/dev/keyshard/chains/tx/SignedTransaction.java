package dev.keyshard.chains.tx;

import dev.keyshard.chains.Chain;
import java.util.Objects;

/**
 * A transaction ready to broadcast: the raw bytes, their usual text form ({@code encoded}: hex
 * for the Bitcoin family and EVM ("0x…"), base64 for Cosmos and Solana), and the transaction id
 * as the chain's explorers show it.
 */
public record SignedTransaction(Chain chain, String from, byte[] raw, String encoded, String txHash) {
  public SignedTransaction {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(from, "from");
    raw = raw.clone();
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(txHash, "txHash");
  }

  @Override
  public byte[] raw() {
    return raw.clone();
  }
}
