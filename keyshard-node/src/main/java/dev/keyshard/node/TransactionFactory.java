package dev.keyshard.node;

import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;

/**
 * How a device turns an intent into the transaction it signs, from its own vault's keys; every
 * device of a transaction session calls it itself. {@link #REGISTERED} uses the chain builders
 * in {@link Transactions}; tests pass their own.
 */
@FunctionalInterface
public interface TransactionFactory {
  /** {@link Transactions#build}: the registered chain builders. */
  TransactionFactory REGISTERED = Transactions::build;

  /**
   * @throws TransactionException when the intent is invalid for its chain
   */
  UnsignedTransaction build(TransactionIntent intent, VaultKeys keys) throws TransactionException;
}
