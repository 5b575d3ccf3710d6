package dev.keyshard.vault.vult;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VaultKind;
import dev.keyshard.vault.VultMapping;
import dev.keyshard.vault.recovery.RecoveryException;
import dev.keyshard.vault.recovery.RecoveryShare;
import dev.keyshard.vault.recovery.VaultRecovery;
import dev.keyshard.vault.vult.proto.Vault;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What Keyshard reads from a decoded {@code .vult} vault: its public description and, for
 * recovery, its shares of the two root keys. Handles Vultisig's DKLS and key-import vaults and
 * Keyshard's own exports ({@code lib_type} 101, through {@link VultMapping}).
 */
public final class VultisigVaults {
  private VultisigVaults() {}

  /**
   * @throws VultException INCOMPLETE when a key, the chain code or the threshold cannot be read
   */
  public static VaultInfo info(Vault v) throws VultException {
    VaultKind kind = kind(v);
    if (kind == VaultKind.KEYSHARD) {
      return keyshard(v).info();
    }
    int threshold = kind == VaultKind.VULTISIG_GG20
        ? (2 * v.getSignersCount() + 2) / 3 // Vultisig's GG20 rule: ⌈2n/3⌉
        : dklsThreshold(v);
    try {
      return new VaultInfo(v.getName().isBlank() ? "(unnamed)" : v.getName(), threshold,
          v.getSignersList(), v.getLocalPartyId(), hex(v.getPublicKeyEcdsa()),
          hex(v.getPublicKeyEddsa()), hex(v.getHexChainCode()),
          Instant.ofEpochSecond(v.getCreatedAt().getSeconds(), v.getCreatedAt().getNanos()), kind);
    } catch (IllegalArgumentException e) {
      throw new VultException(VultException.Reason.INCOMPLETE,
          "the vault's description is invalid: " + e.getMessage());
    }
  }

  /** The vault's kind from its {@code lib_type}. */
  public static VaultKind kind(Vault v) throws VultException {
    return switch (v.getLibTypeValue()) {
      case 0 -> VaultKind.VULTISIG_GG20;
      case 1 -> VaultKind.VULTISIG_DKLS;
      case 2 -> VaultKind.VULTISIG_KEYIMPORT;
      case 101 -> VaultKind.KEYSHARD;
      default -> throw new VultException(VultException.Reason.UNSUPPORTED_VERSION,
          "unknown vault library type " + v.getLibTypeValue());
    };
  }

  /**
   * A Keyshard export's share.
   *
   * @throws VultException INCOMPLETE when the shares are damaged or do not match the vault
   */
  public static KeyshardVaultShare keyshard(Vault v) throws VultException {
    try {
      return VultMapping.fromVault(v, InsecureSecretAccess.get());
    } catch (InvalidEncodingException e) {
      throw new VultException(VultException.Reason.INCOMPLETE, e.getMessage());
    }
  }

  /**
   * The vault's shares of its two root keys.
   *
   * @throws RecoveryException UNSUPPORTED for GG20 vaults or unreadable shares
   * @throws VultException when the description is invalid
   */
  public static VaultRecovery.Input recoveryInput(Vault v) throws RecoveryException, VultException {
    VaultKind kind = kind(v);
    if (kind == VaultKind.KEYSHARD) {
      return VaultRecovery.of(keyshard(v));
    }
    if (kind == VaultKind.VULTISIG_GG20) {
      throw new RecoveryException(RecoveryException.Reason.UNSUPPORTED,
          "GG20 vaults cannot be recovered by Keyshard (only DKLS vaults)");
    }
    VaultInfo info = info(v);
    RecoveryShare ecdsa = VultisigKeyShares.dkls(share(v, v.getPublicKeyEcdsa()));
    RecoveryShare eddsa = VultisigKeyShares.schnorr(share(v, v.getPublicKeyEddsa()));
    if (!Arrays.equals(ecdsa.publicKey(), info.publicKeyEcdsa())
        || !Arrays.equals(eddsa.publicKey(), info.publicKeyEddsa())) {
      throw new RecoveryException(RecoveryException.Reason.UNSUPPORTED,
          "a key share is filed under another vault's public key");
    }
    return new VaultRecovery.Input(info, ecdsa, eddsa);
  }

  private static int dklsThreshold(Vault v) throws VultException {
    byte[] share;
    try {
      share = share(v, v.getPublicKeyEcdsa());
    } catch (RecoveryException e) {
      throw new VultException(VultException.Reason.INCOMPLETE, e.getMessage());
    }
    if (share.length < 10) {
      throw new VultException(VultException.Reason.INCOMPLETE, "the DKLS key share is truncated");
    }
    int t = share[9] & 0xff;
    Arrays.fill(share, (byte) 0);
    return t;
  }

  private static byte[] share(Vault v, String publicKey) throws RecoveryException {
    for (Vault.KeyShare k : v.getKeySharesList()) {
      if (k.getPublicKey().equalsIgnoreCase(publicKey)) {
        try {
          return Base64.getDecoder().decode(k.getKeyshare());
        } catch (IllegalArgumentException e) {
          throw new RecoveryException(RecoveryException.Reason.UNSUPPORTED,
              "a key share is not base64");
        }
      }
    }
    throw new RecoveryException(RecoveryException.Reason.UNSUPPORTED,
        "the vault has no key share for its public key");
  }

  private static byte[] hex(String s) throws VultException {
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new VultException(VultException.Reason.INCOMPLETE,
          "a public key or the chain code is not hex");
    }
  }
}
