package dev.keyshard.cli;

import dev.keyshard.vault.VaultInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard vault show}: one vault's public description. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a vault's public description: name, id, kind, threshold, signers, keys "
        + "and chain code. Needs no password (except for an encrypted .vult file).")
final class VaultShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "V",
      description = "A keystore vault (reference, name or id prefix), or a .vult or .kss file.")
  String vault;

  @Mixin HomeOption home;
  @Mixin PasswordOption password;

  @Option(names = "--json", description = "Print {\"name\",\"id\",\"kind\",\"threshold\",\"signers\","
      + "\"localParty\",\"createdAt\",\"publicKeyEcdsa\",\"publicKeyEddsa\",\"chainCode\"}.")
  boolean json;

  @Override
  public Integer call() {
    VaultSource source = VaultSource.resolve(vault, home.resolve());
    List<char[]> passwords = new ArrayList<>();
    if (password.fromFileGiven()) {
      passwords.add(password.read("the vault", false));
    }
    VaultInfo v;
    try {
      v = source.info(passwords, password);
    } finally {
      passwords.forEach(p -> java.util.Arrays.fill(p, '\0'));
    }
    String ref = source.entry() == null ? null : source.entry().ref();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      JsonOut j = VaultDescription.json(v, ref);
      if (source.entry() != null) {
        j.put("file", source.entry().file().toString());
      }
      o.println(j);
    } else {
      HexFormat hex = HexFormat.of();
      o.println("name:             " + v.name());
      o.println("id:               " + v.id());
      if (ref != null) {
        o.println("reference:        " + ref);
        o.println("file:             " + source.entry().file());
      }
      o.println("kind:             " + VaultDescription.kind(v.kind()));
      o.println("here it serves:   " + VaultDescription.uses(v.kind()));
      o.println("threshold:        " + v.threshold() + " of " + v.signers().size());
      o.println("signers:          " + String.join(", ", v.signers()));
      o.println("this share:       " + v.localParty());
      o.println("created:          " + v.createdAt());
      o.println("ECDSA public key: " + hex.formatHex(v.publicKeyEcdsa()));
      o.println("EdDSA public key: " + hex.formatHex(v.publicKeyEddsa()));
      o.println("chain code:       " + hex.formatHex(v.chainCode()));
    }
    o.flush();
    return 0;
  }
}
