package dev.keyshard.cli;

import dev.keyshard.chains.Addresses;
import dev.keyshard.chains.Chain;
import dev.keyshard.vault.VaultInfo;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyshard address}: the vault's address on each chain, derived from its root public keys
 * and chain code exactly as Vultisig derives them. Needs no secret and no password, except that
 * an encrypted {@code .vult} must be opened to read them.
 */
@Command(name = "address", mixinStandardHelpOptions = true,
    description = "Print the vault's addresses (all chains, or those given with --chain), the "
        + "same as Vultisig shows for the same vault.")
final class AddressCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--vault", required = true, paramLabel = "V",
      description = "A keystore vault (reference, name or id prefix), or a .vult file (Vultisig "
          + "backup or Keyshard export) or .kss share file.")
  String vault;

  @Mixin HomeOption home;

  @Option(names = "--chain", paramLabel = "C",
      description = "Only this chain (repeatable), by Vultisig's name: Bitcoin, Ethereum, Solana, "
          + "THORChain, Bitcoin-Cash, … (case-insensitive).")
  List<String> chains = new ArrayList<>();

  @Mixin PasswordOption password;

  @Option(names = "--json", description = "Print {\"Bitcoin\": \"bc1…\", …} with Vultisig's chain names.")
  boolean json;

  @Override
  public Integer call() {
    List<Chain> wanted = new ArrayList<>();
    for (String c : chains) {
      try {
        wanted.add(Chain.fromName(c));
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
    }
    List<char[]> passwords = new ArrayList<>();
    if (password.fromFileGiven()) {
      passwords.add(password.read("the vault", false));
    }
    VaultInfo info;
    try {
      info = VaultSource.resolve(vault, home.resolve()).info(passwords, password);
    } finally {
      passwords.forEach(p -> java.util.Arrays.fill(p, '\0'));
    }
    Map<String, String> out = new LinkedHashMap<>();
    Map<Chain, String> all = Addresses.all(info.publicKeyEcdsa(), info.publicKeyEddsa(),
        info.chainCode());
    for (Map.Entry<Chain, String> e : all.entrySet()) {
      if (wanted.isEmpty() || wanted.contains(e.getKey())) {
        out.put(e.getKey().displayName(), e.getValue());
      }
    }
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      JsonOut j = new JsonOut();
      out.forEach(j::put);
      o.println(j);
    } else {
      out.forEach((k, v) -> o.printf("%-13s %s%n", k, v));
    }
    o.flush();
    return 0;
  }
}
