package dev.keyshard.vault.recovery;

/** Shares that cannot be combined into a key, with the reason; messages name no secret. */
public final class RecoveryException extends Exception {
  private static final long serialVersionUID = 1L;

  public enum Reason {
    /** Fewer shares than the vault's threshold. */
    TOO_FEW_SHARES,
    /** Shares of different vaults (different public keys or thresholds). */
    DIFFERENT_VAULTS,
    /** Two shares of the same party (the same interpolation point). */
    DUPLICATE_SHARE,
    /** The combined key does not give the vault's public key: a share is damaged or foreign. */
    KEY_MISMATCH,
    /** A share in a form recovery does not handle (GG20, non-zero Birkhoff rank, bad layout). */
    UNSUPPORTED
  }

  private final Reason reason;

  public RecoveryException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
