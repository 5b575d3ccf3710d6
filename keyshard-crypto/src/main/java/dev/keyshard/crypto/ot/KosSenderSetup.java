package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.secret.SecretAccess;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The extension sender's long-term state (KOS15 "Initialize"): the correlation Δ ∈ {0,1}^κ (its
 * base-OT choice bits) and the seed k_(i, Δ_i) of each base OT, where it was the base-OT receiver.
 *
 * <p>A failed consistency check marks the setup burned and every later use throws: each failure
 * can tell a cheating receiver one bit of Δ (KOS15 §3, selective failure), so the pair must redo
 * its base OTs (ATTACKS.md, the Lindell17 abort row; DKLs23 design §8.6). The caller must persist
 * the burn as well: {@link #toBytes} refuses a burned setup, so storage records the burn on its own
 * and restores it with {@link #burnedPlaceholder(int)}, which holds no Δ.
 *
 * <h2>Security</h2>
 * Secret: Δ turns every extended OT into both of its messages. Never printed; exported only with a
 * {@link SecretAccess} token. {@link #destroy()} zeroes it (best effort). Not thread-safe.
 */
public final class KosSenderSetup implements Destroyable {
  private final byte[] delta;
  private final byte[][] seeds;
  private boolean burned;
  private boolean destroyed;

  private KosSenderSetup(byte[] delta, byte[][] seeds) {
    this.delta = delta;
    this.seeds = seeds;
  }

  /**
   * The sender setup from the base OTs where this party was the receiver. Copies the keys.
   *
   * @throws IllegalArgumentException when the batch is not a multiple of 64 from 128 to 1024
   */
  public static KosSenderSetup from(BaseOtReceiverOutput baseOt) {
    Objects.requireNonNull(baseOt, "baseOt");
    byte[][] keys = baseOt.keysLive();
    KosShape.checkKappa(keys.length);
    byte[][] s = new byte[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      s[i] = keys[i].clone();
    }
    return new KosSenderSetup(baseOt.choicesLive().clone(), s);
  }

  /**
   * A setup that is burned from the start and holds no secret (Δ and seeds are zero): how storage
   * restores a pair whose consistency check failed, without keeping the partly leaked Δ.
   *
   * @throws IllegalArgumentException when κ is not a multiple of 64 from 128 to 1024
   */
  public static KosSenderSetup burnedPlaceholder(int kappa) {
    KosShape.checkKappa(kappa);
    byte[][] s = new byte[kappa][];
    for (int i = 0; i < kappa; i++) {
      s[i] = new byte[OtParameters.SEED_BYTES];
    }
    KosSenderSetup setup = new KosSenderSetup(new byte[kappa / 8], s);
    setup.burned = true;
    return setup;
  }

  /** κ, the number of base OTs. */
  public int count() {
    return seeds.length;
  }

  /** True after a consistency check failed with this setup; it can no longer be used. */
  public boolean isBurned() {
    return burned;
  }

  /** Bit i of Δ, for tests and storage. */
  public int delta(int i, SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    checkUsable();
    Objects.checkIndex(i, seeds.length);
    return EndemicOt.bit(delta, i);
  }

  /**
   * Storage encoding: u16(κ) ‖ Δ (κ/8 bytes) ‖ κ seeds.
   *
   * @throws IllegalStateException when burned or destroyed (store the burn instead, see
   *     {@link #burnedPlaceholder(int)})
   */
  public byte[] toBytes(SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    checkUsable();
    int s = OtParameters.SEED_BYTES;
    int k = seeds.length;
    byte[] out = new byte[2 + k / 8 + k * s];
    out[0] = (byte) (k >>> 8);
    out[1] = (byte) k;
    System.arraycopy(delta, 0, out, 2, k / 8);
    for (int i = 0; i < k; i++) {
      System.arraycopy(seeds[i], 0, out, 2 + k / 8 + i * s, s);
    }
    return out;
  }

  /**
   * Reads {@link #toBytes} output.
   *
   * @throws IllegalArgumentException when the encoding is malformed (our own storage, not a peer's)
   */
  public static KosSenderSetup fromBytes(byte[] encoded, SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    int s = OtParameters.SEED_BYTES;
    int k = encoded.length < 2 ? -1 : ((encoded[0] & 0xFF) << 8) | (encoded[1] & 0xFF);
    KosShape.checkKappa(k);
    if (encoded.length != 2 + k / 8 + k * s) {
      throw new IllegalArgumentException("KOS sender setup has the wrong length");
    }
    byte[][] seeds = new byte[k][];
    for (int i = 0; i < k; i++) {
      seeds[i] = Arrays.copyOfRange(encoded, 2 + k / 8 + i * s, 2 + k / 8 + (i + 1) * s);
    }
    return new KosSenderSetup(Arrays.copyOfRange(encoded, 2, 2 + k / 8), seeds);
  }

  byte[] deltaLive() {
    checkUsable();
    return delta;
  }

  byte[] seed(int i) {
    checkUsable();
    return seeds[i];
  }

  void burn() {
    burned = true;
  }

  private void checkUsable() {
    if (destroyed) {
      throw new IllegalStateException("KOS sender setup was destroyed");
    }
    if (burned) {
      throw new IllegalStateException("KOS sender setup is burned after a failed consistency check");
    }
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(delta, (byte) 0);
    for (byte[] seed : seeds) {
      Arrays.fill(seed, (byte) 0);
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "KosSenderSetup[" + seeds.length + " base OTs" + (burned ? ", burned" : "")
        + ", redacted]";
  }
}
