package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.vss.VssCommitment;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The output of a completed DKG for one party: its key share, the group commitment (the summed
 * Feldman vector, whose first entry is the group key) and the session transcript hash. Every
 * honest party of the session holds the same public parts; the transcript hash binds the session,
 * committee, every round-1 message and the confirmed result, for protocols that build on the key
 * (DKLs23 keygen uses it as the sub-session id of its pairwise OT setup).
 *
 * <h2>Security</h2>
 * The key share's signing share is secret: it must be encrypted before it is stored and never
 * leaves the device in the clear. {@link #toString()} prints nothing secret; {@link #destroy()}
 * wipes the share (best effort).
 *
 * <p>Immutable apart from {@link #destroy()}; not for concurrent use with it.
 */
public final class DkgResult implements Destroyable {
  private final KeyShare keyShare;
  private final VssCommitment groupCommitment;
  private final byte[] transcriptHash;

  DkgResult(KeyShare keyShare, VssCommitment groupCommitment, byte[] transcriptHash) {
    this.keyShare = Objects.requireNonNull(keyShare);
    this.groupCommitment = Objects.requireNonNull(groupCommitment);
    this.transcriptHash = transcriptHash.clone();
  }

  /** This party's key share; owned by this result (use {@code signingShare().copy()}). */
  public KeyShare keyShare() {
    return keyShare;
  }

  /** The public key package, the same on every party. */
  public PublicKeyPackage publicKeys() {
    return keyShare.publicKeys();
  }

  /** Σ_j C_j: the commitment to the group polynomial, t entries, C_0 the group key. */
  public VssCommitment groupCommitment() {
    return groupCommitment;
  }

  /** The 32-byte session transcript hash, the same on every party. */
  public byte[] transcriptHash() {
    return transcriptHash.clone();
  }

  @Override
  public void destroy() {
    keyShare.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return keyShare.isDestroyed();
  }

  @Override
  public String toString() {
    return "DkgResult[" + keyShare + "]";
  }
}
