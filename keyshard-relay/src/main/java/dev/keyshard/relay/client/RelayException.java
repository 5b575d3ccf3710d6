package dev.keyshard.relay.client;

/**
 * The relay refused a request or could not be reached after the retries. {@link #status()} is the
 * HTTP status, or 0 when no answer came. Messages name the route, never ids or bodies.
 */
public final class RelayException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int status;

  public RelayException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** True for errors worth retrying: no answer, 5xx, 429. */
  public boolean transientError() {
    return status == 0 || status == 429 || status >= 500;
  }
}
