package dev.keyshard.cli;

import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.keystore.Keystore;
import dev.keyshard.vault.keystore.KeystoreEntry;
import dev.keyshard.vault.keystore.KeystoreException;
import dev.keyshard.vault.keystore.KeystoreFile;
import dev.keyshard.vault.keystore.SealedVault;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultisigVaults;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a command's vault comes from: the path of a {@code .vult} file or of a Keyshard share file
 * ({@code keygen --vault} writes those), else an entry of the keystore named by reference, vault
 * name or id prefix. Every failure is one {@link UserError} line naming the source.
 *
 * <p>Passwords are tried in turn (AES-GCM refuses a wrong one cleanly), so one
 * {@code --password-file} serves many sources; with none, the terminal is asked once.
 */
final class VaultSource {
  private enum Form { VULT_FILE, SHARE_FILE, KEYSTORE }

  private final String label;
  private final Form form;
  private final Path file;
  private final KeystoreEntry entry;

  private VaultSource(String label, Form form, Path file, KeystoreEntry entry) {
    this.label = label;
    this.form = form;
    this.file = file;
    this.entry = entry;
  }

  /** A file when {@code v} names one, else the keystore entry it names. */
  static VaultSource resolve(String v, Path home) {
    Path p = Path.of(v);
    if (Files.isRegularFile(p)) {
      return new VaultSource(v, isShareFile(p) ? Form.SHARE_FILE : Form.VULT_FILE, p, null);
    }
    Keystore ks = new Keystore(home);
    try {
      KeystoreEntry e = ks.find(v);
      return new VaultSource(v, Form.KEYSTORE, e.file(), e);
    } catch (KeystoreException e) {
      String hint = v.contains("/") || v.endsWith(".vult") || v.endsWith(".kss")
          ? "no such file, and " : "";
      throw new UserError(v + ": " + hint + e.getMessage());
    } catch (IOException e) {
      throw new UserError("cannot read the keystore " + home + ": " + e.getMessage());
    }
  }

  /** What the user called it, for messages. */
  String label() {
    return label;
  }

  /** The keystore entry, or null for a file. */
  KeystoreEntry entry() {
    return entry;
  }

  /** The public description; only an encrypted {@code .vult} needs a password for it. */
  VaultInfo info(List<char[]> passwords, PasswordOption ask) {
    try {
      return switch (form) {
        case KEYSTORE -> entry.vault();
        case SHARE_FILE -> KeystoreFile.header(readShareFile()).vault();
        case VULT_FILE -> VultisigVaults.info(VaultFiles.decode(file, passwords, ask));
      };
    } catch (KeystoreException | VultException e) {
      throw new UserError(label + ": " + e.getMessage());
    }
  }

  /** The whole share: needs the password of an encrypted file or entry. */
  Vault open(List<char[]> passwords, PasswordOption ask) {
    if (form == Form.VULT_FILE) {
      return VaultFiles.decode(file, passwords, ask);
    }
    byte[] sealed = form == Form.KEYSTORE ? readEntry() : readShareFile();
    if (passwords.isEmpty()) {
      passwords.add(ask.read(describe(), false));
    }
    KeystoreException last = null;
    for (char[] pw : passwords) {
      try {
        return SealedVault.open(sealed, pw);
      } catch (KeystoreException e) {
        if (e.reason() != KeystoreException.Reason.WRONG_PASSWORD) {
          throw new UserError(label + ": " + e.getMessage());
        }
        last = e;
      }
    }
    throw new UserError(label + ": " + last.getMessage());
  }

  /** Which vault and party, for a password prompt. */
  private String describe() {
    try {
      VaultInfo v = form == Form.KEYSTORE ? entry.vault() : KeystoreFile.header(readShareFile()).vault();
      return "vault '" + v.name() + "' (party " + v.localParty() + ")";
    } catch (KeystoreException e) {
      return label;
    }
  }

  private byte[] readEntry() {
    try {
      return Keystore.read(entry.file());
    } catch (IOException | KeystoreException e) {
      throw new UserError(label + ": cannot read " + entry.file() + ": " + e.getMessage());
    }
  }

  private byte[] readShareFile() {
    try {
      return Keystore.read(file);
    } catch (IOException | KeystoreException e) {
      throw new UserError(label + ": cannot read: " + e.getMessage());
    }
  }

  private static boolean isShareFile(Path p) {
    try (var in = Files.newInputStream(p)) {
      return KeystoreFile.looksLikeEntry(in.readNBytes(5));
    } catch (IOException e) {
      throw new UserError(p + ": cannot read: " + e.getMessage());
    }
  }
}
