package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dogecoin's legacy sighash signs no input amount, so the intent carries the spent outputs'
 * previous transactions ({@code prevTxs}) and the builder reads each amount and script from
 * them. A spend built that way passes bitcoin-kmp's interpreter against the outputs of those very
 * transactions (written by bitcoin-kmp, {@link FundingTx}); a missing or altered previous
 * transaction, an understated or overstated amount, and an output paying another script are each
 * refused before anything is signed. The co-signers' intent keeps only the spent transactions and
 * rebuilds the same signing requests.
 */
class DogecoinPrevTxTest {
  private static final PlainKeySigner VAULT = DogecoinSpendTest.VAULT;
  private static final FundingTx A = DogecoinSpendTest.FUND_A;
  private static final FundingTx B = DogecoinSpendTest.FUND_B;
  private static final FundingTx C = DogecoinSpendTest.FUND_C;

  private static TransactionIntent.Builder spend(List<String> utxos, List<FundingTx> prev) {
    return TransactionIntent.builder(Chain.DOGECOIN).put("to", DogecoinSpendTest.RECIPIENT)
        .put("amount", "7.5").put("feeRate", "1000").put("utxos", utxos)
        .put("prevTxs", prev.stream().map(FundingTx::hex).toList());
  }

  @Test
  void aSpendOfRealPreviousTransactionsVerifies() throws Exception {
    UnsignedTransaction tx = Transactions.build(spend(List.of(A.utxo(0), B.utxo(2)),
        List.of(A, B)).build(), VAULT.keys());
    assertTrue(tx.summary().details().contains("input amounts checked against their previous "
        + "transactions (Dogecoin's signature does not cover them)"), tx.summary().details().toString());
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    Map<OutPoint, TxOut> prevouts = prevoutsOf(Transaction.read(signed.encoded()), A, B);
    KmpScripts.verify(signed.encoded(), prevouts);
    Transaction t = Transaction.read(signed.encoded());
    long in = 500_000_000L + 300_000_000L;
    long out = t.txOut.stream().mapToLong(o -> o.amount.getSat()).sum();
    assertEquals(tx.summary().fee().split(" ")[0], UtxoChain.DOGECOIN.format(in - out).split(" ")[0],
        "the fee shown is what the previous transactions leave");

    byte[] sig = t.txIn.get(0).signatureScript.toByteArray();
    sig[10] ^= 0x01;
    String tampered = hex(t.updateSigScript(0, sig));
    assertThrows(RuntimeException.class, () -> KmpScripts.verify(tampered, prevouts));
  }

  @Test
  void aMissingPreviousTransactionIsNamed() {
    String m = error(spend(List.of(A.utxo(0), B.utxo(2)), List.of(A)));
    assertTrue(m.startsWith("'prevTxs' needs the transaction " + B.txid())
        && m.contains("'utxos' entry 2") && m.contains("do not cover input amounts"), m);
    String none = error(spend(List.of(A.utxo(0), B.utxo(2)), List.of()));
    assertTrue(none.startsWith("'prevTxs' needs the transaction " + A.txid()), none);
  }

  @Test
  void anAlteredPreviousTransactionHashesToAnotherTxid() {
    // B with its 3 DOGE output raised to 30: the same bytes otherwise, but not B's txid.
    Transaction b = B.tx();
    FundingTx altered = new FundingTx(b.updateOutputs(List.of(b.txOut.get(0), b.txOut.get(1),
        b.txOut.get(2).updateAmount(new Satoshi(3_000_000_000L)))));
    String m = error(spend(List.of(A.utxo(0), B.utxo(2)), List.of(A, altered)));
    assertTrue(m.startsWith("'prevTxs' needs the transaction " + B.txid())
        && m.contains("none of the 2 given hashes to that txid"), m);
  }

