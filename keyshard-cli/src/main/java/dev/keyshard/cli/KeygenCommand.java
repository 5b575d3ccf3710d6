package dev.keyshard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard keygen}: a dealerless DKG for all parties in this process, one file per share. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
    description = {
      "Generate a t-of-n threshold key by distributed key generation, running all n parties here, "
          + "and write one share file per party into DIR. The key never exists whole.",
      "With --vault NAME: a whole vault (a DKLs23 ECDSA key with its chain code and a FROST "
          + "Ed25519 key, one committee), one encrypted share file per party (Argon2id + "
          + "AES-256-GCM), usable wherever a vault is expected: 'keyshard vault import', "
          + "'address --vault', 'recover'.",
      "With --scheme: one key of that scheme; those share files are not encrypted. Either way, "
          + "keep the files apart, on different devices."
    })
final class KeygenCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--vault", paramLabel = "NAME",
      description = "Create a vault named NAME (both root keys and the chain code) instead of a "
          + "single-scheme key.")
  String vaultName;

  @picocli.CommandLine.Mixin PasswordOption password;

  @Option(names = "--scheme", paramLabel = "SCHEME",
      description = "ed25519 (Solana, Sui, TON, …), bip340 (Bitcoin Taproot) or "
          + "ecdsa (DKLs23 threshold ECDSA over secp256k1: Bitcoin legacy/SegWit v0, Ethereum and "
          + "EVM chains; key generation takes about a second for 2-of-3 and grows with n², "
          + "to minutes at n = 16).")
  String scheme;

  @Option(names = "-t", required = true, paramLabel = "T", description = "Threshold: shares needed to sign (2..n).")
  int threshold;

  @Option(names = "-n", required = true, paramLabel = "N", description = "Number of parties (t..16).")
  int parties;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the share files (created if missing).")
  Path out;

  @Option(names = "--json", description = "Print {\"scheme\",\"threshold\",\"parties\",\"publicKey\",\"shares\"}; "
      + "publicKey is 32 bytes for ed25519 and bip340 (x-only), the 33-byte compressed key for ecdsa. "
      + "With --vault: {\"vault\",\"id\",\"threshold\",\"parties\",\"publicKeyEcdsa\",\"publicKeyEddsa\","
      + "\"chainCode\",\"shares\"}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if ((vaultName == null) == (scheme == null)) {
      throw new UserError("give either --vault NAME (a vault for all chains) or --scheme SCHEME "
          + "(one key)");
    }
    if (threshold < 2 || threshold > parties || parties > 16) {
      throw new UserError("need 2 <= t <= n <= 16, got t=" + threshold + ", n=" + parties);
    }
    if (vaultName != null) {
      return new VaultKeygen(spec, vaultName, threshold, parties, out, password, json).run();
    }
    Scheme s = Scheme.parse(scheme);
    if (s == Scheme.ECDSA && parties > 3 && !json) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("keygen: DKLs23 for " + parties + " parties sets up OT between every pair; "
          + "this takes a while (minutes at n = 16)...");
      err.flush();
    }
    LocalCeremony.Keygen result = LocalCeremony.keygen(s, threshold, parties, new SecureRandom());
    byte[] publicKey = result.shares().get(0).publicKey();
    // The first 4 bytes of the x-coordinate (skipping a compressed key's 02/03 prefix).
    int tagStart = publicKey.length - 32;
    String keyTag = HexFormat.of().formatHex(publicKey, tagStart, tagStart + 4);

    Map<Path, byte[]> files = new LinkedHashMap<>();
    for (ShareFile share : result.shares()) {
      String name = String.format("%s-%s-p%02d-of-%02d.share.json", s.id, keyTag, share.self().value(), parties);
      files.put(out.resolve(name), share.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    try {
      Files.createDirectories(out);
      AtomicFiles.writeAll(files);
    } catch (FileAlreadyExistsException e) {
      throw new UserError(e.getFile());
    } catch (IOException e) {
      throw new UserError("cannot write shares to " + out + ": " + e.getMessage());
    }
    List<String> paths = new ArrayList<>();
    files.keySet().forEach(p -> paths.add(p.toString()));

    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new JsonOut().put("scheme", s.id).put("threshold", threshold).put("parties", parties)
          .put("publicKey", HexArg.format(publicKey)).put("shares", paths));
    } else {
      o.println("Created a " + threshold + "-of-" + parties + " " + s.id + " key.");
      o.println("public key: " + HexArg.format(publicKey));
      for (String p : paths) {
        o.println("share:      " + p);
      }
      o.println("Any " + threshold + " of these files can sign; move each to its own device.");
    }
    o.flush();
    return 0;
  }
}
