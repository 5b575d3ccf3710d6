package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.evm.Anvil;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real nodes: a 2-of-3 vault made by DKLs23, {@code keyshard send --rpc} with
 * two of its shares (the node supplies nonce and fees, the threshold protocol signs), and the node
 * mines the transaction from the vault's address.
 */
class SendOnNodesTest {
  @TempDir Path tmp;

  @Test
  void anvilMinesAThresholdSignedTransferFromTheVault() throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "Password123!\n");
    CliRun k = CliRun.of("keygen", "--vault", "On anvil", "-t", "2", "-n", "3", "--out",
        tmp.resolve("shares").toString(), "--password-file", pw.toString(), "--json");
    assertEquals(0, k.exitCode(), k.err());
    List<String> shares = new ArrayList<>();
    JsonParser.parseString(k.out()).getAsJsonObject().getAsJsonArray("shares")
        .forEach(s -> shares.add(s.getAsString()));
    String to = "0x000000000000000000000000000000000000dEaD";
    try (Anvil anvil = Anvil.start(31337)) {
      CliRun dry = CliRun.of("send", "--chain", "ethereum", "--chain-id", "31337", "--to", to,
          "--amount", "0.25", "--nonce", "0", "--max-fee", "1", "--priority-fee", "1",
          "--shares", shares.get(0),
          "--dry-run", "--password-file", pw.toString());
      assertEquals(0, dry.exitCode(), dry.err());
      String from = dry.err().replaceAll("(?s).*from:\\s+(0x[0-9a-fA-F]{40}).*", "$1");
      anvil.setBalance(from, new BigInteger("10000000000000000000"));
      BigInteger before = anvil.balance(to);

      CliRun r = CliRun.of("send", "--chain", "ethereum", "--chain-id", "31337", "--to", to,
          "--amount", "0.25", "--shares", shares.get(1), shares.get(2), "--rpc", anvil.url(),
          "--yes", "--json", "--password-file", pw.toString());
      assertEquals(0, r.exitCode(), r.err());
      JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
      assertTrue(r.err().contains("the node accepted it as " + o.get("txHash").getAsString()), r.err());
      JsonObject receipt = anvil.receipt(o.get("txHash").getAsString());
      assertEquals("0x1", receipt.get("status").getAsString());
      assertEquals(from.toLowerCase(), anvil.sender(o.get("txHash").getAsString()).toLowerCase());
      assertEquals(before.add(new BigInteger("250000000000000000")), anvil.balance(to));

      // The same nonce again (it is now used): the node refuses, and send says so, not success.
      CliRun again = CliRun.of("send", "--chain", "ethereum", "--chain-id", "31337", "--to", to,
          "--amount", "0.25", "--nonce", "0", "--shares", shares.get(1), shares.get(2), "--rpc",
          anvil.url(), "--yes", "--json", "--password-file", pw.toString());
      assertEquals(1, again.exitCode(), again.err());
      assertTrue(again.err().contains("the node refused the transaction"), again.err());
    }
  }
}
