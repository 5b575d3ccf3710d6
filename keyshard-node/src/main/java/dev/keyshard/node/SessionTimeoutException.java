package dev.keyshard.node;

import java.util.List;

/** The deadline passed while the session waited for {@link #culprits()}: they went silent. */
public final class SessionTimeoutException extends SessionException {
  private static final long serialVersionUID = 1L;

  public SessionTimeoutException(String phase, List<String> silent) {
    super("timed out in " + phase + " waiting for " + (silent.isEmpty() ? "the others"
        : String.join(", ", silent)), silent);
  }
}
