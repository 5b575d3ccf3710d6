package dev.keyshard.cli;

/** A problem with the user's input or files, reported as one line without a stack trace. */
final class UserError extends RuntimeException {
  UserError(String message) {
    super(message);
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
