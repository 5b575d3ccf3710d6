package dev.keyshard.vault.vult;

/**
 * A {@code .vult} file that cannot be read, with the reason. Messages are one line for the user and
 * never quote the file's contents.
 */
public final class VultException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a file was refused. */
  public enum Reason {
    /** Not base64 text of a vault container: not a .vult file at all. */
    NOT_VULT,
    /** Base64 of something that is not a valid container or vault (truncated, damaged). */
    CORRUPT,
    /** A container version this build does not know. */
    UNSUPPORTED_VERSION,
    /** The vault is encrypted and no password was given. */
    PASSWORD_REQUIRED,
    /** AES-GCM refused the ciphertext: the password is wrong, or the file was altered. */
    WRONG_PASSWORD,
    /** The vault lacks its public keys, chain code or key shares. */
    INCOMPLETE
  }

  private final Reason reason;

  public VultException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
