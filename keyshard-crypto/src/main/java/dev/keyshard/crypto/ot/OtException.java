package dev.keyshard.crypto.ot;

import java.util.Objects;

/**
 * A peer's OT message was rejected. Carries the {@link Reason} and the {@link OtRole} of the peer
 * at fault, never secret values; the protocol layer maps it to {@code ProtocolAbort} naming that
 * peer (STYLE.md §2.5).
 *
 * <p>Every reason here is attributable: an honest peer's message always decodes and, for
 * {@link Reason#CONSISTENCY_CHECK_FAILED}, always passes, so the culprit is the sender of the
 * message that failed.
 */
public final class OtException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a message was rejected. Switch on it without a {@code default} (STYLE.md §2.5). */
  public enum Reason {
    /** A field does not decode: a point off the curve, the identity, a non-canonical encoding, a
     * scalar not below the group order, or a receiver message that makes a key degenerate. */
    MALFORMED,
    /** A message, a list or a row has a length other than the one the parameters fix. */
    WRONG_LENGTH,
    /** The KOS15 consistency check failed: the extension receiver used inconsistent rows. */
    CONSISTENCY_CHECK_FAILED
  }

  private final Reason reason;
  private final OtRole culprit;

  /**
   * @param reason why the message was rejected
   * @param culprit the role of the peer that sent it
   * @param detail a public description (never secret values)
   */
  public OtException(Reason reason, OtRole culprit, String detail) {
    super(Objects.requireNonNull(reason, "reason") + " (culprit: "
        + Objects.requireNonNull(culprit, "culprit") + "): " + detail);
    this.reason = reason;
    this.culprit = culprit;
  }

  public Reason reason() {
    return reason;
  }

  /** The role of the peer whose message failed; never {@code null}. */
  public OtRole culprit() {
    return culprit;
  }
}
