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
 *
 * <p>TW's older C++ signer ({@code Bitcoin.Proto.SigningInput} with a fixed {@code plan}, its
 * {@code PreSigningOutput.hashPublicKeys[].dataHash}) is run too for the P2WPKH and P2PKH cases
 * (it has no key-path taproot). It differs structurally in one field only: it always writes
 * transaction version 1 and has no field to change it, while Keyshard writes version 2 on
 * Bitcoin, Litecoin and Bitcoin Cash (as their Core wallets do). So its hashes are compared with
 * Keyshard's sighash functions applied to a version-1 copy of the same transaction; on Dogecoin,
 * version 1 already, they are the signing requests themselves.
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
    FundingTx dogeA = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "twc-a", 500_000_000L);
    FundingTx dogeB = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "twc-b", 1, 2,
        300_000_000L);
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
            .put("amount", "7.5").put("utxos", List.of(dogeA.utxo(0), dogeB.utxo(2)))
            .put("prevTxs", List.of(dogeA.hex(), dogeB.hex())).put("feeRate", "1000").build(),
        TransactionIntent.builder(Chain.BITCOIN_CASH).put("to", BitcoinCashVmTest.CASHADDR)
            .put("amount", "0.015").put("utxos", List.of(A + ":0:0.01", B + ":3:0.008"))
            .put("feeRate", "1").build());
    JsonArray cases = new JsonArray();
    List<List<String>> ours = new ArrayList<>();
    List<List<String>> oursAtVersion1 = new ArrayList<>();
    for (TransactionIntent intent : intents) {
      BitcoinUnsignedTransaction tx =
          (BitcoinUnsignedTransaction) Transactions.build(intent, VAULT.keys());
      cases.add(twcCase(tx, tx.unsignedTransaction()));
      ours.add(tx.signingRequests().stream().map(r -> hex(r.message())).toList());
      oursAtVersion1.add(sighashesAtVersion1(tx));
      if (intent.chain() == Chain.DOGECOIN) {
        assertEquals(ours.get(ours.size() - 1), oursAtVersion1.get(ours.size() - 1),
            "Dogecoin transactions are version 1: the legacy signer checks the requests themselves");
      }
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
      JsonObject result = out.get(c).getAsJsonObject();
      for (String api : List.of("v2", "legacy")) {
        if (!result.has(api)) {
          continue;
        }
        JsonArray hashes = result.getAsJsonArray(api);
        List<String> expected = api.equals("v2") ? ours.get(c) : oursAtVersion1.get(c);
        assertEquals(expected.size(), hashes.size(), "inputs of case " + c);
        for (int i = 0; i < hashes.size(); i++) {
          assertEquals(expected.get(i), hashes.get(i).getAsJsonObject().get("sighash").getAsString(),
              intents.get(c).chain().displayName() + " case " + c + " " + api + " input " + i);
        }
      }
    }
    JsonArray tampered = out.get(intents.size()).getAsJsonObject().getAsJsonArray("v2");
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
      o.addProperty("script", script);
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
    if (!inputs.toString().contains("p2tr")) {
      c.add("legacy", legacyPlan(tx, t));
    }
    return c;
  }

  /**
   * Keyshard's sighash functions on a copy of the transaction with version 1, the version TW's
   * older C++ signer always writes (it has no version field): equal to the signing requests on
   * Dogecoin, whose transactions are version 1 anyway.
   */
  private static List<String> sighashesAtVersion1(BitcoinUnsignedTransaction tx) {
    Transaction v1 = new Transaction(1, tx.unsignedTransaction().txIn,
        tx.unsignedTransaction().txOut, tx.unsignedTransaction().lockTime);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v1.txIn.size(); i++) {
      TxOut spent = tx.spentOutputs().get(i);
      byte[] script = spent.publicKeyScript.toByteArray();
      long amount = spent.amount.getSat();
      byte[] h = switch (UtxoChain.of(tx.chain())) {
        case BITCOIN, LITECOIN -> Sighashes.segwitV0(v1, i, Destination.script(ScriptType.P2PKH,
            java.util.Arrays.copyOfRange(script, 2, 22)), amount, Sighashes.ALL);
        case DOGECOIN -> Sighashes.legacy(v1, i, script, Sighashes.ALL);
        case BITCOIN_CASH -> Sighashes.forkId(v1, i, script, amount);
      };
      out.add(hex(h));
    }
    return out;
  }

  /** The same transaction as a fixed plan for TW's older C++ signer: to, change, amounts. */
  private static JsonObject legacyPlan(BitcoinUnsignedTransaction tx, Transaction t) {
    UtxoNetwork network = UtxoNetwork.all().stream().filter(n -> n.chain().chain() == tx.chain()
        && n.name().equals("mainnet")).findFirst().orElseThrow();
    String change = VaultScript.of(VAULT.keys(), network, UtxoChain.of(tx.chain())
        .defaultSpendType()).address();
    if (network.cashAddrPrefix() != null && !change.contains(":")) {
      change = network.cashAddrPrefix() + ":" + change;
    }
    long in = tx.spentOutputs().stream().mapToLong(o -> o.amount.getSat()).sum();
    long outs = t.txOut.stream().mapToLong(o -> o.amount.getSat()).sum();
    JsonObject l = new JsonObject();
    l.addProperty("to", tx.summary().to());
    l.addProperty("change", change);
    l.addProperty("amount", Long.toString(t.txOut.get(0).amount.getSat()));
    l.addProperty("changeAmount", Long.toString(t.txOut.size() > 1 ? t.txOut.get(1).amount.getSat() : 0));
    l.addProperty("fee", Long.toString(in - outs));
    return l;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
