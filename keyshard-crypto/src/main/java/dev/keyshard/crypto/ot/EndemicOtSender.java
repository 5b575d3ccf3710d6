package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The sender of a batch of 1-out-of-2 random OTs: Endemic OT (Masny–Rindal, ePrint 2019/706), the
 * OT built from a key agreement whose receiver messages are uniform, with Diffie–Hellman on
 * secp256k1 as the key agreement and RFC 9380 hash_to_curve as the random oracle onto the group.
 *
 * <p>Protocol (one batch of n OTs, all bound to {@link OtSession}):
 * <ol>
 *   <li>Sender: a ← Z_q \ {0}; send A = a·G ({@link #message()}). A does not depend on the
 *       receiver's message, so both messages go out in the same round (MR19's one-round
 *       Diffie–Hellman instantiation).
 *   <li>Receiver, for each i with choice c_i: send (r_i0, r_i1) ({@link EndemicOtReceiver}).
 *   <li>Sender, for each i and b ∈ {0,1} ({@link #finish}): M_ib = r_ib + H(sid, i, b, r_i(1−b))
 *       and k_ib = KDF(sid, i, b, A, r_i0, r_i1, a·M_ib).
 * </ol>
 *
 * <p>Security (MR19, endemic security, random oracle model): against a malicious receiver, only one
 * of M_i0, M_i1 can have a logarithm the receiver knows, because each is a fresh random-oracle
 * point shifted by a value the receiver fixed before seeing that point; the other key needs CDH.
 * Against a malicious sender, (r_i0, r_i1) are two uniform points whatever c_i is, so the choice is
 * hidden perfectly. "Endemic" lets a corrupt party choose its own outputs; that suffices for KOS15,
 * whose base-OT sender picks its seeds anyway and whose base-OT receiver only uses what it received.
 * The base OT has no check of its own: a deviating party is caught by the extension's consistency
 * check (DKLs23 design §4).
 *
 * <p>Single use: {@link #finish} consumes the secret a. Not thread-safe.
 *
 * <h2>Security</h2>
 * Holds the secret a until {@link #finish} returns; never printed.
 */
public final class EndemicOtSender {
  private final byte[] sessionDigest;
  private final int count;
  private final SecretScalar a;
  private final BaseOtSenderMessage message;
  private boolean used;

  private EndemicOtSender(byte[] sessionDigest, int count, SecretScalar a) {
    this.sessionDigest = sessionDigest;
    this.count = count;
    this.a = a;
    this.message = new BaseOtSenderMessage(a.publicPoint());
  }

  /**
   * Starts a batch of {@code count} OTs in {@code session}, where this party is the sender.
   *
   * @throws IllegalArgumentException when {@code count} is not 1 to
   *     {@link OtParameters#MAX_BASE_OTS}
   */
  public static EndemicOtSender start(OtSession session, int count, SecureRandom rng) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(rng, "rng");
    EndemicOt.checkCount(count);
    return new EndemicOtSender(session.digest(EndemicOt.PROTOCOL, count), count,
        SecretScalar.random(Secp256k1.INSTANCE, rng));
  }

  /** Step 1: A = a·G, to send to the receiver. */
  public BaseOtSenderMessage message() {
    return message;
  }

  /**
   * Step 3: both keys of every OT. Destroys the secret a, whatever the outcome.
   *
   * @throws OtException MALFORMED, culprit {@link OtRole#RECEIVER}, when some M_ib is the identity
   *     (an honest receiver produces it with negligible probability)
   * @throws IllegalStateException when called twice
   */
  public BaseOtSenderOutput finish(BaseOtReceiverMessage received) throws OtException {
    Objects.requireNonNull(received, "received");
    if (used) {
      throw new IllegalStateException("EndemicOtSender is single-use");
    }
    used = true;
    try {
      if (received.count() != count) {
        throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.RECEIVER,
            "expected " + count + " OTs, got " + received.count());
      }
      byte[] aBytes = message.toBytes();
      byte[][][] keys = new byte[count][2][];
      for (int i = 0; i < count; i++) {
        byte[] r0 = received.pointBytes(i, 0);
        byte[] r1 = received.pointBytes(i, 1);
        for (int b = 0; b < 2; b++) {
          // M_ib = r_ib + H(sid, i, b, r_i(1-b))
          Point m = received.point(i, b)
              .add(EndemicOt.hashPoint(sessionDigest, i, b, b == 0 ? r1 : r0));
          if (m.isIdentity()) {
            throw new OtException(OtException.Reason.MALFORMED, OtRole.RECEIVER,
                "receiver points of OT " + i + " cancel the random-oracle point");
          }
          keys[i][b] = EndemicOt.kdf(sessionDigest, i, b, aBytes, r0, r1, a.multiply(m));
        }
      }
      return new BaseOtSenderOutput(keys);
    } finally {
      a.destroy();
    }
  }

  @Override
  public String toString() {
    return "EndemicOtSender[" + count + " OTs, redacted]";
  }
}
