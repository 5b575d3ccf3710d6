package dev.keyshard.cli;

import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.VultMapping;
import dev.keyshard.vault.keystore.Keystore;
import dev.keyshard.vault.keystore.KeystoreEntry;
import dev.keyshard.vault.keystore.KeystoreException;
import dev.keyshard.vault.keystore.SealingKey;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultisigVaults;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/** Moving Keyshard vault shares between the keystore and the commands. */
final class VaultStore {
  private VaultStore() {}

  /** Seals a new share into the keystore at {@code home}. */
  static KeystoreEntry store(Path home, KeyshardVaultShare share, char[] password) {
    return store(home, share, new Keystore(home).sealingKey(password));
  }

  /**
   * Starts deriving the key that will seal a share not made yet, in the background, so the
   * half second of Argon2id overlaps the session rather than following it. The password is
   * copied (and the copy wiped), so the caller may wipe its own at any time.
   */
  static CompletableFuture<SealingKey> sealingKeyAhead(Path home, char[] password) {
    char[] copy = password.clone();
    return CompletableFuture.supplyAsync(() -> {
      try {
        return new Keystore(home).sealingKey(copy);
      } finally {
        Arrays.fill(copy, '\0');
      }
    });
  }

  /** Seals a new share under a key from {@link #sealingKeyAhead} (waiting for it if need be). */
  static KeystoreEntry store(Path home, KeyshardVaultShare share,
      CompletableFuture<SealingKey> key) {
    try {
      return store(home, share, key.join());
    } catch (java.util.concurrent.CompletionException e) {
      throw new UserError("cannot seal the share: " + e.getCause().getMessage());
    }
  }

  /** Drops a key derived ahead for a share that was never made. */
  static void discard(CompletableFuture<SealingKey> key) {
    key.thenAccept(SealingKey::destroy);
  }

  private static KeystoreEntry store(Path home, KeyshardVaultShare share, SealingKey key) {
    Keystore ks = new Keystore(home);
    try {
      return ks.add(VultMapping.toVault(share, InsecureSecretAccess.get()), key);
    } catch (KeystoreException | VultException e) {
      throw new UserError("cannot store the share: " + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot write to the keystore " + home + ": " + e.getMessage());
    }
  }

  /** A Keyshard vault share from {@code v} (a keystore entry or file); asks for its password. */
  static KeyshardVaultShare open(String v, Path home, PasswordOption password) {
    VaultSource source = VaultSource.resolve(v, home);
    java.util.List<char[]> passwords = new java.util.ArrayList<>();
    if (password.fromFileGiven()) {
      passwords.add(password.read("the vault", false));
    }
    try {
      Vault vault = source.open(passwords, password);
      if (!VultisigVaults.kind(vault).canSign()) {
        throw new UserError(v + " is a Vultisig share: Keyshard signs only with its own vaults "
            + "(Vultisig's MPC engines do not interoperate); use it for addresses, export or recovery");
      }
      return VultisigVaults.keyshard(vault);
    } catch (VultException e) {
      throw new UserError(v + ": " + e.getMessage());
    } finally {
      passwords.forEach(p -> java.util.Arrays.fill(p, '\0'));
    }
  }
}
