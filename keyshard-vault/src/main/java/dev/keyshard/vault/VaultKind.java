package dev.keyshard.vault;

/**
 * Where a vault share comes from, which says what Keyshard can do with it. Keyshard signs only
 * with its own shares; Vultisig's MPC engines are not wire-compatible (DESIGN.md), so an imported
 * Vultisig share serves addresses, export and emergency recovery.
 */
public enum VaultKind {
  /** Made by Keyshard: DKLs23 + FROST Ed25519 shares; signs. */
  KEYSHARD,
  /** A Vultisig DKLS vault ({@code lib_type} 1): DKLS23 and multi-party-schnorr shares. */
  VULTISIG_DKLS,
  /** A Vultisig key-import vault ({@code lib_type} 2). */
  VULTISIG_KEYIMPORT,
  /** A Vultisig GG20 vault ({@code lib_type} 0): addresses only, no recovery (not supported). */
  VULTISIG_GG20;

  /** True when Keyshard's own protocols can sign with such a share. */
  public boolean canSign() {
    return switch (this) {
      case KEYSHARD -> true;
      case VULTISIG_DKLS, VULTISIG_KEYIMPORT, VULTISIG_GG20 -> false;
    };
  }
}
