package dev.keyshard.chains.tx;

/** A threshold signature that does not verify where it must; the transaction is not assembled. */
public final class InvalidTransactionSignatureException extends Exception {
  public InvalidTransactionSignatureException(String message) {
    super(message);
  }
}
