package dev.keyshard.chains;

import dev.keyshard.chains.ChainPrivateKey.Format;
import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.vault.recovery.RecoveredKeys;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Emergency recovery, last step: from a vault's recovered root private keys, each chain's own
 * private key, in the form that chain's wallets import, so the funds behind {@link
 * Chain#address} can be moved without Keyshard or Vultisig.
 *
 * <ul>
 *   <li>ECDSA chains: k = k_root + δ mod n along the chain's non-hardened path (BIP-32, δ from
 *       {@link Chain#derive}), checked against the derived public key. UTXO chains get WIF
 *       (compressed), the others 64 hex digits.
 *   <li>EdDSA chains: the root Ed25519 scalar itself as hex, little-endian — a raw scalar, not an
 *       RFC 8032 seed (see {@link Format#SCALAR_HEX}).
 * </ul>
 *
 * <p>Inputs stay the caller's: nothing here destroys them. Stateless and thread-safe.
 */
public final class ChainPrivateKeys {
  private ChainPrivateKeys() {}

  /** The encoding {@link #of} uses for {@code chain}. */
  public static Format format(Chain chain) {
    if (!chain.isEcdsa()) {
      return Format.SCALAR_HEX;
    }
    return Wif.applies(chain) ? Format.WIF : Format.HEX;
  }

  /**
   * One chain's private key.
   *
   * @param rootEcdsa the root secp256k1 private key
   * @param rootEddsa the root Ed25519 private scalar
   * @param rootEcdsaPublicKey the vault's 33-byte compressed root ECDSA public key
   * @param chainCode the vault's 32-byte BIP-32 chain code
   * @throws KeyMismatchException when {@code rootEcdsa} does not give this chain's derived public
   *     key
   * @throws IllegalArgumentException when a key is of the wrong curve or the public key or chain
   *     code is malformed
   */
  public static ChainPrivateKey of(Chain chain, SecretScalar rootEcdsa, SecretScalar rootEddsa,
      byte[] rootEcdsaPublicKey, byte[] chainCode) {
    Objects.requireNonNull(chain, "chain");
    requireGroup(rootEcdsa, Secp256k1.INSTANCE, "ECDSA");
    requireGroup(rootEddsa, Ed25519.INSTANCE, "EdDSA");
    Format format = format(chain);
    if (format == Format.SCALAR_HEX) {
      return new ChainPrivateKey(chain, format, hex(rootEddsa));
    }
    try (SecretScalar child =
        ChildPrivateKeys.derive(rootEcdsa, chain.derive(rootEcdsaPublicKey, chainCode))) {
      return new ChainPrivateKey(chain, format,
          format == Format.WIF ? wif(Wif.version(chain), child) : hex(child));
    }
  }

  /** One chain's private key from the output of {@code VaultRecovery.recover}. */
  public static ChainPrivateKey of(Chain chain, RecoveredKeys keys) {
    return of(chain, keys.privateKeyEcdsa(), keys.privateKeyEddsa(), keys.publicKeyEcdsa(),
        keys.chainCode());
  }

  /** Every chain's private key, in {@link Chain} order (as {@link Addresses#all}). */
  public static Map<Chain, ChainPrivateKey> all(RecoveredKeys keys) {
    Map<Chain, ChainPrivateKey> out = new LinkedHashMap<>();
    for (Chain c : Chain.values()) {
      out.put(c, of(c, keys));
    }
    return out;
  }

  private static void requireGroup(SecretScalar key, Group group, String which) {
    Objects.requireNonNull(key, which + " private key");
    if (key.group() != group) {
      throw new IllegalArgumentException("the " + which + " private key must be a "
          + group.name() + " scalar, not " + key.group().name());
    }
  }

  private static String wif(byte version, SecretScalar key) {
    byte[] bytes = key.toBytes(InsecureSecretAccess.get());
    try {
      return Wif.encode(version, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Lowercase hex of the canonical encoding: big-endian on secp256k1, little-endian on Ed25519. */
  private static String hex(SecretScalar key) {
    byte[] bytes = key.toBytes(InsecureSecretAccess.get());
    try {
      return HexFormat.of().formatHex(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
