package dev.keyshard.chains;

import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.vault.hd.DerivedKey;
import java.util.Arrays;

/**
 * The private key of a non-hardened BIP-32 child: k_child = k_root + δ mod n, where δ = Σ I_L is
 * the tweak of {@link DerivedKey} (bip-0032.mediawiki, "Private parent key → private child key":
 * k_i = parse_256(I_L) + k_par mod n, summed over the steps; for non-hardened steps I_L depends
 * only on public data, so the sum is the same δ the public derivation gives).
 */
final class ChildPrivateKeys {
  private ChildPrivateKeys() {}

  /**
   * @return a new secret the caller owns and destroys
   * @throws KeyMismatchException when k_child·G is not the derived public key, i.e. {@code root}
   *     is not the private key of the root the child was derived from. A wrong chain code cannot
   *     be caught here: it changes δ and the derived public key alike.
   */
  static SecretScalar derive(SecretScalar root, DerivedKey child) {
    SecretScalar key = root.add(child.tweak());
    // k_child = 0 has no public key; like I_L ≥ n (BIP-32), probability below 2^-127.
    if (key.isZero() || !Arrays.equals(key.publicPoint().toBytes(), child.publicKey())) {
      key.destroy();
      throw new KeyMismatchException(
          "the ECDSA private key is not the one of the vault's ECDSA public key");
    }
    return key;
  }
}
