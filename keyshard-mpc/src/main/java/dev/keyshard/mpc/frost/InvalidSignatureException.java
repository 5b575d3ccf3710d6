package dev.keyshard.mpc.frost;

/** A signature that is malformed or does not verify under the given key and message. */
public final class InvalidSignatureException extends Exception {
  public InvalidSignatureException(String message) {
    super(message);
  }
}
