package dev.keyshard.cli;

import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.keystore.Keystore;
import dev.keyshard.vault.keystore.KeystoreEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard vault list}: the keystore's shares, read from their clear headers. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the vault shares in the keystore. Needs no password: only the public "
        + "description of each vault is read.")
final class VaultListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin HomeOption home;

  @Option(names = "--json", description = "Print {\"home\", \"vaults\": [{\"name\",\"id\",\"ref\",\"kind\",…}]}.")
  boolean json;

  @Override
  public Integer call() {
    Keystore ks = new Keystore(home.resolve());
    Keystore.Listing listing;
    try {
      listing = ks.list();
    } catch (IOException e) {
      throw new UserError("cannot read the keystore " + ks.home() + ": " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String bad : listing.unreadable()) {
      err.println("keyshard: warning: skipped " + bad);
    }
    err.flush();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      List<JsonOut> vaults = new ArrayList<>();
      listing.entries().forEach(e -> vaults.add(VaultDescription.json(e.vault(), e.ref())));
      o.println(new JsonOut().put("home", ks.home().toString()).put("vaults", vaults));
    } else if (listing.entries().isEmpty()) {
      o.println("No vaults in " + ks.home() + ". Create one with 'keyshard keygen --vault NAME -t T "
          + "-n N --out DIR', or import a backup with 'keyshard vault import FILE'.");
    } else {
      o.printf("%-" + refWidth(listing.entries()) + "s  %-5s  %-18s  %-20s  %s%n",
          "REF", "T/N", "KIND", "CREATED", "NAME");
      for (KeystoreEntry e : listing.entries()) {
        VaultInfo v = e.vault();
        o.printf("%-" + refWidth(listing.entries()) + "s  %-5s  %-18s  %-20s  %s%n", e.ref(),
            v.threshold() + "/" + v.signers().size(), VaultDescription.kind(v.kind()),
            v.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), v.name());
      }
    }
    o.flush();
    return 0;
  }

  private static int refWidth(List<KeystoreEntry> entries) {
    int w = 3;
    for (KeystoreEntry e : entries) {
      w = Math.max(w, e.ref().length());
    }
    return w;
  }
}
