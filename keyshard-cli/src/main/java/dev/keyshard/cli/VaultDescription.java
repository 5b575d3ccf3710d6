package dev.keyshard.cli;

import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VaultKind;
import java.util.HexFormat;

/** How the vault commands print a vault's public description. */
final class VaultDescription {
  private VaultDescription() {}

  static String kind(VaultKind k) {
    return switch (k) {
      case KEYSHARD -> "keyshard";
      case VULTISIG_DKLS -> "vultisig-dkls";
      case VULTISIG_KEYIMPORT -> "vultisig-keyimport";
      case VULTISIG_GG20 -> "vultisig-gg20";
    };
  }

  /** What the share can be used for here. */
  static String uses(VaultKind k) {
    return k.canSign() ? "signs, addresses, export, recovery"
        : k == VaultKind.VULTISIG_GG20 ? "addresses and export only (GG20 shares cannot be recovered here)"
        : "addresses, export and recovery (Vultisig's engines do not interoperate for signing)";
  }

  static JsonOut json(VaultInfo v, String ref) {
    HexFormat hex = HexFormat.of();
    JsonOut j = new JsonOut().put("name", v.name()).put("id", v.id());
    if (ref != null) {
      j.put("ref", ref);
    }
    return j.put("kind", kind(v.kind())).put("threshold", v.threshold())
        .put("signers", v.signers()).put("localParty", v.localParty())
        .put("createdAt", v.createdAt().toString())
        .put("publicKeyEcdsa", hex.formatHex(v.publicKeyEcdsa()))
        .put("publicKeyEddsa", hex.formatHex(v.publicKeyEddsa()))
        .put("chainCode", hex.formatHex(v.chainCode()));
  }
}
