package dev.keyshard.vault.recovery;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import java.util.Objects;

/**
 * One Shamir share of one root key, as emergency recovery needs it: the group, the share's
 * interpolation point x, the secret f(x), the vault's public key (its group encoding) and the
 * threshold. Vultisig's DKLS shares carry random x, its Schnorr shares x = id + 1, Keyshard's x =
 * party id; the adapters that read each format set x.
 *
 * <h2>Security</h2>
 * Holds a secret share; {@link #toString()} does not print it.
 */
public record RecoveryShare(Group group, Scalar x, SecretScalar secret, byte[] publicKey,
    int threshold) {
  public RecoveryShare {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(secret, "secret");
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return "RecoveryShare[" + group.name() + ", t=" + threshold + ", secret redacted]";
  }
}
