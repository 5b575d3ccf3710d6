package dev.keyshard.relay;

/** A store refused a write because a {@link RelayLimits} quota is used up (HTTP 429). */
public final class LimitExceededException extends Exception {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
