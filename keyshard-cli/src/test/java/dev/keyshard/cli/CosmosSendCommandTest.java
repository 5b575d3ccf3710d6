package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.verify.Verifiers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard send} on THORChain and the Cosmos Hub with two shares of a 2-of-3 vault: the
 * threshold signers (DKLs23, with the chain's derivation tweak) sign the SignDoc, and
 * interop/cosmos-verify.mjs (cosmjs-types + noble) accepts the printed transaction as sent from
 * the vault's own address with the requested amount, and rejects it under another account number.
 */
class CosmosSendCommandTest {
  @TempDir static Path tmp;
  static Path pw;
  static List<String> shares = new ArrayList<>();

  @BeforeAll
  static void vault() throws Exception {
    ShareFiles v = ShareFiles.keygen(tmp, "Cosmos send test");
    pw = v.password();
    shares.addAll(v.shares());
  }

  private static String address(String chain) {
    CliRun a = CliRun.of("address", "--vault", shares.get(0), "--chain", chain,
        "--password-file", pw.toString());
    assertEquals(0, a.exitCode(), a.err());
    return a.out().strip().replaceAll("(?s).*\\b(" + (chain.equals("cosmos") ? "cosmos" : "thor")
        + "1[02-9ac-hj-np-z]{38})\\b.*", "$1");
  }

  private static JsonObject send(String chain, String to, String amount) {
    CliRun r = CliRun.of("send", "--chain", chain, "--to", to, "--amount", amount,
        "--account-number", "77", "--sequence", "4", "--memo", "keyshard",
        "--shares", shares.get(0), shares.get(2), "--yes", "--json",
        "--password-file", pw.toString(), "--home", tmp.resolve("home").toString());
    assertEquals(0, r.exitCode(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject();
  }

  @Test
  void thresholdSignedSendsVerifyFromTheVaultsAddress() throws Exception {
    String thor = address("thorchain");
    String cosmos = address("cosmos");
    JsonObject thorTx = send("thorchain", "thor1e2ryt8asq4gu0h6z2sx9u7rfrykgxwkmr9upxn", "0.25");
    JsonObject cosmosTx = send("cosmos", "cosmos1zt50azupanqlfam5afhv3hexwyutnukeh4c573", "3");
    assertEquals(thor, thorTx.get("from").getAsString());
    assertEquals(cosmos, cosmosTx.get("from").getAsString());

    JsonArray input = new JsonArray();
    input.add(request(thorTx, "thorchain-1", "77", "thor"));
    input.add(request(cosmosTx, "cosmoshub-4", "77", "cosmos"));
    input.add(request(thorTx, "thorchain-1", "78", "thor"));
    Verifiers.Run run = Verifiers.node("cosmos-verify.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonArray out = JsonParser.parseString(run.stdout()).getAsJsonArray();
    JsonObject t = out.get(0).getAsJsonObject();
    assertTrue(t.get("valid").getAsBoolean(), t.toString());
    assertEquals("25000000", t.get("amount").getAsString());
    assertEquals("rune", t.get("denom").getAsString());
    assertEquals("4", t.get("sequence").getAsString());
    assertEquals("keyshard", t.get("memo").getAsString());
    JsonObject c = out.get(1).getAsJsonObject();
    assertTrue(c.get("valid").getAsBoolean(), c.toString());
    assertEquals("3000000", c.get("amount").getAsString());
    assertEquals("uatom", c.get("denom").getAsString());
    assertTrue(!out.get(2).getAsJsonObject().get("valid").getAsBoolean(), "other account number");
  }

  private static JsonObject request(JsonObject tx, String chainId, String account, String hrp) {
    JsonObject o = new JsonObject();
    o.addProperty("txBytes", tx.get("raw").getAsString());
    o.addProperty("chainId", chainId);
    o.addProperty("accountNumber", account);
    o.addProperty("from", tx.get("from").getAsString());
    o.addProperty("hrp", hrp);
    return o;
  }
}
