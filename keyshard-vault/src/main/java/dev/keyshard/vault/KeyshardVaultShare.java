package dev.keyshard.vault;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.keys.KeyShare;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * One party's share of a Keyshard vault: the DKLs23 share of the root ECDSA key (with the joint
 * chain code), the FROST share of the root EdDSA key, and the vault's public description. Both
 * shares come from one committee, P1..Pn, whose signers are named {@code p1..pn}.
 *
 * <h2>Security</h2>
 * Holds secrets and must never leave the device unencrypted; {@link #toString()} prints only the
 * public description, and {@link #destroy()} wipes both shares (best effort).
 *
 * <p>Not thread-safe (the DKLs23 share tracks its signing sessions).
 */
public final class KeyshardVaultShare implements Destroyable {
  private final VaultInfo info;
  private final Dkls23KeyShare ecdsa;
  private final KeyShare eddsa;

  /**
   * @throws IllegalArgumentException when the parts do not belong together: the info's kind is not
   *     {@link VaultKind#KEYSHARD}, the EdDSA share is not Ed25519, the two shares are of different
   *     parties or committees, or the info's keys, chain code, threshold or signers differ from the
   *     shares'
   */
  public KeyshardVaultShare(VaultInfo info, Dkls23KeyShare ecdsa, KeyShare eddsa) {
    this.info = Objects.requireNonNull(info, "info");
    this.ecdsa = Objects.requireNonNull(ecdsa, "ecdsa");
    this.eddsa = Objects.requireNonNull(eddsa, "eddsa");
    if (info.kind() != VaultKind.KEYSHARD) {
      throw new IllegalArgumentException("not a Keyshard vault");
    }
    if (eddsa.publicKeys().group() != Ed25519.INSTANCE) {
      throw new IllegalArgumentException("the EdDSA share must be an Ed25519 share");
    }
    if (!ecdsa.self().equals(eddsa.self())
        || !ecdsa.committee().equals(eddsa.publicKeys().committee())) {
      throw new IllegalArgumentException("the ECDSA and EdDSA shares are of different parties");
    }
    if (!Arrays.equals(info.publicKeyEcdsa(), ecdsa.publicKey().toBytes())
        || !Arrays.equals(info.publicKeyEddsa(), eddsa.publicKeys().groupKey().toBytes())
        || !Arrays.equals(info.chainCode(), ecdsa.chainCode())) {
      throw new IllegalArgumentException("the vault's keys or chain code differ from its shares'");
    }
    if (info.threshold() != ecdsa.committee().threshold()
        || !info.signers().equals(signerNames(ecdsa))
        || !info.localParty().equals(signerName(ecdsa.self()))) {
      throw new IllegalArgumentException("the vault's signers differ from its shares' committee");
    }
  }

  /** The signer name of a party: {@code p1}, {@code p2}, … */
  public static String signerName(PartyId id) {
    return "p" + id.value();
  }

  /** The signer names of the share's committee, in id order. */
  public static List<String> signerNames(Dkls23KeyShare share) {
    List<String> names = new ArrayList<>();
    share.committee().parties().forEach(id -> names.add(signerName(id)));
    return names;
  }

  public VaultInfo info() {
    return info;
  }

  /** The DKLs23 share of the root ECDSA key; owned by this object. */
  public Dkls23KeyShare ecdsa() {
    return ecdsa;
  }

  /** The FROST share of the root EdDSA key; owned by this object. */
  public KeyShare eddsa() {
    return eddsa;
  }

  public PartyId self() {
    return ecdsa.self();
  }

  @Override
  public void destroy() {
    ecdsa.destroy();
    eddsa.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return ecdsa.isDestroyed() && eddsa.isDestroyed();
  }

  @Override
  public String toString() {
    return "KeyshardVaultShare[" + info + ", shares redacted]";
  }
}
