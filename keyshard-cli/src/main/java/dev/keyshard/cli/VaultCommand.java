package dev.keyshard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyshard vault}: the local keystore's vault shares. */
@Command(name = "vault", mixinStandardHelpOptions = true,
    description = {
      "Manage the vault shares in the local keystore (--home DIR, else $KEYSHARD_HOME, else "
          + "~/.keyshard). Each share is encrypted with a key derived from its password by "
          + "Argon2id (64 MiB, 3 passes) and AES-256-GCM; files are mode 600 and written "
          + "atomically.",
      "A vault is named by its reference (as 'vault list' prints it: id prefix/party), its name, "
          + "or a prefix of its id."
    },
    subcommands = {
      VaultCreateCommand.class,
      VaultJoinCommand.class,
      VaultImportCommand.class,
      VaultListCommand.class,
      VaultShowCommand.class,
      VaultExportCommand.class
    })
final class VaultCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
