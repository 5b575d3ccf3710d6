package dev.keyshard.crypto.group;

/** Bytes that do not decode to a valid scalar or point of the expected group. */
public final class InvalidEncodingException extends Exception {
  public InvalidEncodingException(String message) {
    super(message);
  }
}
