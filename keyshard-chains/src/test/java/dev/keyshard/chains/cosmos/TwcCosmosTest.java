package dev.keyshard.chains.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.verify.Verifiers;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust Wallet Core (WASM) builds the same sends with its own code (interop/twc-cosmos.mjs): its
 * pre-image (SignDoc bytes) and hash must equal our signing request, and the TxRaw it compiles
 * with our signature must be byte-identical to ours. Cosmos uses CoinType.cosmos (bank
 * MsgSend), THORChain CoinType.thorchain (/types.MsgSend); MayaChain has no coin type in the npm
 * build and is built as CoinType.thorchain with Maya's chain id and denom (what Vultisig does).
 */
class TwcCosmosTest {
  @Test
  void preImagesAndCompiledTransactionsEqualOurs() throws Exception {
    List<CosmosVerifyTest.Case> cases = CosmosVerifyTest.cases();
    JsonArray input = new JsonArray();
    HexFormat hex = HexFormat.of();
    for (CosmosVerifyTest.Case c : cases) {
      input.add(twcInput(c.intent(), hex));
    }
    Verifiers.Run run = Verifiers.node("twc-cosmos.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonArray out = JsonParser.parseString(run.stdout()).getAsJsonArray();
    assertEquals(cases.size(), out.size());
    for (int i = 0; i < cases.size(); i++) {
      TransactionIntent intent = cases.get(i).intent();
      CosmosUnsignedTransaction tx =
          (CosmosUnsignedTransaction) Transactions.build(intent, CosmosVerifyTest.SIGNER.keys());
      JsonObject o = out.get(i).getAsJsonObject();
      String what = intent.chain().displayName();
      assertEquals(hex.formatHex(tx.send().signDoc()), o.get("data").getAsString(), what);
      assertEquals(hex.formatHex(tx.signingRequests().get(0).message()),
          o.get("dataHash").getAsString(), what);
      assertEquals(CosmosVerifyTest.sign(intent).encoded(), o.get("txBytes").getAsString(), what);
      if (tx.send().network() != CosmosNetwork.MAYACHAIN) {
        // wallet-core's registry: the same mainnet chain id and the same address for the key.
        assertEquals(tx.send().network().defaultChainId(), o.get("chainId").getAsString(), what);
        assertEquals(tx.send().from().toString(), o.get("address").getAsString(), what);
      }
    }
  }

  @Test
  void aChangedFieldOnOurSideNoLongerMatches() throws Exception {
    // The comparison is not vacuous: wallet-core's pre-image of the intent differs from ours
    // when only our sequence is one higher.
    TransactionIntent intent = CosmosVerifyTest.cases().get(1).intent();
    JsonArray input = new JsonArray();
    input.add(twcInput(intent, HexFormat.of()));
    Verifiers.Run run = Verifiers.node("twc-cosmos.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    String theirs = JsonParser.parseString(run.stdout()).getAsJsonArray().get(0).getAsJsonObject()
        .get("dataHash").getAsString();
    CosmosUnsignedTransaction ours = (CosmosUnsignedTransaction) Transactions.build(
        intent.with("sequence", "1"), CosmosVerifyTest.SIGNER.keys());
    assertNotEquals(HexFormat.of().formatHex(ours.signingRequests().get(0).message()), theirs);
  }

  private static JsonObject twcInput(TransactionIntent intent, HexFormat hex) throws Exception {
    CosmosUnsignedTransaction tx =
        (CosmosUnsignedTransaction) Transactions.build(intent, CosmosVerifyTest.SIGNER.keys());
    CosmosSend s = tx.send();
    SignedTransaction signed = CosmosVerifyTest.sign(intent);
    byte[] signature = dev.keyshard.chains.cosmos.proto.TxProto.TxRaw.parseFrom(signed.raw())
        .getSignatures(0).toByteArray();
    JsonObject o = new JsonObject();
    o.addProperty("coin", s.network() == CosmosNetwork.COSMOS ? "cosmos" : "thorchain");
    o.addProperty("chainId", s.chainId());
    o.addProperty("accountNumber", s.accountNumber().toString());
    o.addProperty("sequence", s.sequence().toString());
    o.addProperty("memo", s.memo());
    o.addProperty("gas", s.gas().toString());
    o.addProperty("fee", s.fee().toString());
    o.addProperty("denom", s.network().denom());
    o.addProperty("amount", s.amount().toString());
    o.addProperty("from", s.from().toString());
    o.addProperty("to", s.to().toString());
    o.addProperty("fromHex", hex.formatHex(s.from().bytes()));
    o.addProperty("toHex", hex.formatHex(s.to().bytes()));
    o.addProperty("publicKey", hex.formatHex(s.publicKey()));
    o.addProperty("signature", hex.formatHex(signature));
    return o;
  }
}
