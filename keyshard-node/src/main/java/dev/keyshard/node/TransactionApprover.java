package dev.keyshard.node;

import dev.keyshard.chains.tx.UnsignedTransaction;

/**
 * Decides whether a co-signer signs a transaction it built itself from the session's intent:
 * shows {@code tx.summary().lines()} and asks the user ({@code --yes} approves).
 */
@FunctionalInterface
public interface TransactionApprover {
  boolean approve(UnsignedTransaction tx);
}
