package dev.keyshard.cli;

import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard tx}: prepared transactions. */
@Command(name = "tx", mixinStandardHelpOptions = true,
    description = "Prepared transactions: sign a transaction request written beforehand (e.g. by "
        + "'keyshard send --dry-run').",
    subcommands = {TxCommand.Sign.class})
final class TxCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code keyshard tx sign}: sign a transaction request file. */
  @Command(name = "sign", mixinStandardHelpOptions = true,
      description = "Sign the transaction request in FILE (JSON: \"chain\" and the chain's fields, "
          + "as 'keyshard send --dry-run' prints it) with t parties; show it first.")
  static final class Sign implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    SendCommand.Signers signers;

    @Option(names = "--file", required = true, paramLabel = "TX.json",
        description = "The transaction request.")
    Path file;

    @Mixin TransactionOptions options;

    @Override
    public Integer call() {
      String json;
      try {
        if (Files.size(file) > TransactionIntent.MAX_JSON_BYTES) {
          throw new UserError(file + ": larger than " + TransactionIntent.MAX_JSON_BYTES + " bytes");
        }
        json = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UserError(file + ": cannot read: " + e.getMessage());
      }
      TransactionIntent intent;
      try {
        intent = TransactionIntent.parse(json);
      } catch (TransactionException e) {
        throw new UserError(file + ": " + e.getMessage());
      }
      List<String> sources = signers.vault != null ? List.of(signers.vault) : signers.shares;
      return new TransactionFlow(spec, options, sources, signers.vault != null).run(intent, false);
    }
  }
}
