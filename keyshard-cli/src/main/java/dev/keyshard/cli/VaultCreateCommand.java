package dev.keyshard.cli;

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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard vault create}: the initiating device of a vault made across devices. */
@Command(name = "create", mixinStandardHelpOptions = true,
    description = {
      "Create a vault with other devices: print a join code (text and QR), wait for n-1 devices "
          + "to run 'keyshard vault join CODE', then run DKLs23 and FROST key generation with "
          + "them through the relay and store this device's share in the keystore.",
      "Every device shows the same session fingerprint: compare them. The relay sees only "
          + "ciphertext; the key never exists whole anywhere."
    })
final class VaultCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "The vault's name.")
  String name;

  @Option(names = "-t", required = true, paramLabel = "T", description = "Devices needed to sign (2..n).")
  int threshold;

  @Option(names = "-n", required = true, paramLabel = "N", description = "Devices in the vault (t..16).")
  int parties;

  @Mixin SessionOptions session;
  @Mixin HomeOption home;
  @Mixin PasswordOption password;

  @Override
  public Integer call() {
    if (threshold < 2 || threshold > parties || parties > 16) {
      throw new UserError("need 2 <= t <= n <= 16, got t=" + threshold + ", n=" + parties);
    }
    char[] pw = password.read("this device's share of the new vault", true);
    PrintWriter err = spec.commandLine().getErr();
    VaultCeremony ceremony = new VaultCeremony(new SecureRandom(), new VaultCeremony.Options(
        session.joinTimeout(), Duration.ofMinutes(5), line -> {
          err.println("vault create: " + line);
          err.flush();
        }));
    try (SessionOptions.Relay relay = session.open()) {
      VaultCeremony.Initiator init;
      try {
        init = ceremony.initiate(relay.url(), name, threshold, parties);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
      session.show(init.joinCode().format(), "vault '" + name.strip() + "' ("
          + threshold + "-of-" + parties + "); on each other device run: keyshard vault join CODE",
          spec.commandLine().getOut());
      long started = System.nanoTime();
      CompletableFuture<SealingKey> sealing = VaultStore.sealingKeyAhead(home.resolve(), pw);
      KeyshardVaultShare share = null;
      try {
        share = init.run();
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e));
      } finally {
        if (share == null) {
          VaultStore.discard(sealing);
        }
      }
      KeystoreEntry entry = VaultStore.store(home.resolve(), share, sealing);
      relay.drain(init.joinCode().session(), parties);
      Sessions.printCreated(spec.commandLine().getOut(), entry, System.nanoTime() - started);
      share.destroy();
      return 0;
    } finally {
      Arrays.fill(pw, '\0');
    }
  }
}
