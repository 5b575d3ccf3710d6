package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.verify.Verifiers;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Trust Wallet Core (WASM, interop/twc-bitcoin.mjs) computes the per-input signature hashes of
 * the same unsigned transactions with its own Rust signer (BitcoinV2 through
 * {@code TransactionCompiler.preImageHashes}): BIP-143 for P2WPKH on Bitcoin and Litecoin,
 * BIP-341 key-path (SIGHASH_DEFAULT) for P2TR, the legacy sighash for Dogecoin P2PKH, and
 * SIGHASH_ALL|FORKID for Bitcoin Cash. Each must equal the hash Keyshard asks the vault to sign.
 *
 * <p>TW is given the transaction exactly as Keyshard built it — inputs in Keyshard's order
 * (InputSelector.UseAll), both outputs with their amounts and scripts, version, lock time and
 * sequences — so it selects and orders nothing of its own; the comparison is input by input in
 * Keyshard's order. TW derives the spent scripts itself from the child public keys (P2WPKH,
 * P2PKH, and its own BIP-86 tweak for P2TR). A transaction changed by one satoshi must hash
 * differently (the check is not vacuous).
 */
class TwcBitcoinTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("btc-twc");
  static final String A = "a1".repeat(32);
  static final String B = "b2".repeat(32);
  static final String C = "c3".repeat(32);

  @Test
  void sighashesEqualTrustWalletCores() throws Exception {
    String ltcTo = fr.acinq.bitcoin.Bech32.encodeWitnessAddress("ltc", (byte) 0,
        fr.acinq.bitcoin.Crypto.hash160(KmpScripts.childKey(PlainKeySigner.fromLabel("x"),
            "m/84/2/0/0/0")));
    List<TransactionIntent> intents = List.of(
        TransactionIntent.builder(Chain.BITCOIN).put("to", BitcoinSpendTest.RECIPIENT)
            .put("amount", "0.015").put("utxos", List.of(A + ":0:0.01", B + ":1:0.008"))
            .put("feeRate", "10").build(),
        TransactionIntent.builder(Chain.BITCOIN).put("to", BitcoinSpendTest.RECIPIENT)
            .put("addressType", "p2tr").put("amount", "0.005")
            .put("utxos", List.of(A + ":3:0.004", B + ":0:0.002")).put("feeRate", "3.5").build(),
        TransactionIntent.builder(Chain.BITCOIN).put("to", "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr")
            .put("amount", "0.009").put("rbf", "false")
            .put("utxos", List.of(A + ":0:0.005:p2wpkh", B + ":0:0.006:p2tr")).put("fee", "0.00002").build(),
        TransactionIntent.builder(Chain.LITECOIN).put("to", ltcTo).put("amount", "1.25")
            .put("utxos", List.of(A + ":2:1", C + ":5:0.5")).put("feeRate", "2").build(),
        TransactionIntent.builder(Chain.LITECOIN).put("to", ltcTo).put("amount", "0.3")
            .put("addressType", "p2tr").put("utxos", List.of(B + ":9:0.4")).put("feeRate", "1").build(),
        TransactionIntent.builder(Chain.DOGECOIN).put("to", DogecoinSpendTest.RECIPIENT)
            .put("amount", "7.5").put("utxos", List.of(A + ":0:5", B + ":2:3"))
            .put("feeRate", "1000").build(),
        TransactionIntent.builder(Chain.BITCOIN_CASH).put("to", BitcoinCashVmTest.CASHADDR)
            .put("amount", "0.015").put("utxos", List.of(A + ":0:0.01", B + ":3:0.008"))
            .put("feeRate", "1").build());
    JsonArray cases = new JsonArray();
    List<List<String>> ours = new ArrayList<>();
    for (TransactionIntent intent : intents) {
      BitcoinUnsignedTransaction tx =
          (BitcoinUnsignedTransaction) Transactions.build(intent, VAULT.keys());
      cases.add(twcCase(tx, tx.unsignedTransaction()));
      ours.add(tx.signingRequests().stream().map(r -> hex(r.message())).toList());
    }
    // One satoshi less to the recipient of the first transaction: every hash must change.
    BitcoinUnsignedTransaction first =
        (BitcoinUnsignedTransaction) Transactions.build(intents.get(0), VAULT.keys());
    Transaction t = first.unsignedTransaction();
    Transaction lessPaid = t.updateOutputs(List.of(t.txOut.get(0).updateAmount(
        new fr.acinq.bitcoin.Satoshi(t.txOut.get(0).amount.getSat() - 1)), t.txOut.get(1)));
    cases.add(twcCase(first, lessPaid));

    Verifiers.Run run = Verifiers.node("twc-bitcoin.mjs", cases.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonArray out = JsonParser.parseString(run.stdout()).getAsJsonArray();
    assertEquals(cases.size(), out.size());
    for (int c = 0; c < intents.size(); c++) {
      JsonArray hashes = out.get(c).getAsJsonArray();
      assertEquals(ours.get(c).size(), hashes.size(), "inputs of case " + c);
      for (int i = 0; i < hashes.size(); i++) {
        assertEquals(ours.get(c).get(i), hashes.get(i).getAsJsonObject().get("sighash").getAsString(),
            intents.get(c).chain().displayName() + " case " + c + " input " + i);
      }
    }
    JsonArray tampered = out.get(intents.size()).getAsJsonArray();
    for (int i = 0; i < tampered.size(); i++) {
      assertNotEquals(ours.get(0).get(i), tampered.get(i).getAsJsonObject().get("sighash").getAsString());
    }
  }

  /** The transaction as twc-bitcoin.mjs takes it: Keyshard's inputs and outputs, in order. */
  private static JsonObject twcCase(BitcoinUnsignedTransaction tx, Transaction t) {
    UtxoChain chain = UtxoChain.of(tx.chain());
    JsonObject c = new JsonObject();
    c.addProperty("coin", switch (chain) {
      case BITCOIN -> "bitcoin";
      case LITECOIN -> "litecoin";
      case DOGECOIN -> "dogecoin";
      case BITCOIN_CASH -> "bitcoinCash";
    });
    c.addProperty("version", t.version);
    c.addProperty("lockTime", t.lockTime);
    JsonArray inputs = new JsonArray();
    for (int i = 0; i < t.txIn.size(); i++) {
      TxIn in = t.txIn.get(i);
      TxOut spent = tx.spentOutputs().get(i);
      SigningRequest r = tx.signingRequests().get(i);
      String script = hex(spent.publicKeyScript.toByteArray());
      String type = script.startsWith("0014") ? "p2wpkh" : script.startsWith("5120") ? "p2tr" : "p2pkh";
      JsonObject o = new JsonObject();
      o.addProperty("txid", in.outPoint.txid.toString());
      o.addProperty("vout", in.outPoint.index);
      o.addProperty("sequence", in.sequence);
      o.addProperty("value", Long.toString(spent.amount.getSat()));
      o.addProperty("type", type);
      o.addProperty("publicKey", hex(SigningRequest.ecdsa(r.path(), new byte[32])
          .signingKey(VAULT.keys()).publicKey()));
      o.addProperty("sighashType", type.equals("p2tr") ? 0
          : chain == UtxoChain.BITCOIN_CASH ? ForkIdSighash.ALL_FORKID : Sighashes.ALL);
      inputs.add(o);
    }
    c.add("inputs", inputs);
    JsonArray outputs = new JsonArray();
    for (TxOut o : t.txOut) {
      JsonObject j = new JsonObject();
      j.addProperty("value", Long.toString(o.amount.getSat()));
      j.addProperty("script", hex(o.publicKeyScript.toByteArray()));
      outputs.add(j);
    }
    c.add("outputs", outputs);
    return c;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
