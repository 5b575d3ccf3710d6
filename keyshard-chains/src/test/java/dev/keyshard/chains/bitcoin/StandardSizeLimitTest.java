package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.ScriptWitness;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The builder refuses, before signing, a spend nodes would not relay (policy
 * MAX_STANDARD_TX_WEIGHT, 400,000 weight units = 100,000 vB), and the boundary is litecoind's:
 * a transaction of the largest size the builder allows for K P2WPKH inputs (every signature at
 * its 72-byte maximum) passes the node's standardness check, the same with K + 1 inputs is
 * refused by the node as {@code tx-size} — and by the builder, naming the limit.
 */
@Timeout(120)
class StandardSizeLimitTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("ltc-standard-size");
  static final byte[] CHANGE = KmpScripts.p2wpkh(KmpScripts.childKey(VAULT, "m/84/2/0/0/0"));
  /** BitcoinRpcRegtestTest.TO's script. */
  static final byte[] TO_SCRIPT = KmpScripts.p2wpkh(KmpScripts.childKey(
      PlainKeySigner.fromLabel("ltc-rpc-recipient"), "m/84/2/0/0/0"));
  private static final int MAX_WEIGHT = 400_000;

  @Test
  void builderAndLitecoindAgreeOnTheLargestStandardSpend() throws Exception {
    int k = largestStandardInputCount();
    System.out.println("largest standard P2WPKH spend with change: " + k + " inputs, weight "
        + placeholder(k).weight() + "; " + (k + 1) + " inputs: " + placeholder(k + 1).weight());

    try (LitecoinRegtest node = LitecoinRegtest.start()) {
      JsonObject over = node.testMempoolAccept(hex(placeholder(k + 1)));
      System.out.println((k + 1) + " inputs: " + over);
      assertEquals("tx-size", over.get("reject-reason").getAsString(), over.toString());
      JsonObject under = node.testMempoolAccept(hex(placeholder(k)));
      System.out.println(k + " inputs: " + under);
      // Past standardness: only then does the node look the (made-up) inputs up.
      assertEquals("missing-inputs", under.get("reject-reason").getAsString(), under.toString());
    }

    // Building 1469 inputs takes seconds: bitcoin-kmp hashes all prevouts again for each
    // input's BIP-143 sighash (quadratic).
    UnsignedTransaction fits = Transactions.build(spendingAll(k), VAULT.keys());
    assertEquals(k, fits.signingRequests().size());
    assertTrue(fits.summary().toString().contains("~" + (placeholder(k).weight() + 3) / 4 + " vB"),
        fits.summary().toString());
    TransactionException tooBig = assertThrows(TransactionException.class,
        () -> Transactions.build(spendingAll(k + 1), VAULT.keys()));
    System.out.println((k + 1) + " inputs, builder: " + tooBig.getMessage());
    assertTrue(tooBig.getMessage().contains("standard limit of 100000 vB")
        && tooBig.getMessage().contains((k + 1) + " inputs"), tooBig.getMessage());
  }

  /** Dogecoin and Bitcoin Cash count bytes (no witness): 692 P2PKH inputs are over 100,000. */
  @Test
  void legacyChainsCountBytes() {
    List<String> utxos = fakeUtxos(700, "1");
    TransactionIntent doge = TransactionIntent.builder(Chain.DOGECOIN)
        .put("to", Chain.DOGECOIN.address(VAULT.keys().rootEcdsa(), VAULT.keys().rootEddsa(),
            VAULT.keys().chainCode()))
        .put("amount", "690").put("utxos", utxos).put("feeRate", "1000").put("maxFee", "10").build();
    String m = assertThrows(TransactionException.class,
        () -> Transactions.build(doge, VAULT.keys())).getMessage();
    assertTrue(m.contains("standard limit of 100000 bytes"), m);
  }

  /** The most P2WPKH inputs whose {@link #placeholder} weighs at most 400,000 (binary search). */
  private static int largestStandardInputCount() {
    int lo = 1;
    int hi = 4000; // 4000 inputs weigh far more than 400,000
    while (lo < hi) {
      int mid = (lo + hi + 1) / 2;
      if (placeholder(mid).weight() <= MAX_WEIGHT) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** An intent on regtest spending n made-up 0.01 LTC outputs, all of them needed. */
  private static TransactionIntent spendingAll(int n) {
    // n × 0.01 LTC less 0.005: n − 1 outputs cannot pay that plus a fee of ~0.001.
    String amount = java.math.BigDecimal.valueOf(n).movePointLeft(2)
        .subtract(new java.math.BigDecimal("0.005")).toPlainString();
    return LitecoinManyUtxosTest.intent(amount).put("utxos", fakeUtxos(n, "0.01"))
        .put("feeRate", "1").build();
  }

  private static List<String> fakeUtxos(int n, String amount) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(HexFormat.of().formatHex(fakeTxid(i)) + ":0:" + amount);
    }
    return out;
  }

  private static byte[] fakeTxid(int i) {
    return Crypto.sha256(ByteBuffer.allocate(4).putInt(i).array());
  }

  /**
   * The transaction the builder sizes for n P2WPKH inputs, built here with bitcoin-kmp: each
   * witness a 72-byte signature and a 33-byte key, a recipient and a change output.
   */
  private static Transaction placeholder(int n) {
    List<TxIn> ins = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ins.add(new TxIn(new OutPoint(new TxId(fakeTxid(i)), 0), ByteVector.empty, 0xfffffffdL,
          new ScriptWitness(List.of(new ByteVector(new byte[72]), new ByteVector(new byte[33])))));
    }
    List<TxOut> outs = List.of(new TxOut(new Satoshi(1_000_000), TO_SCRIPT),
        new TxOut(new Satoshi(1_000_000), CHANGE));
    return new Transaction(2, ins, outs, 0);
  }

  private static String hex(Transaction tx) {
    return HexFormat.of().formatHex(Transaction.write(tx));
  }
}
