package dev.keyshard.mpc.keys;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.PartyId;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * One party's share of a threshold key: its secret signing share {@code s_i} and the public key
 * package (RFC 9591 §5, "KeyPackage").
 *
 * <h2>Security</h2>
 * The signing share must never leave the device unencrypted. {@link #toString()} does not print it;
 * {@link #destroy()} wipes it (best effort).
 */
public final class KeyShare implements Destroyable {
  private final PartyId self;
  private final SecretScalar signingShare;
  private final PublicKeyPackage publicKeys;

  /**
   * Takes ownership of {@code signingShare}.
   *
   * @throws IllegalArgumentException when {@code self} is not in the committee or the share does
   *     not match the party's verifying share
   */
  public KeyShare(PartyId self, SecretScalar signingShare, PublicKeyPackage publicKeys) {
    this.self = Objects.requireNonNull(self);
    this.signingShare = Objects.requireNonNull(signingShare);
    this.publicKeys = Objects.requireNonNull(publicKeys);
    publicKeys.committee().requireMember(self);
    if (signingShare.group() != publicKeys.group()
        || !signingShare.publicPoint().equals(publicKeys.verifyingShare(self))) {
      throw new IllegalArgumentException("signing share does not match " + self + "'s verifying share");
    }
  }

  public PartyId self() {
    return self;
  }

  /** The secret share; callers must not destroy it (use {@link SecretScalar#copy()}). */
  public SecretScalar signingShare() {
    return signingShare;
  }

  public PublicKeyPackage publicKeys() {
    return publicKeys;
  }

  /** The share of the negated key (BIP-340 even-y normalisation after key generation). */
  public KeyShare negate() {
    return new KeyShare(self, signingShare.negate(), publicKeys.negate());
  }

  /**
   * The share of the key shifted by the public constant c: signing share s_i + c, public keys as
   * {@link PublicKeyPackage#tweaked(Scalar)}. A new object with its own copy of the secret; this
   * one is unchanged.
   *
   * @throws IllegalArgumentException when c is of another group or a shifted key is the identity
   */
  public KeyShare tweaked(Scalar c) {
    PublicKeyPackage moved = publicKeys.tweaked(c);
    return new KeyShare(self, signingShare.add(c), moved);
  }

  @Override
  public void destroy() {
    signingShare.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return signingShare.isDestroyed();
  }

  @Override
  public String toString() {
    return "KeyShare[" + self + ", " + publicKeys + ", share redacted]";
  }
}
