package dev.keyshard.cli;

import dev.keyshard.vault.keystore.AtomicFile;
import dev.keyshard.vault.vult.VultFile;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard vault export}: a share as a {@code .vult} file Vultisig's tools read. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {
      "Write a vault share as a .vult backup file, the format Vultisig's apps and SDK read.",
      "With --encrypt the file is encrypted with the share's password, by Vultisig's scheme "
          + "(AES-256-GCM under SHA-256 of the password): weaker against guessing than the "
          + "keystore's Argon2id, so choose a long password. Without it the file holds the share "
          + "in the clear."
    })
final class VaultExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "V",
      description = "A keystore vault (reference, name or id prefix), or a .kss share file.")
  String vault;

  @Option(names = "--out", required = true, paramLabel = "F.vult",
      description = "The file to write; never overwritten.")
  Path out;

  @Option(names = "--encrypt", description = "Encrypt the file with the share's password.")
  boolean encrypt;

  @Mixin HomeOption home;
  @Mixin PasswordOption password;

  @Override
  public Integer call() {
    if (java.nio.file.Files.exists(out)) {
      throw new UserError(out + " already exists; refusing to overwrite it");
    }
    VaultSource source = VaultSource.resolve(vault, home.resolve());
    List<char[]> passwords = new ArrayList<>();
    if (password.fromFileGiven()) {
      passwords.add(password.read("the vault", false));
    }
    try {
      Vault v = source.open(passwords, password);
      char[] pw = encrypt ? passwordFor(passwords) : null;
      String text = VultFile.encode(v, pw, new SecureRandom());
      try {
        Path dir = out.toAbsolutePath().getParent();
        AtomicFile.createDirectories(dir);
        AtomicFile.writeNew(out, text.getBytes(StandardCharsets.UTF_8));
      } catch (FileAlreadyExistsException e) {
        throw new UserError(out + " already exists; refusing to overwrite it");
      } catch (IOException e) {
        throw new UserError("cannot write " + out + ": " + e.getMessage());
      }
      PrintWriter o = spec.commandLine().getOut();
      o.println("Exported vault '" + v.getName() + "' (party " + v.getLocalPartyId() + ") to "
          + out + (encrypt ? ", encrypted with the share's password." : "."));
      o.flush();
      if (!encrypt) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("keyshard: warning: " + out + " holds the share unencrypted; keep it offline "
            + "or use --encrypt");
        err.flush();
      }
      return 0;
    } finally {
      passwords.forEach(p -> Arrays.fill(p, '\0'));
    }
  }

  /** The password that opened the share; a plain .vult source has none, so one is asked for. */
  private char[] passwordFor(List<char[]> passwords) {
    if (passwords.isEmpty()) {
      passwords.add(password.read("the exported file", true));
    }
    return passwords.get(0);
  }
}
