package dev.keyshard.node.tx;

/**
 * A transaction could not be signed: too few shares, shares of different vaults, a protocol
 * abort, or a signature that failed its independent check. Nothing was returned for it. The
 * message names the request or the problem and never contains a secret.
 */
public class TransactionSigningException extends Exception {
  public TransactionSigningException(String message) {
    super(message);
  }

  public TransactionSigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
