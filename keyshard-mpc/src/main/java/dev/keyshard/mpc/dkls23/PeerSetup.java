package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.ot.KosReceiverSetup;
import dev.keyshard.crypto.ot.KosSenderSetup;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * What one party keeps about one peer after DKLs23 key generation (the pairwise part of
 * "Protocol 3.6, Init"): the F_Zero pair seed s_ij (Functionality 3.4), and the two OT extension
 * setups of F_RVOLE (Protocol 5.2, "Setup"): as Alice towards the peer (extension sender, Δ and one
 * seed per base OT) and as Bob with the peer as Alice (extension receiver, both seeds per base OT).
 *
 * <h2>Security</h2>
 * All of it is secret: never printed, exported only through {@link Dkls23KeyShareCodec} with a
 * {@code SecretAccess} token. {@link #destroy()} wipes it (best effort). Not thread-safe.
 */
final class PeerSetup implements Destroyable {
  private final byte[] zeroSeed;
  private final KosSenderSetup asAlice;
  private final KosReceiverSetup asBob;
  private boolean destroyed;

  /** Takes ownership of all three. */
  PeerSetup(byte[] zeroSeed, KosSenderSetup asAlice, KosReceiverSetup asBob) {
    if (zeroSeed.length != ZeroShares.SEED_LENGTH) {
      throw new IllegalArgumentException("zero-share seed must be 32 bytes");
    }
    this.zeroSeed = zeroSeed;
    this.asAlice = Objects.requireNonNull(asAlice, "asAlice");
    this.asBob = Objects.requireNonNull(asBob, "asBob");
  }

  byte[] zeroSeed() {
    checkLive();
    return zeroSeed;
  }

  KosSenderSetup asAlice() {
    checkLive();
    return asAlice;
  }

  KosReceiverSetup asBob() {
    checkLive();
    return asBob;
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("peer setup was destroyed");
    }
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(zeroSeed, (byte) 0);
    asAlice.destroy();
    asBob.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "PeerSetup[redacted]";
  }
}
