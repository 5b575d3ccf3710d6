package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.verify.Verifiers;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust Wallet Core (WASM) computes the signing payload and hash of the same unsigned EIP-1559,
 * legacy and ERC-20 transactions with its own code (interop/twc-evm.mjs): both must equal ours.
 */
class TwcEvmTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("evm-twc");

  @Test
  void preImageHashesEqualOurs() throws Exception {
    List<TransactionIntent> intents = List.of(
        EvmTransactionBuilderTest.eth().build(),
        TransactionIntent.builder(Chain.BSC).put("to", EvmTransactionBuilderTest.RECIPIENT)
            .put("amount", "0.25").put("nonce", "300").put("type", "legacy").put("gasPrice", "3.5").build(),
        TransactionIntent.builder(Chain.POLYGON).put("to", EvmTransactionBuilderTest.RECIPIENT).put("nonce", "7").put("maxFeePerGas", "30").put("maxPriorityFeePerGas", "1.5").put("token", EvmTransactionBuilderTest.TOKEN)
            .put("decimals", "6").put("amount", "12.345678").put("gasLimit", "65000").put("chainId", "137")
            .build(),
        TransactionIntent.builder(Chain.POLYGON).put("to", EvmTransactionBuilderTest.RECIPIENT)
            .put("amount", "7").put("nonce", "1").put("type", "legacy").put("gasPrice", "30")
            .put("token", EvmTransactionBuilderTest.TOKEN).put("decimals", "18").put("gasLimit", "70000")
            .build());
    JsonArray input = new JsonArray();
    List<EvmUnsignedTransaction> built = new java.util.ArrayList<>();
    for (TransactionIntent intent : intents) {
      EvmUnsignedTransaction tx = (EvmUnsignedTransaction) Transactions.build(intent, SIGNER.keys());
      built.add(tx);
      EvmTransaction t = tx.transaction();
      JsonObject o = new JsonObject();
      o.addProperty("type", t.type().intentName());
      o.addProperty("chainId", t.chainId().toString());
      o.addProperty("nonce", t.nonce().toString());
      o.addProperty("gasLimit", t.gasLimit().toString());
      if (t.type() == EvmTxType.EIP1559) {
        o.addProperty("maxFeePerGas", t.maxFeePerGas().toString());
        o.addProperty("maxPriorityFeePerGas", t.maxPriorityFeePerGas().toString());
      } else {
        o.addProperty("gasPrice", t.gasPrice().toString());
      }
      if (intent.has("token")) {
        o.addProperty("token", intent.string("token"));
        o.addProperty("tokenRecipient", intent.string("to"));
        byte[] data = t.data();
        o.addProperty("tokenAmount", new BigInteger(1, java.util.Arrays.copyOfRange(data, 36, 68)).toString());
      } else {
        o.addProperty("to", t.to().toString());
        o.addProperty("value", t.value().toString());
      }
      input.add(o);
    }
    Verifiers.Run run = Verifiers.node("twc-evm.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonArray out = JsonParser.parseString(run.stdout()).getAsJsonArray();
    assertEquals(intents.size(), out.size());
    for (int i = 0; i < built.size(); i++) {
      JsonObject o = out.get(i).getAsJsonObject();
      assertEquals(HexFormat.of().formatHex(built.get(i).transaction().signingPayload()),
          o.get("data").getAsString(), "payload " + i);
      assertEquals(HexFormat.of().formatHex(built.get(i).signingRequests().get(0).message()),
          o.get("dataHash").getAsString(), "hash " + i);
    }
  }
}
