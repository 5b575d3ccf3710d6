package dev.keyshard.cli;

import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultFile;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads {@code .vult} files for the commands: one clear line per failure, and passwords tried in
 * turn (AES-GCM refuses a wrong one cleanly), so one {@code --password-file} can serve several
 * files and several can serve files with different passwords.
 */
final class VaultFiles {
  private VaultFiles() {}

  /** Larger than any real backup by far; refuses a wrong file before reading it whole. */
  static final long MAX_BYTES = VultFile.MAX_TEXT_CHARS;

  static String readText(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new UserError(file + ": no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new UserError(file + ": too large to be a vault file");
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserError(file + ": not a .vult file (not text)");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read: " + e.getMessage());
    }
  }

  /**
   * @param passwords tried in order for an encrypted file; asks on the terminal when empty
   * @param ask where to get one when none was given
   */
  static Vault decode(Path file, List<char[]> passwords, PasswordOption ask) {
    String text = readText(file);
    try {
      if (!VultFile.isEncrypted(text)) {
        return VultFile.decode(text, null);
      }
      if (passwords.isEmpty()) {
        passwords.add(ask.read(file.getFileName().toString(), false));
      }
      VultException last = null;
      for (char[] pw : passwords) {
        try {
          return VultFile.decode(text, pw);
        } catch (VultException e) {
          if (e.reason() != VultException.Reason.WRONG_PASSWORD) {
            throw e;
          }
          last = e;
        }
      }
      throw last;
    } catch (VultException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
  }
}
