package dev.keyshard.chains.tx;

/**
 * A transaction that cannot be built as asked, with a message for the user: an invalid address or
 * checksum, an amount with too many decimals, missing or contradictory fields, insufficient funds.
 * Raised before anything is signed.
 */
public final class TransactionException extends Exception {
  /** The message may quote intent fields: invisible and control characters are escaped. */
  public TransactionException(String message) {
    super(DisplayText.escape(message));
  }

  public TransactionException(String message, Throwable cause) {
    super(DisplayText.escape(message), cause);
  }
}
