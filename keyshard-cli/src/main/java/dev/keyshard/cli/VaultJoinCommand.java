package dev.keyshard.cli;

import dev.keyshard.node.JoinCode;
import dev.keyshard.node.SessionException;
import dev.keyshard.node.VaultCeremony;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.keystore.KeystoreEntry;
import dev.keyshard.vault.keystore.SealingKey;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard vault join}: a device joining a vault another device is creating. */
@Command(name = "join", mixinStandardHelpOptions = true,
    description = "Join the creation of a vault with the join code another device printed "
        + "('keyshard vault create'), and store this device's share in the keystore.")
final class VaultJoinCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CODE", description = "The join code (keyshard://join?…).")
  String code;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long to wait for the session to start (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Mixin HomeOption home;
  @Mixin PasswordOption password;

  @Override
  public Integer call() {
    JoinCode join;
    try {
      join = JoinCode.parse(code);
      if (!"vault".equals(join.param("kind"))) {
        throw new UserError("this join code is for signing: use 'keyshard sign --join CODE'");
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("vault join: vault '" + join.param("name") + "', " + join.param("t") + "-of-"
        + join.param("n") + ", through " + join.relay());
    err.flush();
    char[] pw = password.read("this device's share of vault '" + join.param("name") + "'", true);
    VaultCeremony ceremony = new VaultCeremony(new SecureRandom(), new VaultCeremony.Options(
        Duration.ofSeconds(Math.max(1, timeoutSeconds)), Duration.ofMinutes(5), line -> {
          err.println("vault join: " + line);
          err.flush();
        }));
    try {
      long started = System.nanoTime();
      CompletableFuture<SealingKey> sealing = VaultStore.sealingKeyAhead(home.resolve(), pw);
      KeyshardVaultShare share = null;
      try {
        share = ceremony.join(join);
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e));
      } finally {
        if (share == null) {
          VaultStore.discard(sealing);
        }
      }
      KeystoreEntry entry = VaultStore.store(home.resolve(), share, sealing);
      Sessions.printCreated(spec.commandLine().getOut(), entry, System.nanoTime() - started);
      share.destroy();
      return 0;
    } finally {
      Arrays.fill(pw, '\0');
    }
  }
}
