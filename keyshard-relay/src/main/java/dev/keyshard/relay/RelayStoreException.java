package dev.keyshard.relay;

/**
 * A store could not do an operation (Redis unreachable, timed out, or answered with an error).
 * The message names the operation only — never a key, an id or a body — so it is safe to log.
 */
public final class RelayStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RelayStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
