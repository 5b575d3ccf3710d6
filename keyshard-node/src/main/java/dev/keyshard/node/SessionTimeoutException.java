package dev.keyshard.node;

import java.util.List;

/** The deadline passed while the session waited for {@link #culprits()}: they went silent. */
public final class SessionTimeoutException extends SessionException {
  private static final long serialVersionUID = 1L;

  public SessionTimeoutException(String phase, List<String> silent) {
    this(phase, silent, silent);
  }

  /**
   * @param shown how the message names the silent members (e.g. with the vault party each one
   *     announced), in the order of {@code silent}
   */
  public SessionTimeoutException(String phase, List<String> silent, List<String> shown) {
    super("timed out in " + phase + " waiting for " + (shown.isEmpty() ? "the others"
        : String.join(", ", shown)), silent);
  }
}
