package dev.keyshard.relay;

/**
 * Relay JSON that does not have the shape {@link RelayMessageJson} expects. The message names the
 * field, never quotes the input (it may hold a client's ciphertext).
 */
public final class MalformedRelayJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedRelayJsonException(String message) {
    super(message);
  }
}
