package dev.keyshard.vault;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.Dkls23Local;
import dev.keyshard.mpc.local.FrostLocal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a vault with every party in this process: DKLs23 key generation (root ECDSA key and
 * chain code) and a FROST Ed25519 DKG (root EdDSA key) over the same committee P1..Pn. For a
 * user who holds all the devices at once ({@code keyshard keygen --vault}); across devices the
 * node runs the same protocols over the relay.
 */
public final class LocalVaultCreation {
  private LocalVaultCreation() {}

  /** The shares, one per party in id order, and what the two key generations sent. */
  public record Result(List<KeyshardVaultShare> shares, long bytes, int messages) {}

  /**
   * @throws IllegalArgumentException when not 2 ≤ t ≤ n ≤ 16 or the name is blank
   * @throws ProtocolAbort never for honest local parties; kept typed for callers
   */
  public static Result create(String name, int t, int n, Instant createdAt, SecureRandom rng)
      throws ProtocolAbort {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("vault name must not be empty");
    }
    Dkls23Local.Keygen ecdsa = Dkls23Local.keygen(t, n, rng);
    FrostLocal.Keygen eddsa = FrostLocal.keygen(Ed25519.INSTANCE, t, n, rng);
    List<KeyshardVaultShare> shares = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Dkls23KeyShare e = ecdsa.shares().get(i);
      KeyShare d = eddsa.shares().get(i);
      VaultInfo info = new VaultInfo(name, t, KeyshardVaultShare.signerNames(e),
          KeyshardVaultShare.signerName(e.self()), e.publicKey().toBytes(),
          d.publicKeys().groupKey().toBytes(), e.chainCode(), createdAt, VaultKind.KEYSHARD);
      shares.add(new KeyshardVaultShare(info, e, d));
    }
    return new Result(shares, ecdsa.bytes() + eddsa.bytes(), ecdsa.messages() + eddsa.messages());
  }
}
