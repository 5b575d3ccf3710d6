package dev.keyshard.chains.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.cosmos.proto.TxProto.TxRaw;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.verify.Verifiers;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signed sends on all three chains, checked by interop/cosmos-verify.mjs (cosmjs-types decodes,
 * noble verifies the secp256k1 signature over the SignDoc it rebuilds, as a node's ante handler
 * does): valid, and the decoded sender, recipient, amount, denom, fee, gas, sequence and memo are
 * the intent's. Each tampered copy changes one thing only — a signature bit, the account number
 * or chain id the verifier assumes, the amount inside the body — and must be invalid.
 */
class CosmosVerifyTest {
  static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("cosmos-verify");
  static final String COSMOS_TO = "cosmos1zt50azupanqlfam5afhv3hexwyutnukeh4c573";
  static final String THOR_TO = "thor1e2ryt8asq4gu0h6z2sx9u7rfrykgxwkmr9upxn";
  /** The same 20 bytes as THOR_TO, under MayaChain's prefix. */
  static final String MAYA_TO = "maya1e2ryt8asq4gu0h6z2sx9u7rfrykgxwkmrjzdsr";

  record Case(TransactionIntent intent, String amount, String denom, String fee, String gas) {}

  static List<Case> cases() {
    return List.of(
        new Case(TransactionIntent.builder(Chain.COSMOS).put("to", COSMOS_TO).put("amount", "1.25")
            .put("accountNumber", "123456").put("sequence", "7").put("memo", "keyshard → cosmos")
            .build(), "1250000", "uatom", "7500", "200000"),
        new Case(TransactionIntent.builder(Chain.THORCHAIN).put("to", THOR_TO).put("amount", "0.5")
            .put("accountNumber", "593").put("sequence", "0").build(),
            "50000000", "rune", "0", "20000000"),
        new Case(TransactionIntent.builder(Chain.MAYACHAIN).put("to", MAYA_TO)
            .put("amount", "12.0000000001").put("accountNumber", "42").put("sequence", "3")
            .put("memo", "hello maya").put("fee", "0.5").put("gas", "3000000000").build(),
            "120000000001", "cacao", "5000000000", "3000000000"));
  }

  @Test
  void signedSendsVerifyAndDecodeToTheIntent() throws Exception {
    List<Case> cases = cases();
    JsonArray input = new JsonArray();
    for (Case c : cases) {
      SignedTransaction tx = sign(c.intent());
      input.add(request(tx, chainId(c.intent()), c.intent().string("accountNumber")));
    }
    JsonArray out = run(input);
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      JsonObject o = out.get(i).getAsJsonObject();
      String what = c.intent().chain().displayName();
      assertTrue(o.get("valid").getAsBoolean(), what + ": " + o.get("reason").getAsString());
      CosmosNetwork n = CosmosNetwork.of(c.intent().chain());
      assertEquals(n.sendMessage().typeUrl(), o.get("typeUrl").getAsString(), what);
      assertEquals(vaultAddress(c.intent().chain()), o.get("from").getAsString(), what);
      assertEquals(c.intent().string("to"), o.get("to").getAsString(), what);
      assertEquals(c.amount(), o.get("amount").getAsString(), what);
      assertEquals(c.denom(), o.get("denom").getAsString(), what);
      assertEquals(c.fee(), o.get("fee").getAsString(), what);
      if (!c.fee().equals("0")) {
        assertEquals(c.denom(), o.get("feeDenom").getAsString(), what);
      }
      assertEquals(c.gas(), o.get("gas").getAsString(), what);
      assertEquals(c.intent().string("sequence"), o.get("sequence").getAsString(), what);
      assertEquals(c.intent().string("memo", ""), o.get("memo").getAsString(), what);
    }
  }

  @Test
  void tamperedCopiesAreInvalid() throws Exception {
    JsonArray input = new JsonArray();
    List<String> names = new ArrayList<>();
    for (Case c : cases()) {
      TransactionIntent intent = c.intent();
      String chain = intent.chain().displayName();
      SignedTransaction tx = sign(intent);
      String account = intent.string("accountNumber");
      TxRaw raw = TxRaw.parseFrom(tx.raw());

      byte[] sig = raw.getSignatures(0).toByteArray();
      sig[17] ^= 0x01;
      input.add(request(tx, raw.toBuilder().setSignatures(0, ByteString.copyFrom(sig)).build(),
          chainId(intent), account));
      names.add(chain + ": flipped signature bit");

      input.add(request(tx, chainId(intent), String.valueOf(Long.parseLong(account) + 1)));
      names.add(chain + ": other account number");

      input.add(request(tx, chainId(intent) + "x", account));
      names.add(chain + ": other chain id");

      // The body of the same send with 1 more base unit, under the original signature.
      CosmosSend more = CosmosTransactionBuilder.send(intent.with("amount",
          new java.math.BigDecimal(intent.string("amount")).add(java.math.BigDecimal.ONE
              .movePointLeft(CosmosNetwork.of(intent.chain()).decimals())).toPlainString()),
          ((CosmosUnsignedTransaction) Transactions.build(intent, SIGNER.keys())).send().publicKey());
      input.add(request(tx, raw.toBuilder().setBodyBytes(ByteString.copyFrom(more.bodyBytes()))
          .build(), chainId(intent), account));
      names.add(chain + ": amount raised in the body");
    }
    JsonArray out = run(input);
    assertEquals(names.size(), out.size());
    for (int i = 0; i < names.size(); i++) {
      JsonObject o = out.get(i).getAsJsonObject();
      assertFalse(o.get("valid").getAsBoolean(), names.get(i) + " was accepted");
      // One fault each: everything else still decodes and matches; only the signature fails.
      assertEquals("signature does not verify over the SignDoc", o.get("reason").getAsString(),
          names.get(i));
    }
  }

  static SignedTransaction sign(TransactionIntent intent) throws Exception {
    var unsigned = Transactions.build(intent, SIGNER.keys());
    return unsigned.assemble(SIGNER.signAll(unsigned));
  }

  static String vaultAddress(Chain chain) {
    return chain.address(SIGNER.keys().rootEcdsa(), SIGNER.keys().rootEddsa(),
        SIGNER.keys().chainCode());
  }

  static String chainId(TransactionIntent intent) throws Exception {
    return intent.string("chainId", CosmosNetwork.of(intent.chain()).defaultChainId());
  }

  static JsonObject request(SignedTransaction tx, String chainId, String accountNumber)
      throws Exception {
    return request(tx, TxRaw.parseFrom(tx.raw()), chainId, accountNumber);
  }

  static JsonObject request(SignedTransaction tx, TxRaw raw, String chainId, String accountNumber) {
    JsonObject o = new JsonObject();
    o.addProperty("txBytes", Base64.getEncoder().encodeToString(raw.toByteArray()));
    o.addProperty("chainId", chainId);
    o.addProperty("accountNumber", accountNumber);
    o.addProperty("from", tx.from());
    o.addProperty("hrp", CosmosNetwork.of(tx.chain()).hrp());
    return o;
  }

  static JsonArray run(JsonArray input) throws Exception {
    Verifiers.Run run = Verifiers.node("cosmos-verify.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    return JsonParser.parseString(run.stdout()).getAsJsonArray();
  }
}
