package dev.keyshard.chains.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * LiteSVM, the Solana runtime in process (interop/sol-verify.mjs, signature and blockhash checks
 * on): the blockhash a fresh instance starts from, and the execution of signed transactions.
 */
public final class LiteSvm {
  private LiteSvm() {}

  /** A fresh LiteSVM's latest blockhash: every run of the script starts from it. */
  public static String blockhash() throws Exception {
    Verifiers.Run run = Verifiers.node("sol-verify.mjs", "", "blockhash");
    assertEquals(0, run.exitCode(), run.stderr());
    return JsonParser.parseString(run.stdout()).getAsJsonObject().get("blockhash").getAsString();
  }

  /**
   * Runs each transaction (label → wire bytes) in its own fresh LiteSVM where {@code payer} got
   * {@code airdrop} lamports; each result has {@code ok}, {@code signature}, {@code error},
   * {@code payerBalance} and {@code recipientBalance}, keyed by its label.
   */
  public static Map<String, JsonObject> execute(String payer, String recipient, String airdrop,
      Map<String, byte[]> txs) throws Exception {
    JsonObject input = new JsonObject();
    input.addProperty("payer", payer);
    input.addProperty("recipient", recipient);
    input.addProperty("airdrop", airdrop);
    JsonArray list = new JsonArray();
    txs.forEach((label, raw) -> {
      JsonObject t = new JsonObject();
      t.addProperty("label", label);
      t.addProperty("txBase64", Base64.getEncoder().encodeToString(raw));
      list.add(t);
    });
    input.add("txs", list);
    Verifiers.Run run = Verifiers.node("sol-verify.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    Map<String, JsonObject> out = new LinkedHashMap<>();
    for (var e : JsonParser.parseString(run.stdout()).getAsJsonArray()) {
      out.put(e.getAsJsonObject().get("label").getAsString(), e.getAsJsonObject());
    }
    assertEquals(txs.keySet(), out.keySet());
    return out;
  }
}
