package dev.keyshard.chains.tx;

import dev.keyshard.chains.Chain;
import java.util.Set;

/** Builds one chain family's transactions from intents. Stateless. */
public interface TransactionBuilder {
  /** The chains this builder serves. */
  Set<Chain> chains();

  /**
   * @throws TransactionException when the intent is invalid for the chain (bad address, amount,
   *     missing field, insufficient inputs…), with a message naming the field
   */
  UnsignedTransaction build(TransactionIntent intent, VaultKeys keys) throws TransactionException;
}
