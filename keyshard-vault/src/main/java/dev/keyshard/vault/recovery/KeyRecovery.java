package dev.keyshard.vault.recovery;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.vss.Lagrange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Offline emergency recovery of one root key from t or more Shamir shares: secret = Σ λ_i·f(x_i)
 * with λ_i the Lagrange coefficients at 0 over the shares' points, then checked against the
 * vault's public key, so a damaged or foreign share can never yield a wrong key silently.
 *
 * <p>This is the one place where a vault's key exists whole, by design: the user asked for it.
 * Stateless and thread-safe.
 */
public final class KeyRecovery {
  private KeyRecovery() {}

  /**
   * @throws RecoveryException TOO_FEW_SHARES, DIFFERENT_VAULTS, DUPLICATE_SHARE or KEY_MISMATCH
   */
  public static SecretScalar combine(List<RecoveryShare> shares) throws RecoveryException {
    if (shares.isEmpty()) {
      throw new RecoveryException(RecoveryException.Reason.TOO_FEW_SHARES, "no shares given");
    }
    RecoveryShare first = shares.get(0);
    Group g = first.group();
    Set<Scalar> xs = new HashSet<>();
    for (RecoveryShare s : shares) {
      if (s.group() != g || s.threshold() != first.threshold()
          || !Arrays.equals(s.publicKey(), first.publicKey())) {
        throw new RecoveryException(RecoveryException.Reason.DIFFERENT_VAULTS,
            "the shares belong to different vaults");
      }
      if (!xs.add(s.x())) {
        throw new RecoveryException(RecoveryException.Reason.DUPLICATE_SHARE,
            "two of the shares are the same party's");
      }
    }
    if (shares.size() < first.threshold()) {
      throw new RecoveryException(RecoveryException.Reason.TOO_FEW_SHARES, "the vault needs "
          + first.threshold() + " shares to recover, got " + shares.size());
    }
    // Any t of them determine the polynomial; using exactly t keeps the result independent of
    // extra shares, and the public-key check below covers the ones used.
    List<RecoveryShare> used = shares.subList(0, first.threshold());
    List<Scalar> points = new ArrayList<>();
    used.forEach(s -> points.add(s.x()));
    SecretScalar key = null;
    for (RecoveryShare s : used) {
      SecretScalar term = s.secret().multiply(Lagrange.coefficient(s.x(), points));
      key = key == null ? term : add(key, term);
    }
    if (!Arrays.equals(key.publicPoint().toBytes(), first.publicKey())) {
      key.destroy();
      throw new RecoveryException(RecoveryException.Reason.KEY_MISMATCH,
          "the combined key does not match the vault's public key: a share is damaged or foreign");
    }
    return key;
  }

  private static SecretScalar add(SecretScalar a, SecretScalar b) {
    SecretScalar sum = a.add(b);
    a.destroy();
    b.destroy();
    return sum;
  }
}
