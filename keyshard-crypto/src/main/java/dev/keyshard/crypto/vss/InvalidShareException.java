package dev.keyshard.crypto.vss;

import dev.keyshard.crypto.group.Scalar;

/**
 * A secret share does not match its Feldman commitment: {@code share·G ≠ Σ x^k·C_k}. The dealer (or
 * the sender, if it tampered) is at fault; protocols map this to {@code INVALID_SHARE} naming the
 * sender. The message and fields never contain the share.
 */
public final class InvalidShareException extends Exception {
  private final transient Scalar index;

  public InvalidShareException(Scalar index) {
    super("secret share does not match the VSS commitment");
    this.index = index;
  }

  /** The public evaluation point x (the recipient's identifier) whose share failed. */
  public Scalar index() {
    return index;
  }
}
