package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The receiver of a KOS15 correlated OT extension over Z_q (Keller–Orsini–Scholl, ePrint 2015/546,
 * revised, Fig. 10, with the DKLs18 Protocol 9 "Transfer" on top): for m extended OTs with choice
 * bits b_j it obtains r_(j,k) = t_(j,k) + b_j·α_(j,k), where the sender holds t and chose α.
 *
 * <p>{@link #extend} is KOS15 "Extend" and the receiver's half of the "Consistency check": with
 * x = b ‖ filler ‖ pad (see {@link KosShape}), t_i = G(k_i0), u_i = t_i ⊕ G(k_i1) ⊕ x for every base
 * OT i, then the challenges χ = H(sid, u) (Fiat–Shamir, as DKLs23 permits) and the column hashes
 * x̂ = Σχ_k·x^(k) + x^(pad), t̂_i = Σχ_k·t_i^(k) + t_i^(pad). {@link #finish} is "Transpose and
 * randomize" (T_j = column j of t, v_j = H(sid, j, T_j)) and "Transfer": r_(j,k) = v_(j,k) +
 * b_j·τ_(j,k), the product by b_j taken as a multiplication by the scalar 0 or 1, not a branch.
 *
 * <p>Nothing the receiver computes depends on the sender's honesty: a wrong τ gives wrong outputs
 * that the protocol above must catch (the DKLs19/23 multiplication check), not a detectable error
 * here. Single use. Not thread-safe.
 *
 * <h2>Security</h2>
 * Holds the choice bits and the rows T_j until {@link #finish}; never printed.
 */
public final class KosReceiver {
  private final KosShape shape;
  private final byte[] digest;
  private final byte[] choices;
  private final long[][] rows;
  private final KosExtendMessage message;
  private boolean used;

  private KosReceiver(KosShape shape, byte[] digest, byte[] choices, long[][] rows,
      KosExtendMessage message) {
    this.shape = shape;
    this.digest = digest;
    this.choices = choices;
    this.rows = rows;
    this.message = message;
  }

  /**
   * Starts an extension of {@code count} OTs with the given choice bits (little-endian packed; bits
   * past {@code count} are ignored). Records the session in {@code setup}.
   *
   * @throws IllegalArgumentException when {@code count} is out of range or {@code choices} has the
   *     wrong length
   * @throws IllegalStateException when {@code setup} already extended this session, or was
   *     destroyed
   */
  public static KosReceiver extend(KosReceiverSetup setup, OtSession session, byte[] choices,
      int count, SecureRandom rng) {
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(choices, "choices");
    Objects.requireNonNull(rng, "rng");
    KosShape shape = KosShape.of(setup.count(), count);
    if (choices.length != (count + 7) / 8) {
      throw new IllegalArgumentException("choices must be " + (count + 7) / 8 + " bytes");
    }
    byte[] digest = shape.digest(session);
    setup.claimSession(digest);

    // Extend, step 1: x = b ‖ random filler ‖ random pad.
    byte[] x = new byte[shape.rowBytes];
    rng.nextBytes(x);
    for (int i = 0; i < count / 8; i++) {
      x[i] = choices[i];
    }
    if (count % 8 != 0) {
      int keep = (1 << (count % 8)) - 1;
      x[count / 8] = (byte) ((choices[count / 8] & keep) | (x[count / 8] & ~keep));
    }
    // Extend, steps 2-3: t_i = G(k_i0), u_i = t_i ⊕ G(k_i1) ⊕ x.
    byte[][] t = new byte[shape.kappa][];
    byte[][] u = new byte[shape.kappa][];
    for (int i = 0; i < shape.kappa; i++) {
      t[i] = OtHashes.prg(digest, i, setup.seed(i, 0), shape.rowBytes);
      u[i] = OtHashes.prg(digest, i, setup.seed(i, 1), shape.rowBytes);
      for (int k = 0; k < shape.rowBytes; k++) {
        u[i][k] ^= (byte) (t[i][k] ^ x[k]);
      }
    }
    // Consistency check, receiver's part: χ from u, then x̂ and t̂_i.
    Gf2k208.Multiplier[] chi =
        KosShape.multipliers(OtHashes.challenges(digest, u, shape.dataBlocks));
    byte[] xHat = new byte[Gf2k208.BYTES];
    Gf2k208.toBytes(shape.checkHash(chi, x), xHat, 0);
    byte[][] tHat = new byte[shape.kappa][Gf2k208.BYTES];
    for (int i = 0; i < shape.kappa; i++) {
      Gf2k208.toBytes(shape.checkHash(chi, t[i]), tHat[i], 0);
    }
    // Transpose: T_j, the rows the random-OT hash reads.
    long[][] rows = BitMatrix.transpose(t, count);
    for (byte[] row : t) {
      Arrays.fill(row, (byte) 0);
    }
    byte[] keptChoices = Arrays.copyOf(x, (count + 7) / 8);
    Arrays.fill(x, (byte) 0);
    return new KosReceiver(shape, digest, keptChoices, rows, new KosExtendMessage(u, xHat, tHat));
  }

  /** The message to send to the extension sender. */
  public KosExtendMessage message() {
    return message;
  }

  /**
   * The outputs r_(j,k) = t_(j,k) + b_j·α_(j,k), for j &lt; m and k &lt; w (w from the message).
   *
   * @throws OtException WRONG_LENGTH, culprit {@link OtRole#SENDER}, when the message is for a
   *     different number of OTs
   * @throws IllegalStateException when called twice
   */
  public Scalar[][] finish(KosTransferMessage received) throws OtException {
    return finish(received, null);
  }

  /**
   * {@link #finish(KosTransferMessage)} for a sender that bound its pads to its fresh nonce
   * ({@link KosSender#transfer(Scalar[][], byte[])}).
   *
   * @param senderNonce the sender's {@link KosSender#SENDER_NONCE_LENGTH} bytes, or null for none
   * @throws IllegalArgumentException when the nonce has the wrong length
   */
  public Scalar[][] finish(KosTransferMessage received, byte[] senderNonce) throws OtException {
    Objects.requireNonNull(received, "received");
    if (senderNonce != null && senderNonce.length != KosSender.SENDER_NONCE_LENGTH) {
      throw new IllegalArgumentException(
          "sender nonce must be " + KosSender.SENDER_NONCE_LENGTH + " bytes");
    }
    if (used) {
      throw new IllegalStateException("KosReceiver is single-use");
    }
    used = true;
    try {
      if (received.count() != shape.count) {
        throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.SENDER,
            "expected " + shape.count + " OTs, got " + received.count());
      }
      Group g = Secp256k1.INSTANCE;
      int width = received.width();
      OtHashes.RandomOt ro = senderNonce == null ? new OtHashes.RandomOt(digest, width)
          : new OtHashes.RandomOt(digest, senderNonce, width);
      Scalar[][] out = new Scalar[shape.count][width];
      for (int j = 0; j < shape.count; j++) {
        Scalar[] v = ro.scalars(j, rows[j]);
        Scalar b = g.scalarOf(EndemicOt.bit(choices, j));
        for (int k = 0; k < width; k++) {
          out[j][k] = v[k].add(received.tau(j, k).multiply(b));
          v[k].destroy();
        }
        b.destroy();
      }
      return out;
    } finally {
      for (long[] row : rows) {
        Arrays.fill(row, 0);
      }
      Arrays.fill(choices, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "KosReceiver[" + shape.count + " OTs, redacted]";
  }
}
