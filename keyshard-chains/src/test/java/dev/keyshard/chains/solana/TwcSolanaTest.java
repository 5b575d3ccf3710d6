package dev.keyshard.chains.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.verify.Verifiers;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust Wallet Core (WASM) compiles the same SOL transfers with its own code
 * (interop/twc-solana.mjs): its message to sign ({@code preImageHashes}) must equal ours byte for
 * byte — plain, with a priority fee with and without a compute-unit limit, to the vault itself,
 * the smallest and largest amounts — and its wire transaction from our signature
 * ({@code compileWithSignatures}) must equal our assembled one; a flipped signature bit makes
 * wallet-core refuse to compile.
 */
class TwcSolanaTest {
  @Test
  void messagesAndWireBytesEqualTrustWalletCores() throws Exception {
    String self = SolanaAddress.ofVault(SolanaTransferBuilderTest.VAULT.keys()).toString();
    List<TransactionIntent.Builder> intents = List.of(
        SolanaTransferBuilderTest.transfer(),
        SolanaTransferBuilderTest.transfer().put("priorityFee", "12345").put("computeUnits", "777"),
        SolanaTransferBuilderTest.transfer().put("priorityFee", "18446744073709551615")
            .put("computeUnits", "1400000"),
        SolanaTransferBuilderTest.transfer().put("priorityFee", "1"),
        SolanaTransferBuilderTest.transfer().put("to", self).put("amount", "0.000000001"),
        SolanaTransferBuilderTest.transfer().put("amount", "18446744073.709551615"));
    JsonArray input = new JsonArray();
    List<SolanaUnsignedTransaction> built = new java.util.ArrayList<>();
    List<SignedTransaction> signed = new java.util.ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (TransactionIntent.Builder b : intents) {
      TransactionIntent intent = b.build();
      SolanaUnsignedTransaction tx = SolanaTransferBuilderTest.build(b);
      ChainSignature sig = SolanaTransferBuilderTest.VAULT.sign(tx.signingRequests().get(0));
      built.add(tx);
      signed.add(tx.assemble(List.of(sig)));
      JsonObject o = new JsonObject();
      o.addProperty("sender", self);
      o.addProperty("recipient", intent.string("to"));
      o.addProperty("lamports", dev.keyshard.chains.tx.Amounts.parse("amount", intent.string("amount"),
          SolanaTransferBuilder.DECIMALS).toString());
      o.addProperty("recentBlockhash", intent.string("recentBlockhash"));
      if (intent.has("priorityFee")) {
        o.addProperty("priorityFee", intent.string("priorityFee"));
      }
      if (intent.has("computeUnits")) {
        o.addProperty("computeUnits", intent.string("computeUnits"));
      }
      o.addProperty("signature", hex.formatHex(sig.bytes()));
      o.addProperty("publicKey", hex.formatHex(SolanaTransferBuilderTest.VAULT.keys().rootEddsa()));
      input.add(o);
    }
    Verifiers.Run run = Verifiers.node("twc-solana.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonArray out = JsonParser.parseString(run.stdout()).getAsJsonArray();
    assertEquals(intents.size(), out.size());
    for (int i = 0; i < built.size(); i++) {
      JsonObject o = out.get(i).getAsJsonObject();
      assertEquals(o.get("message").getAsString(), hex.formatHex(built.get(i).message()), "message " + i);
      assertEquals(o.get("encoded").getAsString(), signed.get(i).encoded(), "wire transaction " + i);
    }

    // The first transfer again with one signature bit flipped: wallet-core verifies and refuses.
    JsonObject tampered = input.get(0).getAsJsonObject().deepCopy();
    byte[] sig = hex.parseHex(tampered.get("signature").getAsString());
    sig[3] ^= 0x01;
    tampered.addProperty("signature", hex.formatHex(sig));
    JsonArray one = new JsonArray();
    one.add(tampered);
    Verifiers.Run refused = Verifiers.node("twc-solana.mjs", one.toString());
    assertEquals(1, refused.exitCode(), refused.stdout());
    assertTrue(refused.stderr().contains("wallet-core:"), refused.stderr());
  }
}
