package dev.keyshard.cli;

import dev.keyshard.chains.Addresses;
import dev.keyshard.chains.Chain;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultisigVaults;
import java.io.PrintWriter;
import java.nio.file.Path;
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
 * and chain code exactly as Vultisig derives them. Needs no secret; an encrypted {@code .vult}
 * still needs its password to be opened.
 */
@Command(name = "address", mixinStandardHelpOptions = true,
    description = "Print the vault's addresses (all chains, or those given with --chain), the "
        + "same as Vultisig shows for the same vault.")
final class AddressCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--vault", required = true, paramLabel = "V",
      description = "A .vult file (Vultisig backup or Keyshard export).")
  Path vault;

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
      info = VultisigVaults.info(VaultFiles.decode(vault, passwords, password));
    } catch (VultException e) {
      throw new UserError(vault + ": " + e.getMessage());
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
