package dev.keyshard.node;

import java.util.List;

/**
 * A session that cannot finish: a peer misbehaved (a bad signature or frame, a protocol abort),
 * went silent past the deadline, or the relay stayed unreachable. {@link #culprits()} names the
 * members at fault when they are known; messages hold no key material.
 */
public class SessionException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> culprits;

  public SessionException(String message, List<String> culprits) {
    super(message);
    this.culprits = List.copyOf(culprits);
  }

  public SessionException(String message, List<String> culprits, Throwable cause) {
    super(message, cause);
    this.culprits = List.copyOf(culprits);
  }

  public List<String> culprits() {
    return culprits;
  }
}
