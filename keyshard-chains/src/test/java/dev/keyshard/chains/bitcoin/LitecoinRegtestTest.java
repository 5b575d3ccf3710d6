package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.Bech32;
import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.ScriptWitness;
import fr.acinq.bitcoin.Transaction;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real node accepts what Keyshard builds: litecoind (regtest) funds the vault's P2WPKH
 * (m/84'/2'/0'/0/0) and BIP-86 P2TR (m/86'/2'/0'/0/0) scripts with coinbases, and one
 * Keyshard-built transaction spending both, signed by {@link PlainKeySigner}, passes
 * {@code testmempoolaccept}, is broadcast and mined. A copy with one signature bit flipped is
 * refused with the node's own reason.
 */
@Timeout(180)
class LitecoinRegtestTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("ltc-regtest");

  @Test
  void spendsP2wpkhAndP2trInOneTransaction() throws Exception {
    try (LitecoinRegtest node = LitecoinRegtest.start()) {
      String wpkh = node.fund(KmpScripts.p2wpkh(KmpScripts.childKey(VAULT, "m/84/2/0/0/0")));
      String tr = node.fund(KmpScripts.p2tr(KmpScripts.childKey(VAULT, "m/86/2/0/0/0")));
      node.mature();

      byte[] other = KmpScripts.childKey(PlainKeySigner.fromLabel("ltc-recipient"), "m/84/2/0/0/0");
      String to = Bech32.encodeWitnessAddress("rltc", (byte) 0, Crypto.hash160(other));
      double fundedEach = Double.parseDouble(wpkh.split(":")[2]);
      String amount = fundedEach >= 50 ? "60" : "1.5";
      UnsignedTransaction tx = Transactions.build(TransactionIntent.builder(Chain.LITECOIN)
          .put("network", "regtest").put("to", to).put("amount", amount)
          .put("utxos", List.of(wpkh + ":p2wpkh", tr + ":p2tr")).put("feeRate", "10").build(),
          VAULT.keys());
      assertEquals(2, tx.signingRequests().size(), "both coinbases are needed");
      assertTrue(tx.summary().from().startsWith("rltc1q"), tx.summary().from());
      SignedTransaction signed = tx.assemble(VAULT.signAll(tx));

      for (int input = 0; input < 2; input++) {
        JsonObject refused = node.testMempoolAccept(tamperSignature(signed.encoded(), input));
        assertFalse(refused.get("allowed").getAsBoolean(), refused.toString());
        String reason = refused.get("reject-reason").getAsString();
        System.out.println("input " + input + " tampered: " + reason);
        assertTrue(reason.contains("script-verify-flag") || reason.contains("Schnorr")
            || reason.contains("signature"), reason);
      }

      JsonObject verdict = node.testMempoolAccept(signed.encoded());
      assertTrue(verdict.get("allowed").getAsBoolean(), verdict.toString());
      String txid = node.call("sendrawtransaction", signed.encoded()).getAsString();
      assertEquals(signed.txHash(), txid);
      node.mine(1);
      JsonElement out = node.call("gettxout", txid, 0);
      assertFalse(out.isJsonNull(), "the payment is an unspent output");
      assertEquals(1, out.getAsJsonObject().get("confirmations").getAsInt());
    }
  }

  /** The same transaction with one bit of input {@code index}'s signature flipped. */
  static String tamperSignature(String hex, int index) {
    Transaction t = Transaction.read(hex);
    List<ByteVector> stack = t.txIn.get(index).witness.stack;
    byte[] sig = stack.get(0).toByteArray();
    sig[8] ^= 0x01;
    List<ByteVector> changed = new java.util.ArrayList<>(stack);
    changed.set(0, new ByteVector(sig));
    return HexFormat.of().formatHex(Transaction.write(t.updateWitness(index, new ScriptWitness(changed))));
  }
}
