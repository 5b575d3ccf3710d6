package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.verify.LiteSvm;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Solana path with real threshold signing: a 2-of-3 vault, {@code keyshard send
 * --chain solana} with two of its shares (FROST Ed25519 signs the message), and LiteSVM
 * (interop/sol-verify.mjs, signature verification on) executes the transfer from the vault's
 * address; the same transaction with one signature bit flipped is refused.
 */
class SolanaSendTest {
  private static final String RECIPIENT = "EN2sCsJ1WDV8UFqsiTXHcUPUxQ4juE71eCknHYYMifkd";

  @TempDir Path tmp;

  @Test
  void liteSvmExecutesAThresholdSignedTransferFromTheVault() throws Exception {
    String blockhash = LiteSvm.blockhash();

    ShareFiles v = ShareFiles.keygen(tmp, "On LiteSVM");
    Path pw = v.password();
    List<String> shares = v.shares();
    JsonObject made = v.made();
    HexFormat hex = HexFormat.of();
    String vault = Chain.SOLANA.address(hex.parseHex(made.get("publicKeyEcdsa").getAsString()),
        hex.parseHex(made.get("publicKeyEddsa").getAsString()), hex.parseHex(made.get("chainCode").getAsString()));

    CliRun r = CliRun.of("send", "--chain", "solana", "--to", RECIPIENT, "--amount", "0.25",
        "--blockhash", blockhash, "--cu-price", "5000", "--compute-units", "1000",
        "--shares", shares.get(0), shares.get(2), "--yes", "--json", "--password-file", pw.toString());
    assertEquals(0, r.exitCode(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals(vault, o.get("from").getAsString());

    byte[] raw = Base64.getDecoder().decode(o.get("raw").getAsString());
    byte[] flipped = raw.clone();
    flipped[40] ^= 0x04;
    Map<String, JsonObject> out = LiteSvm.execute(vault, RECIPIENT, "1000000000",
        Map.of("signed", raw, "flipped", flipped));
    JsonObject signed = out.get("signed");
    assertTrue(signed.get("ok").getAsBoolean(), signed.toString());
    assertEquals(o.get("txHash").getAsString(), signed.get("signature").getAsString());
    assertEquals("250000000", signed.get("recipientBalance").getAsString());
    // 0.25 SOL + 5000 lamports per signature + ⌈5000 × 1000 / 10^6⌉ = 5 lamports priority fee
    assertEquals(String.valueOf(1_000_000_000L - 250_000_000L - 5005), signed.get("payerBalance").getAsString());
    JsonObject bad = out.get("flipped");
    assertFalse(bad.get("ok").getAsBoolean(), bad.toString());
    assertEquals("SignatureFailure", bad.get("error").getAsString());
  }
}
