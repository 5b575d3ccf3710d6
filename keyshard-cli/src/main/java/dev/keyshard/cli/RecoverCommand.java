package dev.keyshard.cli;

import dev.keyshard.chains.Addresses;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.ChainPrivateKey;
import dev.keyshard.chains.ChainPrivateKeys;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.recovery.RecoveredKeys;
import dev.keyshard.vault.recovery.RecoveryException;
import dev.keyshard.vault.recovery.VaultRecovery;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultisigVaults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyshard recover}: emergency recovery, offline. Combines t share files of one vault
 * (Keyshard {@code .vult} exports or real Vultisig DKLS backups) into the vault's root private
 * keys, checks them against its public keys, and prints them.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
    description = {
      "Emergency recovery: combine t share files of one vault into its root private keys, "
          + "offline, and print them. The keys then exist whole on this machine: use it only "
          + "when the vault can no longer sign, and move the funds to a new vault afterwards.",
      "Reads .vult files (Vultisig DKLS vaults and Keyshard exports), Keyshard share files and "
          + "keystore entries. Each key is checked against the vault's public key before it is "
          + "printed."
    })
final class RecoverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SHARE",
      description = "Shares of one vault (at least its threshold): .vult or .kss files, or "
          + "keystore vaults (reference, name or id prefix).")
  List<String> shares;

  @Mixin HomeOption home;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "A file whose first line is a password; repeat for files with different "
          + "passwords (each is tried on each encrypted file).")
  List<Path> passwordFiles = new ArrayList<>();

  @Option(names = "--chain", paramLabel = "C",
      description = "Also print this chain's address and private key, in the form its wallets "
          + "import: WIF for Bitcoin, Litecoin, Dogecoin, Dash, Bitcoin-Cash and Zcash, hex for "
          + "the other ECDSA chains, the raw Ed25519 scalar (hex, little-endian) for Solana, Sui, "
          + "Polkadot, Cardano and Ton. Repeatable; 'all' for every chain.")
  List<String> chains = new ArrayList<>();

  @Option(names = "--json", description = "Print {\"publicKeyEcdsa\",\"privateKeyEcdsa\","
      + "\"publicKeyEddsa\",\"privateKeyEddsa\",\"chainCode\"} (hex; the EdDSA private key is the "
      + "32-byte scalar, little-endian as RFC 8032 encodes scalars); with --chain also "
      + "\"chains\": {\"Bitcoin\": {\"address\",\"format\",\"privateKey\"}, …}.")
  boolean json;

  @Override
  public Integer call() {
    List<Chain> wanted = chains();
    List<char[]> passwords = new ArrayList<>();
    passwordFiles.forEach(f -> passwords.add(PasswordOption.fromFile(f)));
    PasswordOption ask = new PasswordOption();
    List<VaultRecovery.Input> inputs = new ArrayList<>();
    try {
      for (String s : shares) {
        VaultSource source = VaultSource.resolve(s, home.resolve());
        try {
          inputs.add(VultisigVaults.recoveryInput(source.open(passwords, ask)));
        } catch (RecoveryException | VultException e) {
          throw new UserError(s + ": " + e.getMessage());
        }
      }
      RecoveredKeys keys;
      try {
        keys = VaultRecovery.recover(inputs);
      } catch (RecoveryException e) {
        throw new UserError("cannot recover: " + e.getMessage());
      }
      print(keys, wanted);
      keys.destroy();
      return 0;
    } finally {
      passwords.forEach(p -> java.util.Arrays.fill(p, '\0'));
      inputs.forEach(i -> {
        i.ecdsa().secret().destroy();
        i.eddsa().secret().destroy();
      });
    }
  }

  private List<Chain> chains() {
    List<Chain> out = new ArrayList<>();
    for (String c : chains) {
      if (c.equalsIgnoreCase("all")) {
        return List.of(Chain.values());
      }
      try {
        Chain chain = Chain.fromName(c);
        if (!out.contains(chain)) {
          out.add(chain);
        }
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage());
      }
    }
    return out;
  }

  private void print(RecoveredKeys keys, List<Chain> wanted) {
    Map<Chain, String> addresses = Addresses.all(keys.publicKeyEcdsa(), keys.publicKeyEddsa(),
        keys.chainCode());
    Map<Chain, ChainPrivateKey> perChain = new LinkedHashMap<>();
    for (Chain c : wanted) {
      perChain.put(c, ChainPrivateKeys.of(c, keys));
    }
    HexFormat hex = HexFormat.of();
    byte[] ecdsa = keys.privateKeyEcdsa().toBytes(InsecureSecretAccess.get());
    byte[] eddsa = keys.privateKeyEddsa().toBytes(InsecureSecretAccess.get());
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new JsonOut()
          .put("publicKeyEcdsa", hex.formatHex(keys.publicKeyEcdsa()))
          .put("privateKeyEcdsa", hex.formatHex(ecdsa))
          .put("publicKeyEddsa", hex.formatHex(keys.publicKeyEddsa()))
          .put("privateKeyEddsa", hex.formatHex(eddsa))
          .put("chainCode", hex.formatHex(keys.chainCode()))
          .put("chains", perChain.isEmpty() ? null : chainsJson(perChain, addresses)));
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println("WARNING: these are the vault's whole private keys. Anyone who sees them "
          + "controls its funds.");
      err.flush();
      o.println("ECDSA public key:  " + hex.formatHex(keys.publicKeyEcdsa()) + " (matches)");
      o.println("ECDSA private key: " + hex.formatHex(ecdsa));
      o.println("EdDSA public key:  " + hex.formatHex(keys.publicKeyEddsa()) + " (matches)");
      o.println("EdDSA private key: " + hex.formatHex(eddsa)
          + " (raw scalar, little-endian; not an RFC 8032 seed)");
      o.println("chain code:        " + hex.formatHex(keys.chainCode()));
      for (ChainPrivateKey k : perChain.values()) {
        o.println();
        o.println(k.chain().displayName() + ":");
        o.println("  address:     " + addresses.get(k.chain()));
        o.println("  private key: " + k.value() + " (" + describe(k.format()) + ")");
      }
    }
    o.flush();
    java.util.Arrays.fill(ecdsa, (byte) 0);
    java.util.Arrays.fill(eddsa, (byte) 0);
  }

  private static JsonOut chainsJson(Map<Chain, ChainPrivateKey> perChain, Map<Chain, String> addresses) {
    JsonOut out = new JsonOut();
    perChain.forEach((c, k) -> out.put(c.displayName(), new JsonOut()
        .put("address", addresses.get(c)).put("format", k.format().label())
        .put("privateKey", k.value())));
    return out;
  }

  private static String describe(ChainPrivateKey.Format f) {
    return switch (f) {
      case WIF -> "WIF, compressed";
      case HEX -> "hex";
      case SCALAR_HEX -> "raw Ed25519 scalar, little-endian; import as a scalar, not as a seed";
    };
  }
}
