package dev.keyshard.vault.recovery;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.VaultInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Emergency recovery of a whole vault: t of its shares — Keyshard's own or Vultisig's — give both
 * root private keys, each checked against the vault's public key. The caller turns share files into
 * {@link Input}s (a Keyshard vault share directly, a Vultisig vault through its key shares).
 */
public final class VaultRecovery {
  private VaultRecovery() {}

  /** One party's contribution: its description and its share of each root key. */
  public record Input(VaultInfo info, RecoveryShare ecdsa, RecoveryShare eddsa) {}

  /** A Keyshard vault share as recovery input: x = the party id, on both curves. */
  public static Input of(KeyshardVaultShare share) {
    int t = share.info().threshold();
    return new Input(share.info(),
        new RecoveryShare(Secp256k1.INSTANCE, share.self().toScalar(Secp256k1.INSTANCE),
            share.ecdsa().signingShare().copy(), share.info().publicKeyEcdsa(), t),
        new RecoveryShare(Ed25519.INSTANCE, share.self().toScalar(Ed25519.INSTANCE),
            share.eddsa().signingShare().copy(), share.info().publicKeyEddsa(), t));
  }

  /**
   * @throws RecoveryException when the inputs are of different vaults, too few, duplicated, or do
   *     not combine to the vault's keys
   */
  public static RecoveredKeys recover(List<Input> inputs) throws RecoveryException {
    if (inputs.isEmpty()) {
      throw new RecoveryException(RecoveryException.Reason.TOO_FEW_SHARES, "no shares given");
    }
    VaultInfo first = inputs.get(0).info();
    List<RecoveryShare> ecdsa = new ArrayList<>();
    List<RecoveryShare> eddsa = new ArrayList<>();
    for (Input in : inputs) {
      if (!in.info().id().equals(first.id())
          || !Arrays.equals(in.info().chainCode(), first.chainCode())) {
        throw new RecoveryException(RecoveryException.Reason.DIFFERENT_VAULTS,
            "the shares belong to different vaults ('" + first.name() + "' and '"
                + in.info().name() + "')");
      }
      ecdsa.add(in.ecdsa());
      eddsa.add(in.eddsa());
    }
    SecretScalar ecdsaKey = KeyRecovery.combine(ecdsa);
    SecretScalar eddsaKey;
    try {
      eddsaKey = KeyRecovery.combine(eddsa);
    } catch (RecoveryException e) {
      ecdsaKey.destroy();
      throw e;
    }
    return new RecoveredKeys(first.publicKeyEcdsa(), first.publicKeyEddsa(), first.chainCode(),
        ecdsaKey, eddsaKey);
  }
}
