package dev.keyshard.chains;

/** A private key that does not belong to the public key it was given with. Names no key. */
public final class KeyMismatchException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  KeyMismatchException(String message) {
    super(message);
  }
}
