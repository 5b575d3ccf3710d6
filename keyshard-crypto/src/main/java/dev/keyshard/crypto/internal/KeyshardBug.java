package dev.keyshard.crypto.internal;

/** An invariant of Keyshard's own code broke: a bug here, never a peer's fault or a user error. */
public final class KeyshardBug extends RuntimeException {
  public KeyshardBug(String message) {
    super(message);
  }

  public KeyshardBug(String message, Throwable cause) {
    super(message, cause);
  }
}
