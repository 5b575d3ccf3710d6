package dev.keyshard.chains.tx;

import dev.keyshard.chains.Chain;
import java.util.ArrayList;
import java.util.List;

/** The builders of every chain family Keyshard signs transactions for. */
public final class Transactions {
  private static final List<TransactionBuilder> BUILDERS = List.of(
      // one entry per chain family
      new dev.keyshard.chains.evm.EvmTransactionBuilder(),
      new dev.keyshard.chains.bitcoin.BitcoinTransactionBuilder(),
      new dev.keyshard.chains.solana.SolanaTransferBuilder(),
      new dev.keyshard.chains.cosmos.CosmosTransactionBuilder()
  );

  private Transactions() {}

  /** The chains with a transaction builder. */
  public static List<Chain> supportedChains() {
    List<Chain> out = new ArrayList<>();
    for (Chain c : Chain.values()) {
      if (builderFor(c) != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Builds the intent's transaction for a vault with these keys.
   *
   * @throws TransactionException when the chain has no builder or the intent is invalid
   */
  public static UnsignedTransaction build(TransactionIntent intent, VaultKeys keys)
      throws TransactionException {
    Chain chain = intent.chain();
    TransactionBuilder b = builderFor(chain);
    if (b == null) {
      throw new TransactionException("Keyshard cannot build " + chain.displayName()
          + " transactions yet (it can: " + supportedChains() + ")");
    }
    return b.build(intent, keys);
  }

  private static TransactionBuilder builderFor(Chain chain) {
    for (TransactionBuilder b : BUILDERS) {
      if (b.chains().contains(chain)) {
        return b;
      }
    }
    return null;
  }
}
