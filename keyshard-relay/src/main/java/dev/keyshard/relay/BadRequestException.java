package dev.keyshard.relay;

/** A request the relay refuses as malformed (HTTP 400); the message never quotes the body. */
final class BadRequestException extends Exception {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message);
  }
}
