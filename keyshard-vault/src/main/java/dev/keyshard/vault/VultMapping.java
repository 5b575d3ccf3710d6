package dev.keyshard.vault;

import com.google.protobuf.Timestamp;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.secret.SecretAccess;
import dev.keyshard.mpc.dkls23.Dkls23KeyShareCodec;
import dev.keyshard.mpc.keys.KeyShareCodec;
import dev.keyshard.vault.vult.proto.LibType;
import dev.keyshard.vault.vult.proto.Vault;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A Keyshard vault share as Vultisig's {@code Vault} message (DESIGN.md, ".vult files"), and back.
 * The layout is Vultisig's: hex public keys and chain code, signer names, and one {@code KeyShare}
 * per root key, picked by its public key. Keyshard's shares go into {@code keyshare} as base64 of
 * our own encodings (DKLs23 and FROST), and {@code lib_type} is {@link LibType#LIB_TYPE_KEYSHARD},
 * a value Vultisig's enum does not use, so no Vultisig engine mistakes our bytes for its own while
 * its tools still read the vault's keys and derive its addresses.
 *
 * <p>Stateless and thread-safe.
 */
public final class VultMapping {
  private VultMapping() {}

  /** The vault as a Vultisig {@code Vault}; it carries the share's secrets. */
  public static Vault toVault(KeyshardVaultShare share, SecretAccess access) {
    VaultInfo info = share.info();
    HexFormat hex = HexFormat.of();
    byte[] ecdsa = Dkls23KeyShareCodec.encode(share.ecdsa(), access);
    byte[] eddsa = KeyShareCodec.encode(share.eddsa(), access);
    try {
      Instant created = info.createdAt();
      return Vault.newBuilder()
          .setName(info.name())
          .setPublicKeyEcdsa(hex.formatHex(info.publicKeyEcdsa()))
          .setPublicKeyEddsa(hex.formatHex(info.publicKeyEddsa()))
          .addAllSigners(info.signers())
          .setCreatedAt(Timestamp.newBuilder().setSeconds(created.getEpochSecond())
              .setNanos(created.getNano()))
          .setHexChainCode(hex.formatHex(info.chainCode()))
          .addKeyShares(Vault.KeyShare.newBuilder()
              .setPublicKey(hex.formatHex(info.publicKeyEcdsa()))
              .setKeyshare(Base64.getEncoder().encodeToString(ecdsa)))
          .addKeyShares(Vault.KeyShare.newBuilder()
              .setPublicKey(hex.formatHex(info.publicKeyEddsa()))
              .setKeyshare(Base64.getEncoder().encodeToString(eddsa)))
          .setLocalPartyId(info.localParty())
          .setLibType(LibType.LIB_TYPE_KEYSHARD)
          .build();
    } finally {
      Arrays.fill(ecdsa, (byte) 0);
      Arrays.fill(eddsa, (byte) 0);
    }
  }

  /**
   * A Keyshard vault share from a {@code Vault} that {@link #toVault} wrote.
   *
   * @throws InvalidEncodingException when the vault is not a Keyshard vault, a field is missing or
   *     malformed, or the shares do not match the vault's keys, chain code or signers
   */
  public static KeyshardVaultShare fromVault(Vault vault, SecretAccess access)
      throws InvalidEncodingException {
    if (vault.getLibType() != LibType.LIB_TYPE_KEYSHARD) {
      throw new InvalidEncodingException("not a Keyshard vault (lib_type "
          + vault.getLibTypeValue() + ")");
    }
    byte[] ecdsa = share(vault, vault.getPublicKeyEcdsa());
    byte[] eddsa = share(vault, vault.getPublicKeyEddsa());
    try {
      var parsedEcdsa = Dkls23KeyShareCodec.decode(ecdsa.clone(), access);
      int threshold = parsedEcdsa.committee().threshold();
      parsedEcdsa.destroy();
      VaultInfo info = new VaultInfo(vault.getName(), threshold, vault.getSignersList(),
          vault.getLocalPartyId(), hex(vault.getPublicKeyEcdsa()), hex(vault.getPublicKeyEddsa()),
          hex(vault.getHexChainCode()), Instant.ofEpochSecond(vault.getCreatedAt().getSeconds(),
              vault.getCreatedAt().getNanos()), VaultKind.KEYSHARD);
      return VaultShareCodec.fromShares(info, ecdsa, eddsa, access);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("inconsistent Keyshard vault: " + e.getMessage());
    } finally {
      Arrays.fill(ecdsa, (byte) 0);
      Arrays.fill(eddsa, (byte) 0);
    }
  }

  /** The bytes of the one key share filed under {@code publicKey}. */
  private static byte[] share(Vault vault, String publicKey) throws InvalidEncodingException {
    byte[] found = null;
    for (Vault.KeyShare k : vault.getKeySharesList()) {
      if (k.getPublicKey().equalsIgnoreCase(publicKey)) {
        if (found != null) {
          throw new InvalidEncodingException("two key shares for one public key");
        }
        try {
          found = Base64.getDecoder().decode(k.getKeyshare());
        } catch (IllegalArgumentException e) {
          throw new InvalidEncodingException("a key share is not base64");
        }
      }
    }
    if (found == null) {
      throw new InvalidEncodingException("no key share for the vault's public key");
    }
    return found;
  }

  private static byte[] hex(String s) throws InvalidEncodingException {
    try {
      return HexFormat.of().parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("a public key or the chain code is not hex");
    }
  }
}