  @Test
  void understatedAndOverstatedAmountsAreRefused() {
    // A pays 5 DOGE: saying 4.9 would hide 0.1 DOGE of fee from every co-signer.
    String under = error(spend(List.of(A.txid() + ":0:4.9", B.utxo(2)), List.of(A, B)));
    assertTrue(under.startsWith("'utxos' entry 1 (" + A.txid() + ":0) states 4.9 DOGE but its "
        + "previous transaction pays 5 DOGE"), under);
    String over = error(spend(List.of(A.utxo(0), B.txid() + ":2:3.00000001"), List.of(A, B)));
    assertTrue(over.startsWith("'utxos' entry 2 (" + B.txid() + ":2) states 3.00000001 DOGE")
        && over.contains("pays 3 DOGE"), over);
    String noSuchOutput = error(spend(List.of(A.utxo(0), A.txid() + ":1:3"), List.of(A)));
    assertTrue(noSuchOutput.contains("has only 1 outputs"), noSuchOutput);
  }

  @Test
  void anOutputPayingAnotherScriptIsRefused() {
    byte[] other = KmpScripts.p2pkh(KmpScripts.childKey(VAULT, "m/44/3/0/0/1"));
    FundingTx elsewhere = FundingTx.paying(other, "elsewhere", 900_000_000L);
    String m = error(spend(List.of(elsewhere.utxo(0)), List.of(elsewhere)));
    assertTrue(m.startsWith("'utxos' entry 1 (" + elsewhere.txid() + ":0): its previous "
        + "transaction pays script " + hex(other)), m);
  }

  @Test
  void malformedEntriesAreNamed() {
    String notHex = error(spend(List.of(A.utxo(0)), List.of()).put("prevTxs", List.of("zz")));
    assertTrue(notHex.startsWith("'prevTxs' entry 1 must be a raw transaction in hex"), notHex);
    String trailing = error(spend(List.of(A.utxo(0)), List.of())
        .put("prevTxs", List.of(A.hex() + "00")));
    assertTrue(trailing.startsWith("'prevTxs' entry 1 has bytes after the transaction"), trailing);
    String twice = error(spend(List.of(A.utxo(0)), List.of(A, A)));
    assertTrue(twice.contains("lists transaction " + A.txid() + " twice"), twice);
  }

  @Test
  void coSignersReceiveOnlyTheSpentPreviousTransactions() throws Exception {
    // 7.5 DOGE needs A (5) and B (3); C (1) is listed but not spent.
    TransactionIntent full = spend(List.of(A.utxo(0), B.utxo(2), C.utxo(1)), List.of(C, A, B))
        .build();
    UnsignedTransaction tx = Transactions.build(full, VAULT.keys());
    TransactionIntent forCosigners = TransactionIntent.parse(tx.intent().toJson());
    assertEquals(List.of(A.utxo(0), B.utxo(2)), forCosigners.list("utxos"));
    assertEquals(List.of(A.hex(), B.hex()), forCosigners.list("prevTxs"));
    assertEquals(tx.signingRequests(),
        Transactions.build(forCosigners, VAULT.keys()).signingRequests());
  }

  @Test
  void previousTransactionsTooLargeForCoSignersAreRefused() {
    long[] many = new long[1100]; // 1100 × 34 bytes, twice that in hex: over 64 KiB
    java.util.Arrays.fill(many, 1_000_000_000L);
    FundingTx big = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "big", many);
    String m = error(spend(List.of(big.utxo(0)), List.of(big)));
    assertTrue(m.startsWith("'prevTxs': with the previous transactions of its 1 inputs")
        && m.contains("over the 65536"), m);
  }

  private static Map<OutPoint, TxOut> prevoutsOf(Transaction spend, FundingTx... prev) {
    Map<String, Transaction> byTxid = new HashMap<>();
    for (FundingTx f : prev) {
      byTxid.put(f.txid(), f.tx());
    }
    Map<OutPoint, TxOut> m = new HashMap<>();
    spend.txIn.forEach(in -> m.put(in.outPoint,
        byTxid.get(in.outPoint.txid.toString()).txOut.get((int) in.outPoint.index)));
    return m;
  }

  private static String error(TransactionIntent.Builder b) {
    return assertThrows(TransactionException.class,
        () -> Transactions.build(b.build(), VAULT.keys())).getMessage();
  }

  private static String hex(Transaction t) {
    return hex(Transaction.write(t));
  }

  private static String hex(byte[] b) {
    return java.util.HexFormat.of().formatHex(b);
  }
}
