package dev.keyshard.cli;

import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.keystore.Keystore;
import dev.keyshard.vault.keystore.KeystoreEntry;
import dev.keyshard.vault.keystore.KeystoreException;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

/** {@code keyshard vault import}: a share from a file into the keystore, encrypted at rest. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {
      "Import a vault share into the keystore: a Vultisig .vult backup (plain or encrypted) or a "
          + "Keyshard share file from 'keygen --vault'.",
      "The share is stored under the file's password (an encrypted .vult or a share file), or, "
          + "for a plain .vult, under a new password asked for twice (or read from "
          + "--password-file). The file itself is left as it is."
    })
final class VaultImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "A .vult or .kss file.")
  Path file;

  @Mixin PasswordOption password;
  @Mixin HomeOption home;

  @Option(names = "--json", description = "Print the imported vault's description as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new UserError(file + ": no such file");
    }
    VaultSource source = VaultSource.resolve(file.toString(), home.resolve());
    List<char[]> passwords = new ArrayList<>();
    if (password.fromFileGiven()) {
      passwords.add(password.read("the vault", false));
    }
    try {
      Vault vault = source.open(passwords, password);
      if (passwords.isEmpty()) {
        // A plain .vult: its share needs a password before it goes to disk here.
        passwords.add(password.read("the imported vault's share in the keystore", true));
      }
      // The password that opened the file is the one that seals the entry.
      char[] seal = passwords.get(passwords.size() - 1);
      KeystoreEntry e;
      Keystore ks = new Keystore(home.resolve());
      try {
        e = ks.add(vault, seal);
      } catch (KeystoreException | VultException ex) {
        throw new UserError(file + ": " + ex.getMessage());
      } catch (IOException ex) {
        throw new UserError("cannot write to the keystore " + ks.home() + ": " + ex.getMessage());
      }
      print(e);
      return 0;
    } finally {
      passwords.forEach(p -> Arrays.fill(p, '\0'));
    }
  }

  private void print(KeystoreEntry e) {
    VaultInfo v = e.vault();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(VaultDescription.json(v, e.ref()).put("file", e.file().toString()));
    } else {
      o.println("Imported vault '" + v.name() + "' as " + e.ref() + ": " + v.threshold() + "-of-"
          + v.signers().size() + ", " + VaultDescription.kind(v.kind()) + ", party " + v.localParty());
      o.println("Use: " + VaultDescription.uses(v.kind()) + ".");
    }
    o.flush();
  }
}
