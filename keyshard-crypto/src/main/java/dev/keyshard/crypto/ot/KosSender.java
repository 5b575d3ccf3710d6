package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Scalar;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The sender of a KOS15 correlated OT extension over Z_q (ePrint 2015/546, revised, Fig. 10; the
 * receiver's side is {@link KosReceiver}). {@link #check} recomputes q_i = G(k_(i,Δ_i)) ⊕ Δ_i·u_i
 * = t_i ⊕ Δ_i·x and runs the consistency check Σχ_k·q_i^(k) + q_i^(pad) = t̂_i + Δ_i·x̂ for every
 * column i, with χ re-derived from u (Fiat–Shamir). A receiver that used different x in different
 * columns fails unless it guessed those bits of Δ; then the setup is burned
 * ({@link KosSenderSetup#isBurned}) and the receiver is blamed. {@link #transfer} is "Transpose and
 * randomize" (Q_j = T_j ⊕ b_j·Δ, v0_j = H(sid, j, Q_j), v1_j = H(sid, j, Q_j ⊕ Δ)) and the
 * DKLs18 Protocol 9 "Transfer": the sender's outputs are t = v0 and it sends
 * τ = v0 − v1 + α, so that the receiver gets t + b·α.
 *
 * <p>Why the check works: the column hash H_χ(v) = Σχ_k·v^(k) + v^(pad) is GF(2)-linear, so a
 * column built from x ⊕ δ instead of the x behind x̂ passes only if Δ_i = 0 or H_χ(δ) = 0; the
 * latter has probability 2^-208 for δ ≠ 0 because χ is derived only after u is fixed. It costs the
 * receiver nothing in privacy: the pad block is uniform and appears only in x̂, and each t̂_i is what
 * the sender can already compute as H_χ(q_i) ⊕ Δ_i·x̂.
 *
 * <p>The check compares every column and folds the differences before deciding, so its timing
 * does not say which column failed. Single use. Not thread-safe.
 *
 * <h2>Security</h2>
 * Holds Q and Δ until {@link #transfer}; never printed.
 */
public final class KosSender {
  /** Bytes of the optional sender nonce of {@link #transfer(Scalar[][], byte[])}. */
  public static final int SENDER_NONCE_LENGTH = 32;

  private final KosShape shape;
  private final byte[] digest;
  private final long[][] rows;
  private final long[] delta;
  private boolean used;

  private KosSender(KosShape shape, byte[] digest, long[][] rows, long[] delta) {
    this.shape = shape;
    this.digest = digest;
    this.rows = rows;
    this.delta = delta;
  }

  /**
   * Receives the extension receiver's message for {@code count} OTs and checks it.
   *
   * @throws OtException WRONG_LENGTH (culprit {@link OtRole#RECEIVER}) when the message is for
   *     another κ or m; CONSISTENCY_CHECK_FAILED (culprit RECEIVER) when the check fails, after
   *     which {@code setup} is burned
   * @throws IllegalStateException when {@code setup} is burned or destroyed
   */
  public static KosSender check(KosSenderSetup setup, OtSession session, int count,
      KosExtendMessage received) throws OtException {
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(received, "received");
    KosShape shape = KosShape.of(setup.count(), count);
    if (received.kappa() != shape.kappa || received.u()[0].length != shape.rowBytes) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.RECEIVER,
          "KOS extend message is for another number of OTs");
    }
    byte[] digest = shape.digest(session);
    byte[] deltaBytes = setup.deltaLive();
    byte[][] u = received.u();
    byte[][] q = new byte[shape.kappa][];
    Gf2k208.Multiplier[] chi =
        KosShape.multipliers(OtHashes.challenges(digest, u, shape.dataBlocks));
    long[] xHat = Gf2k208.fromBytes(received.xHat(), 0);
    long diff = 0;
    for (int i = 0; i < shape.kappa; i++) {
      // Extend, step 4: q_i = G(k_(i,Δ_i)) ⊕ Δ_i·u_i
      byte mask = (byte) -EndemicOt.bit(deltaBytes, i);
      q[i] = OtHashes.prg(digest, i, setup.seed(i), shape.rowBytes);
      for (int k = 0; k < shape.rowBytes; k++) {
        q[i][k] ^= (byte) (u[i][k] & mask);
      }
      // Consistency check, step 3: hash(q_i) = t̂_i ⊕ Δ_i·x̂
      long[] lhs = shape.checkHash(chi, q[i]);
      long[] rhs = Gf2k208.fromBytes(received.tHat()[i], 0);
      long lmask = -EndemicOt.bit(deltaBytes, i);
      for (int w = 0; w < Gf2k208.WORDS; w++) {
        diff |= lhs[w] ^ rhs[w] ^ (xHat[w] & lmask);
      }
    }
    if (diff != 0) {
      for (byte[] row : q) {
        Arrays.fill(row, (byte) 0);
      }
      setup.burn();
      throw new OtException(OtException.Reason.CONSISTENCY_CHECK_FAILED, OtRole.RECEIVER,
          "KOS consistency check failed");
    }
    long[][] rows = BitMatrix.transpose(q, count);
    for (byte[] row : q) {
      Arrays.fill(row, (byte) 0);
    }
    long[] delta = new long[shape.kappa / 64];
    for (int w = 0; w < delta.length; w++) {
      delta[w] = BitMatrix.word(deltaBytes, w);
    }
    return new KosSender(shape, digest, rows, delta);
  }

  /**
   * The correlated OTs with correlation α: α[j] holds the w scalars of extended OT j.
   *
   * @throws IllegalArgumentException when α is not m rows of one width from 1 to
   *     {@link OtParameters#MAX_WIDTH}
   * @throws IllegalStateException when called twice
   */
  public Transfer transfer(Scalar[][] alpha) {
    return transfer(alpha, null);
  }

  /**
   * {@link #transfer(Scalar[][])} with the random-OT pads v0_j = H(sid, n, j, Q_j) and
   * v1_j = H(sid, n, j, Q_j ⊕ Δ) also bound to the sender's fresh nonce n, which the receiver must
   * pass to {@link KosReceiver#finish(KosTransferMessage, byte[])}. Without n the pads depend only
   * on the session and the receiver's message, so a receiver replaying the same message under a
   * reused session gets the same pads twice and learns the difference of the two correlations.
   *
   * @param senderNonce {@link #SENDER_NONCE_LENGTH} fresh random bytes, or null for none
   */
  public Transfer transfer(Scalar[][] alpha, byte[] senderNonce) {
    Objects.requireNonNull(alpha, "alpha");
    if (alpha.length != shape.count || alpha[0] == null) {
      throw new IllegalArgumentException("alpha must have one row per extended OT");
    }
    int width = alpha[0].length;
    KosShape.checkWidth(width);
    for (Scalar[] row : alpha) {
      if (row == null || row.length != width) {
        throw new IllegalArgumentException("alpha rows must all have width " + width);
      }
    }
    if (senderNonce != null && senderNonce.length != SENDER_NONCE_LENGTH) {
      throw new IllegalArgumentException("sender nonce must be " + SENDER_NONCE_LENGTH + " bytes");
    }
    if (used) {
      throw new IllegalStateException("KosSender is single-use");
    }
    used = true;
    OtHashes.RandomOt ro = senderNonce == null ? new OtHashes.RandomOt(digest, width)
        : new OtHashes.RandomOt(digest, senderNonce, width);
    Scalar[][] tau = new Scalar[shape.count][width];
    Scalar[][] out = new Scalar[shape.count][];
    long[] flipped = new long[delta.length];
    for (int j = 0; j < shape.count; j++) {
      for (int w = 0; w < delta.length; w++) {
        flipped[w] = rows[j][w] ^ delta[w];
      }
      Scalar[] v0 = ro.scalars(j, rows[j]);
      Scalar[] v1 = ro.scalars(j, flipped);
      for (int k = 0; k < width; k++) {
        tau[j][k] = v0[k].subtract(v1[k]).add(alpha[j][k]);
        v1[k].destroy();
      }
      out[j] = v0;
      Arrays.fill(rows[j], 0);
    }
    Arrays.fill(flipped, 0);
    Arrays.fill(delta, 0);
    return new Transfer(new KosTransferMessage(tau), out);
  }

  /** {@link #transfer(Scalar[][])} with the same correlation vector for every extended OT. */
  public Transfer transfer(Scalar[] alpha) {
    return transfer(alpha, null);
  }

  /** {@link #transfer(Scalar[][], byte[])} with the same correlation vector for every OT. */
  public Transfer transfer(Scalar[] alpha, byte[] senderNonce) {
    Objects.requireNonNull(alpha, "alpha");
    Scalar[][] all = new Scalar[shape.count][];
    Arrays.fill(all, alpha);
    return transfer(all, senderNonce);
  }

  @Override
  public String toString() {
    return "KosSender[" + shape.count + " OTs, redacted]";
  }

  /**
   * The sender's result: the message τ for the receiver and the outputs t_(j,k).
   *
   * <h2>Security</h2>
   * The outputs are secret shares; never printed. {@link #destroy()} destroys them.
   */
  public static final class Transfer implements Destroyable {
    private final KosTransferMessage message;
    private final Scalar[][] outputs;
    private boolean destroyed;

    Transfer(KosTransferMessage message, Scalar[][] outputs) {
      this.message = message;
      this.outputs = outputs;
    }

    public KosTransferMessage message() {
      return message;
    }

    /**
     * The outputs t_(j,k) (a new outer array over the same scalars): {@link #destroy()} destroys
     * these scalars too, so finish using them first.
     */
    public Scalar[][] outputs() {
      if (destroyed) {
        throw new IllegalStateException("transfer outputs were destroyed");
      }
      return outputs.clone();
    }

    @Override
    public void destroy() {
      destroyed = true;
      for (Scalar[] row : outputs) {
        for (Scalar s : row) {
          s.destroy();
        }
      }
    }

    @Override
    public boolean isDestroyed() {
      return destroyed;
    }

    @Override
    public String toString() {
      return "KosSender.Transfer[" + outputs.length + " OTs, redacted]";
    }
  }
}
