package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.secret.SecretAccess;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import javax.security.auth.Destroyable;

/**
 * The extension receiver's long-term state (KOS15 "Initialize"): both seeds (k_i0, k_i1) of each of
 * κ base OTs, where it was the base-OT sender. One setup serves many extensions, each under its own
 * {@link OtSession}; a session seen before is refused, because two extensions under one session
 * would reveal the XOR of their choice bits.
 *
 * <h2>Security</h2>
 * Secret. Never printed; exported only with a {@link SecretAccess} token, for storage under
 * encryption. The in-memory session list is only a guard: persisted state must also keep session ids
 * fresh. {@link #destroy()} zeroes the seeds (best effort). Not thread-safe.
 */
public final class KosReceiverSetup implements Destroyable {
  private final byte[][] seeds0;
  private final byte[][] seeds1;
  private final Set<ByteBuffer> usedSessions = new HashSet<>();
  private boolean destroyed;

  private KosReceiverSetup(byte[][] seeds0, byte[][] seeds1) {
    this.seeds0 = seeds0;
    this.seeds1 = seeds1;
  }

  /**
   * The receiver setup from the base OTs where this party was the sender. Copies the keys.
   *
   * @throws IllegalArgumentException when the batch is not a multiple of 64 from 128 to 1024
   */
  public static KosReceiverSetup from(BaseOtSenderOutput baseOt) {
    Objects.requireNonNull(baseOt, "baseOt");
    byte[][][] keys = baseOt.live();
    KosShape.checkKappa(keys.length);
    byte[][] s0 = new byte[keys.length][];
    byte[][] s1 = new byte[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      s0[i] = keys[i][0].clone();
      s1[i] = keys[i][1].clone();
    }
    return new KosReceiverSetup(s0, s1);
  }

  /** κ, the number of base OTs. */
  public int count() {
    return seeds0.length;
  }

  /** Storage encoding: u16(κ) ‖ κ × (k_i0 ‖ k_i1). */
  public byte[] toBytes(SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    checkLive();
    int s = OtParameters.SEED_BYTES;
    byte[] out = new byte[2 + count() * 2 * s];
    out[0] = (byte) (count() >>> 8);
    out[1] = (byte) count();
    for (int i = 0; i < count(); i++) {
      System.arraycopy(seeds0[i], 0, out, 2 + i * 2 * s, s);
      System.arraycopy(seeds1[i], 0, out, 2 + i * 2 * s + s, s);
    }
    return out;
  }

  /**
   * Reads {@link #toBytes} output.
   *
   * @throws IllegalArgumentException when the encoding is malformed (our own storage, not a peer's)
   */
  public static KosReceiverSetup fromBytes(byte[] encoded, SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    int s = OtParameters.SEED_BYTES;
    int kappa = encoded.length < 2 ? -1 : ((encoded[0] & 0xFF) << 8) | (encoded[1] & 0xFF);
    KosShape.checkKappa(kappa);
    if (encoded.length != 2 + kappa * 2 * s) {
      throw new IllegalArgumentException("KOS receiver setup has the wrong length");
    }
    byte[][] s0 = new byte[kappa][];
    byte[][] s1 = new byte[kappa][];
    for (int i = 0; i < kappa; i++) {
      s0[i] = Arrays.copyOfRange(encoded, 2 + i * 2 * s, 2 + i * 2 * s + s);
      s1[i] = Arrays.copyOfRange(encoded, 2 + i * 2 * s + s, 2 + (i + 1) * 2 * s);
    }
    return new KosReceiverSetup(s0, s1);
  }

  /** Records a session digest; refuses one already used. */
  void claimSession(byte[] digest) {
    checkLive();
    if (!usedSessions.add(ByteBuffer.wrap(digest.clone()))) {
      throw new IllegalStateException("this OT session was already extended with this setup");
    }
  }

  byte[] seed(int i, int position) {
    checkLive();
    return position == 0 ? seeds0[i] : seeds1[i];
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("KOS receiver setup was destroyed");
    }
  }

  @Override
  public void destroy() {
    destroyed = true;
    for (int i = 0; i < seeds0.length; i++) {
      Arrays.fill(seeds0[i], (byte) 0);
      Arrays.fill(seeds1[i], (byte) 0);
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "KosReceiverSetup[" + seeds0.length + " base OTs, redacted]";
  }
}
