package dev.keyshard.chains.tx;

/**
 * A transaction that cannot be built as asked, with a message for the user: an invalid address or
 * checksum, an amount with too many decimals, missing or contradictory fields, insufficient funds.
 * Raised before anything is signed.
 */
public final class TransactionException extends Exception {
  public TransactionException(String message) {
    super(message);
  }

  public TransactionException(String message, Throwable cause) {
    super(message, cause);
  }
}
