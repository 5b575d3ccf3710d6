package dev.keyshard.vault.keystore;

import dev.keyshard.vault.VaultInfo;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One share in the keystore: its file, the vault's public description, and the short reference
 * the commands accept ({@code <first 8 hex of the id>/<local party>}).
 */
public record KeystoreEntry(Path file, VaultInfo vault) {
  public KeystoreEntry {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(vault, "vault");
  }

  /** Names this share among all others: the vault's id prefix and the holder's party name. */
  public String ref() {
    return refOf(vault);
  }

  static String refOf(VaultInfo v) {
    return v.id().substring(0, 8) + "/" + v.localParty();
  }
}
