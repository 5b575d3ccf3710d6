package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.evm.Anvil;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.verify.LiteSvm;
import dev.keyshard.node.JoinCode;
import dev.keyshard.relay.client.RelayClient;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-device transactions across real processes: three JVMs, each with its own keystore and
 * password, make a 2-of-3 vault through the creator's embedded relay; then {@code send --vault}
 * in one process and {@code sign --join} in another sign a transfer, which anvil mines from the
 * vault's address (and LiteSVM executes, for Solana). A co-signer killed mid-session makes the
 * sender fail within its {@code --timeout}, naming the silent member, with nothing broadcast.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CrossProcessSendTest {
  private static final String VAULT = "Cross";
  private static final String ETH_TO = "0x000000000000000000000000000000000000dEaD";
  private static final String SOL_TO = "EN2sCsJ1WDV8UFqsiTXHcUPUxQ4juE71eCknHYYMifkd";

  // One vault and one node for all tests: making the vault is the slow part.
  @TempDir static Path tmp;
  static Path pw;
  static Anvil anvil;
  static JsonObject vault;

  @BeforeAll
  static void threeProcessesMakeAVault() throws Exception {
    pw = Files.writeString(tmp.resolve("pw"), "device password\n");
    Path code = tmp.resolve("vault-code");
    try (DeviceProcess create = DeviceProcess.start(tmp, "create", home(1), pw, "vault", "create",
            "--name", VAULT, "-t", "2", "-n", "3", "--code-file", code.toString(), "--no-qr",
            "--timeout", "60")) {
      String joinCode = create.awaitFile(code, 60);
      try (DeviceProcess j2 = DeviceProcess.start(tmp, "join2", home(2), pw, "vault", "join", joinCode,
              "--timeout", "60");
          DeviceProcess j3 = DeviceProcess.start(tmp, "join3", home(3), pw, "vault", "join", joinCode,
              "--timeout", "60")) {
        for (DeviceProcess d : List.of(create, j2, j3)) {
          assertEquals(0, d.awaitExit(90), d + ": " + d.err());
          assertTrue(d.out().contains("Vault '" + VAULT + "' created"), d + ": " + d.out());
        }
      }
    }
    vault = show(1);
    for (int device = 2; device <= 3; device++) {
      JsonObject other = show(device);
      assertEquals(vault.get("id"), other.get("id"));
      assertEquals(vault.get("publicKeyEcdsa"), other.get("publicKeyEcdsa"));
      assertEquals(vault.get("publicKeyEddsa"), other.get("publicKeyEddsa"));
      assertEquals(vault.get("chainCode"), other.get("chainCode"));
    }
    anvil = Anvil.start(31337);
  }

  @AfterAll
  static void stopAnvil() throws Exception {
    if (anvil != null) {
      anvil.close();
    }
  }

  @Test
  void anvilMinesATransferSignedByTwoProcesses() throws Exception {
    String from = address(Chain.ETHEREUM);
    anvil.setBalance(from, new BigInteger("10000000000000000000"));
    BigInteger before = anvil.balance(ETH_TO);
    Path code = tmp.resolve("eth-code");
    try (DeviceProcess a = DeviceProcess.start(tmp, "eth-send", home(1), pw, "send", "--vault", VAULT,
            "--chain", "ethereum", "--chain-id", "31337", "--to", ETH_TO, "--amount", "0.125",
            "--rpc", anvil.url(), "--yes", "--json", "--code-file", code.toString(), "--no-qr",
            "--timeout", "60")) {
      String joinCode = a.awaitFile(code, 60);
      try (DeviceProcess b = DeviceProcess.start(tmp, "eth-cosign", home(2), pw, "sign", "--join",
          joinCode, "--yes")) {
        assertEquals(0, b.awaitExit(90), b.err());
        assertEquals(0, a.awaitExit(90), a.err());
        // What B showed is what B built from its own vault and the request, not A's words.
        String shown = afterHeader(b.err(), "as this device built it:");
        assertTrue(shown.contains("0.125 ETH"), shown);
        assertTrue(shown.toLowerCase().contains(ETH_TO.toLowerCase()), shown);
        assertTrue(shown.contains(from), shown);
      }
      JsonObject sent = JsonParser.parseString(a.out().strip()).getAsJsonObject();
      assertEquals(from, sent.get("from").getAsString());
      String txHash = sent.get("txHash").getAsString();
      assertTrue(a.err().contains("the node accepted it as " + txHash), a.err());

      // anvil, not our code, says who signed: it mined the transfer from the vault's address.
      JsonObject receipt = anvil.receipt(txHash);
      assertEquals("0x1", receipt.get("status").getAsString(), receipt.toString());
      assertEquals(from.toLowerCase(), receipt.get("from").getAsString().toLowerCase());
      assertEquals(from.toLowerCase(), anvil.sender(txHash).toLowerCase());
      assertEquals(before.add(new BigInteger("125000000000000000")), anvil.balance(ETH_TO));

      // Tampered: the same transaction with its last signature byte flipped no longer spends the
      // vault's coins; anvil recovers another (empty) sender, or none, and refuses it.
      String raw = sent.get("raw").getAsString();
      byte[] bytes = HexFormat.of().parseHex(raw.substring(2));
      bytes[bytes.length - 1] ^= 0x01;
      BigInteger nonce = nonce(from);
      assertThrows(RpcException.class,
          () -> anvil.rpc("eth_sendRawTransaction", "0x" + HexFormat.of().formatHex(bytes)));
      assertEquals(nonce, nonce(from));
    }
  }

  @Test
  void aCoSignerKilledAsTheSessionStartsIsNamedAndNothingIsSent() throws Exception {
    String err = killCoSigner(3, false);
    assertTrue(err.contains("timed out in hello"), err);
  }

  @Test
  void aCoSignerKilledWhileSigningIsNamedAndNothingIsSent() throws Exception {
    String err = killCoSigner(2, true);
    // Past the hellos: the kill fell inside the threshold protocol (or its last confirmation),
    // and the silent member is named with the vault party it announced: the killed device's.
    assertFalse(err.contains("timed out in hello"), err);
    String party = show(2).get("localParty").getAsString();
    assertTrue(err.matches("(?s).*waiting for keyshard-[0-9a-f]{8} \\(" + party + "\\) \\[culprit.*"), err);
  }

  /**
   * Starts a send on device 1 and its co-signer on {@code device}, kills the co-signer (SIGKILL)
   * once the relay says the session started, or with {@code whileSigning} once it reports the
   * threshold signature under way, and checks the sender fails in time, blaming it, and that
   * nothing reached the node.
   *
   * @return the sender's stderr
   */
  private static String killCoSigner(int device, boolean whileSigning) throws Exception {
    String from = address(Chain.ETHEREUM);
    anvil.setBalance(from, new BigInteger("10000000000000000000"));
    BigInteger nonce = nonce(from);
    BigInteger before = anvil.balance(ETH_TO);
    String name = whileSigning ? "kill-signing" : "kill-start";
    Path code = tmp.resolve(name + "-code");
    long timeout = 12;
    String err;
    try (DeviceProcess a = DeviceProcess.start(tmp, name + "-send", home(1), pw, "send", "--vault",
            VAULT, "--chain", "ethereum", "--chain-id", "31337", "--to", ETH_TO, "--amount", "0.5",
            "--rpc", anvil.url(), "--yes", "--json", "--code-file", code.toString(), "--no-qr",
            "--timeout", String.valueOf(timeout))) {
      String joinCode = a.awaitFile(code, 60);
      JoinCode jc = JoinCode.parse(joinCode);
      RelayClient relay = new RelayClient(jc.relay(), Duration.ofSeconds(2), 1);
      List<String> committee;
      String cosignerSaid;
      try (DeviceProcess b = DeviceProcess.start(tmp, name + "-cosign", home(device), pw, "sign",
          "--join", joinCode, "--yes")) {
        committee = awaitStart(relay, jc.session(), b, a);
        if (whileSigning) {
          awaitLine(b, "sign: signature 1 of 1 (ecdsa)");
        }
        b.kill();
        cosignerSaid = b.err();
      }
      long killed = System.nanoTime();
      int exit = a.awaitExit(timeout + 30);
      long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - killed);
      err = a.err();
      assertNotEquals(0, exit, err);
      assertTrue(seconds <= timeout + 5, "the sender took " + seconds + " s after the kill, its "
          + "--timeout is " + timeout + " s:\n" + err);
      // The initiator is the committee's first member; the killed co-signer the second.
      String initiator = committee.get(0);
      String cosigner = committee.get(1);
      assertTrue(err.contains("timed out") && err.contains("waiting for " + cosigner), err);
      assertTrue(err.contains("[culprit: " + cosigner + "]"), err);
      assertFalse(err.contains("culprit: " + initiator), err);
      assertTrue(err.contains("nothing was signed"), err);
      // The name blamed is the one the killed device showed its user as it joined.
      assertTrue(cosignerSaid.contains("joining as " + cosigner + "\n"), cosignerSaid);
      assertFalse(a.out().contains("raw"), a.out());
    }
    // Nothing reached the node: the vault's nonce and the recipient's balance did not move.
    assertEquals(nonce, nonce(from));
    assertEquals(before, anvil.balance(ETH_TO));
    return err;
  }

  /** Waits (at most 60 s) for a line in a running device's stderr; fails if it ends first. */
  private static void awaitLine(DeviceProcess d, String line) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!d.err().contains(line)) {
      if (!d.isAlive() || System.nanoTime() > until) {
        fail(d + " ended or overstayed before printing '" + line + "':\n" + d.err());
      }
      Thread.sleep(5);
    }
  }

  @Test
  void liteSvmExecutesASolanaTransferSignedByTwoProcesses() throws Exception {
    String blockhash = LiteSvm.blockhash();
    String from = address(Chain.SOLANA);
    Path code = tmp.resolve("sol-code");
    JsonObject sent;
    try (DeviceProcess a = DeviceProcess.start(tmp, "sol-send", home(2), pw, "send", "--vault", VAULT,
            "--chain", "solana", "--to", SOL_TO, "--amount", "0.25", "--blockhash", blockhash,
            "--yes", "--json", "--code-file", code.toString(), "--no-qr", "--timeout", "60")) {
      String joinCode = a.awaitFile(code, 60);
      try (DeviceProcess b = DeviceProcess.start(tmp, "sol-cosign", home(3), pw, "sign", "--join",
          joinCode, "--yes")) {
        assertEquals(0, b.awaitExit(90), b.err());
        assertEquals(0, a.awaitExit(90), a.err());
        String shown = afterHeader(b.err(), "as this device built it:");
        assertTrue(shown.contains("0.25 SOL") && shown.contains(SOL_TO), shown);
      }
      sent = JsonParser.parseString(a.out().strip()).getAsJsonObject();
    }
    assertEquals(from, sent.get("from").getAsString());

    byte[] raw = Base64.getDecoder().decode(sent.get("raw").getAsString());
    byte[] flipped = raw.clone();
    flipped[40] ^= 0x04; // inside the first (only) signature
    Map<String, JsonObject> out = LiteSvm.execute(from, SOL_TO, "1000000000",
        Map.of("signed", raw, "flipped", flipped));
    JsonObject signed = out.get("signed");
    assertTrue(signed.get("ok").getAsBoolean(), signed.toString());
    assertEquals(sent.get("txHash").getAsString(), signed.get("signature").getAsString());
    assertEquals("250000000", signed.get("recipientBalance").getAsString());
    JsonObject bad = out.get("flipped");
    assertFalse(bad.get("ok").getAsBoolean(), bad.toString());
    assertEquals("SignatureFailure", bad.get("error").getAsString());
  }

  /** Polls the relay until the initiator started the session; fails if either device ends first. */
  private static List<String> awaitStart(RelayClient relay, String session, DeviceProcess cosigner,
      DeviceProcess initiator) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < until) {
      Optional<List<String>> started = relay.started(session);
      if (started.isPresent()) {
        return started.get();
      }
      if (!cosigner.isAlive() || !initiator.isAlive()) {
        fail("a device ended before the session started:\n" + cosigner.err() + "\n" + initiator.err());
      }
      Thread.sleep(10);
    }
    fail("the session did not start within 60 s:\n" + cosigner.err());
    return null;
  }

  /** The lines after {@code header} in a device's stderr: what it showed for approval. */
  private static String afterHeader(String err, String header) {
    int at = err.indexOf(header);
    assertTrue(at >= 0, "no '" + header + "' in:\n" + err);
    return err.substring(at + header.length());
  }

  private static BigInteger nonce(String address) throws Exception {
    return new BigInteger(anvil.rpc("eth_getTransactionCount", address, "pending").getAsString()
        .substring(2), 16);
  }

  private static String address(Chain chain) {
    HexFormat hex = HexFormat.of();
    return chain.address(hex.parseHex(vault.get("publicKeyEcdsa").getAsString()),
        hex.parseHex(vault.get("publicKeyEddsa").getAsString()),
        hex.parseHex(vault.get("chainCode").getAsString()));
  }

  private static JsonObject show(int device) {
    CliRun r = CliRun.of("vault", "show", VAULT, "--home", home(device).toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  private static Path home(int device) {
    return tmp.resolve("device" + device);
  }
}
