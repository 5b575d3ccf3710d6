package dev.keyshard.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Addresses;
import dev.keyshard.chains.Chain;
import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.keystore.Keystore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyshard demo}: three devices — three separate processes, each with its own keystore —
 * create a 2-of-3 vault through a relay embedded here, then two of them sign: ECDSA at Ethereum's
 * path (devices 1 and 3) and EdDSA (devices 2 and 3). BouncyCastle verifies both. The commands it
 * runs are the ones a user types on real devices; it prints them.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Three devices (separate processes) create a 2-of-3 vault through an embedded "
        + "relay, print its addresses, sign with two of them (ECDSA at m/44'/60'/0'/0/0, and "
        + "EdDSA), and verify both signatures with BouncyCastle.")
final class DemoCommand implements Callable<Integer> {
  private static final String PASSWORD = "demo password, not for real funds";
  private static final long STEP_MINUTES = 3;

  @Spec CommandSpec spec;

  @Option(names = "--keep", description = "Keep the demo's keystores (printed) instead of deleting them.")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    Path dir = Files.createTempDirectory("keyshard-demo-");
    Path pw = Files.writeString(dir.resolve("password"), PASSWORD + "\n");
    try (RelayServer relay = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT),
        RelayLimits.DEFAULT, "memory").start("127.0.0.1", 0)) {
      String url = "http://127.0.0.1:" + relay.port();
      o.println("Keyshard demo: three devices, a 2-of-3 vault, two signatures.");
      o.println("relay: " + url + " (embedded; it sees only ciphertext)");
      o.println();
      o.println("1. Device 1 creates the vault; devices 2 and 3 join with its code:");
      o.println("   keyshard vault create --name Demo -t 2 -n 3   |   keyshard vault join CODE");
      o.flush();
      long t0 = System.nanoTime();
      Path code = dir.resolve("vault.code");
      Process create = start(dir, "create", List.of("vault", "create", "--name", "Demo", "-t", "2",
          "-n", "3", "--relay", url, "--code-file", code.toString(), "--no-qr", "--timeout", "120"),
          home(dir, 1), pw);
      String joinCode = awaitCode(code, create, dir, "create");
      List<Process> joins = List.of(
          start(dir, "join2", List.of("vault", "join", joinCode, "--timeout", "120"), home(dir, 2), pw),
          start(dir, "join3", List.of("vault", "join", joinCode, "--timeout", "120"), home(dir, 3), pw));
      await(create, dir, "create");
      for (int i = 0; i < joins.size(); i++) {
        await(joins.get(i), dir, "join" + (i + 2));
      }
      long created = System.nanoTime();
      VaultInfo v = new Keystore(home(dir, 1)).find("Demo").vault();
      o.printf("   vault %s created in %.1f s; every device holds one share, none the key%n",
          v.id().substring(0, 8), (created - t0) / 1e9);
      Map<Chain, String> addresses = Addresses.all(v.publicKeyEcdsa(), v.publicKeyEddsa(), v.chainCode());
      for (Chain c : List.of(Chain.BITCOIN, Chain.ETHEREUM, Chain.SOLANA, Chain.THORCHAIN, Chain.TON)) {
        o.printf("   %-10s %s%n", c.displayName(), addresses.get(c));
      }
      o.println();

      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest("Keyshard demo: no single point of failure".getBytes(StandardCharsets.UTF_8));
      o.println("2. Devices 1 and 3 sign a hash with the Ethereum key (device 2 stays offline):");
      o.println("   keyshard sign --vault Demo --path \"m/44'/60'/0'/0/0\" --message HEX   |   keyshard sign --join CODE");
      o.flush();
      boolean ok = sign(o, dir, url, pw, 1, 3, "ecdsa", HexFormat.of().formatHex(hash),
          "m/44'/60'/0'/0/0", Scheme.ECDSA, hash);
      o.println();
      byte[] msg = "Keyshard demo: Ed25519 for Solana".getBytes(StandardCharsets.UTF_8);
      o.println("3. Devices 2 and 3 sign a message with the EdDSA key (Solana, Sui, TON, …):");
      o.flush();
      ok &= sign(o, dir, url, pw, 2, 3, "eddsa", HexFormat.of().formatHex(msg), null, Scheme.ED25519, msg);
      o.println();
      o.printf("Total %.1f s, three JVMs included. Keystores: %s%n", (System.nanoTime() - t0) / 1e9,
          keep ? dir : "(deleted; --keep keeps them)");
      o.flush();
      return ok ? 0 : Main.EXIT_FAILURE;
    } finally {
      if (!keep) {
        deleteTree(dir);
      }
    }
  }

  private boolean sign(PrintWriter o, Path dir, String url, Path pw, int a, int b, String scheme,
      String message, String path, Scheme verifier, byte[] signed) throws Exception {
    long t0 = System.nanoTime();
    Path code = dir.resolve(scheme + ".code");
    List<String> args = new ArrayList<>(List.of("sign", "--vault", "Demo", "--scheme", scheme,
        "--message", message, "--relay", url, "--code-file", code.toString(), "--no-qr", "--json",
        "--timeout", "120"));
    if (path != null) {
      args.addAll(List.of("--path", path));
    }
    Process initiator = start(dir, "sign-" + scheme + "-" + a, args, home(dir, a), pw);
    String joinCode = awaitCode(code, initiator, dir, "sign-" + scheme + "-" + a);
    Process cosigner = start(dir, "sign-" + scheme + "-" + b, List.of("sign", "--join", joinCode,
        "--yes", "--json"), home(dir, b), pw);
    await(initiator, dir, "sign-" + scheme + "-" + a);
    await(cosigner, dir, "sign-" + scheme + "-" + b);
    JsonObject r = json(dir.resolve("sign-" + scheme + "-" + a + ".out"));
    byte[] pub = HexFormat.of().parseHex(r.get("publicKey").getAsString());
    byte[] sig = HexFormat.of().parseHex(r.get("signature").getAsString());
    boolean valid = verifier.verify(pub, signed, sig);
    o.printf("   public key %s%n   signature  %s%n   signed in %.1f s by devices %d and %d; "
        + "BouncyCastle says %s%n", HexArg.format(pub), HexArg.format(sig), (System.nanoTime() - t0) / 1e9,
        a, b, valid ? "VALID" : "INVALID");
    o.flush();
    return valid;
  }

  private static Path home(Path dir, int device) {
    return dir.resolve("device" + device);
  }

  /**
   * JVM options of a device in a session, as the {@code keyshard} launcher gives them: C1 only
   * (a short run is over before C2 would help, and its compiler threads compete for the cores).
   */
  static final List<String> DEVICE_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** One device: this program in its own JVM, with its own keystore. */
  private static Process start(Path dir, String name, List<String> args, Path home, Path pw)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(DEVICE_JVM);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(args);
    cmd.addAll(List.of("--home", home.toString(), "--password-file", pw.toString()));
    return new ProcessBuilder(cmd).redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile()).start();
  }

  private static String awaitCode(Path code, Process p, Path dir, String name) throws Exception {
    long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (!Files.exists(code)) {
      if (!p.isAlive()) {
        await(p, dir, name);
      }
      if (System.nanoTime() > until) {
        p.destroyForcibly();
        throw new UserError("demo: " + name + " printed no join code within a minute");
      }
      Thread.sleep(20);
    }
    return Files.readString(code).strip();
  }

  private static void await(Process p, Path dir, String name) throws Exception {
    if (!p.waitFor(STEP_MINUTES, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new UserError("demo: " + name + " did not finish in " + STEP_MINUTES + " minutes");
    }
    if (p.exitValue() != 0) {
      String err = Files.readString(dir.resolve(name + ".err")).strip();
      String last = err.isEmpty() ? "(no output)" : err.lines().reduce((x, y) -> y).orElse("");
      throw new UserError("demo: " + name + " failed: " + last);
    }
  }

  private static JsonObject json(Path out) throws IOException {
    String line = Files.readAllLines(out).stream().filter(l -> l.startsWith("{")).findFirst()
        .orElseThrow(() -> new UserError("demo: no result in " + out));
    return JsonParser.parseString(line).getAsJsonObject();
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
