package dev.keyshard.vault.keystore;

/**
 * A keystore operation refused, with the reason. Messages are one line for the user and never
 * hold a password or share bytes.
 */
public final class KeystoreException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why an operation was refused. */
  public enum Reason {
    /** AES-GCM refused the share: the password is wrong, or the file was altered. */
    WRONG_PASSWORD,
    /** The file is not a keystore entry, or it is damaged. */
    CORRUPT,
    /** An entry format version this build does not know. */
    UNSUPPORTED_VERSION,
    /** The keystore already holds this party's share of this vault. */
    DUPLICATE,
    /** No entry matches the name, id or reference. */
    NOT_FOUND,
    /** Several entries match; the message lists their references. */
    AMBIGUOUS,
    /** The new share does not belong where it is written (another vault or party). */
    MISMATCH
  }

  private final Reason reason;

  public KeystoreException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
