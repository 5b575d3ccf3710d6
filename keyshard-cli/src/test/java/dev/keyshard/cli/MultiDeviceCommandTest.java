package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import fr.acinq.secp256k1.Secp256k1;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Two terminals" through the command line: {@code vault create} with its embedded relay and
 * {@code vault join} on other keystores, then {@code sign --vault} / {@code sign --join} for ECDSA
 * at an Ethereum path and for EdDSA; libsecp256k1 and BouncyCastle verify.
 */
class MultiDeviceCommandTest {
  @TempDir Path tmp;

  Path awaitFile(Path f) throws InterruptedException {
    for (int i = 0; i < 300 && !Files.exists(f); i++) {
      Thread.sleep(50);
    }
    assertTrue(Files.exists(f), "no join code at " + f);
    return f;
  }

  @Test
  void threeDevicesCreateAVaultAndTwoSign() throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "device password\n");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Path code = tmp.resolve("code");
      Future<CliRun> create = pool.submit(() -> CliRun.of("vault", "create", "--name", "Trio", "-t", "2",
          "-n", "3", "--home", tmp.resolve("h1").toString(), "--password-file", pw.toString(),
          "--code-file", code.toString(), "--no-qr", "--timeout", "60"));
      String joinCode = Files.readString(awaitFile(code)).strip();
      Future<CliRun> j2 = pool.submit(() -> CliRun.of("vault", "join", joinCode, "--home",
          tmp.resolve("h2").toString(), "--password-file", pw.toString(), "--timeout", "60"));
      Future<CliRun> j3 = pool.submit(() -> CliRun.of("vault", "join", joinCode, "--home",
          tmp.resolve("h3").toString(), "--password-file", pw.toString(), "--timeout", "60"));
      for (Future<CliRun> f : java.util.List.of(create, j2, j3)) {
        CliRun r = f.get(2, TimeUnit.MINUTES);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("Vault 'Trio' created"), r.out());
      }
      JsonObject v1 = show("h1");
      assertEquals(v1.get("id"), show("h2").get("id"));
      assertEquals(v1.get("publicKeyEcdsa"), show("h3").get("publicKeyEcdsa"));
      assertEquals(v1.get("chainCode"), show("h3").get("chainCode"));

      // ECDSA by devices 1 and 3, at Ethereum's path.
      byte[] hash = MessageDigest.getInstance("SHA-256").digest("pay 1 ETH".getBytes(StandardCharsets.UTF_8));
      String path = "m/44'/60'/0'/0/0";
      JsonObject ecdsa = signPair(pool, "h1", "h3", "ecdsa", HexFormat.of().formatHex(hash), path, pw);
      byte[] child = Bip32.derive(HexFormat.of().parseHex(v1.get("publicKeyEcdsa").getAsString()),
          HexFormat.of().parseHex(v1.get("chainCode").getAsString()), DerivationPath.parse(path)).publicKey();
      assertEquals(HexFormat.of().formatHex(child), ecdsa.get("publicKey").getAsString());
      assertTrue(Secp256k1.get().verify(HexFormat.of().parseHex(ecdsa.get("signature").getAsString()),
          hash, child));

      // EdDSA by devices 2 and 3.
      byte[] msg = "transfer 2 SOL".getBytes(StandardCharsets.UTF_8);
      JsonObject eddsa = signPair(pool, "h2", "h3", "eddsa", HexFormat.of().formatHex(msg), null, pw);
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, new Ed25519PublicKeyParameters(HexFormat.of().parseHex(
          v1.get("publicKeyEddsa").getAsString()), 0));
      v.update(msg, 0, msg.length);
      assertTrue(v.verifySignature(HexFormat.of().parseHex(eddsa.get("signature").getAsString())));

      // A transaction: device 2 sends, device 1 co-signs after seeing what it built itself.
      Path txCode = tmp.resolve("send-code");
      Future<CliRun> send = pool.submit(() -> CliRun.of("send", "--vault", "Trio", "--chain",
          "ethereum", "--to", "0x3535353535353535353535353535353535353535", "--amount", "0.125",
          "--nonce", "4", "--max-fee", "30", "--priority-fee", "2", "--yes", "--json", "--home",
          tmp.resolve("h2").toString(), "--password-file", pw.toString(), "--code-file",
          txCode.toString(), "--no-qr", "--timeout", "60"));
      String sendCode = Files.readString(awaitFile(txCode)).strip();
      CliRun cosign = pool.submit(() -> CliRun.of("sign", "--join", sendCode, "--yes", "--home",
          tmp.resolve("h1").toString(), "--password-file", pw.toString())).get(2, TimeUnit.MINUTES);
      CliRun sent = send.get(2, TimeUnit.MINUTES);
      assertEquals(0, sent.exitCode(), sent.err());
      assertEquals(0, cosign.exitCode(), cosign.err());
      assertTrue(cosign.err().contains("0.125 ETH") && cosign.err().contains("0x3535353535353535353535353535353535353535"),
          cosign.err());
      JsonObject tx = JsonParser.parseString(sent.out()).getAsJsonObject();
      assertTrue(tx.get("raw").getAsString().startsWith("0x02"), sent.out());
      CliRun address = CliRun.of("address", "--vault", "Trio", "--chain", "ethereum", "--json",
          "--home", tmp.resolve("h3").toString());
      assertEquals(0, address.exitCode(), address.err());
      assertEquals(JsonParser.parseString(address.out()).getAsJsonObject().get("Ethereum").getAsString(),
          tx.get("from").getAsString());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aJoinCodeOfTheWrongKindIsNamed() {
    CliRun r = CliRun.of("vault", "join", "https://example.com");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("not a Keyshard join code"), r.err());
    CliRun s = CliRun.of("sign", "--join", "keyshard://join?v=9&x=1");
    assertEquals(1, s.exitCode());
    assertTrue(s.err().contains("another version"), s.err());
  }

  private JsonObject show(String home) {
    CliRun r = CliRun.of("vault", "show", "Trio", "--home", tmp.resolve(home).toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private JsonObject signPair(ExecutorService pool, String initiator, String cosigner, String scheme,
      String message, String path, Path pw) throws Exception {
    Path code = tmp.resolve("sign-" + scheme);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("sign", "--vault", "Trio",
        "--scheme", scheme, "--message", message, "--home", tmp.resolve(initiator).toString(),
        "--password-file", pw.toString(), "--code-file", code.toString(), "--no-qr", "--json",
        "--timeout", "60"));
    if (path != null) {
      args.addAll(java.util.List.of("--path", path));
    }
    Future<CliRun> a = pool.submit(() -> CliRun.of(args.toArray(String[]::new)));
    String joinCode = Files.readString(awaitFile(code)).strip();
    Future<CliRun> b = pool.submit(() -> CliRun.of("sign", "--join", joinCode, "--yes", "--json",
        "--home", tmp.resolve(cosigner).toString(), "--password-file", pw.toString()));
    CliRun ra = a.get(2, TimeUnit.MINUTES);
    CliRun rb = b.get(2, TimeUnit.MINUTES);
    assertEquals(0, ra.exitCode(), ra.err());
    assertEquals(0, rb.exitCode(), rb.err());
    assertTrue(rb.err().contains("Sign request for vault 'Trio'"), rb.err());
    String outA = ra.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    String outB = rb.out().lines().filter(l -> l.startsWith("{")).findFirst().orElseThrow();
    assertEquals(outA, outB);
    return JsonParser.parseString(outA).getAsJsonObject();
  }
}
