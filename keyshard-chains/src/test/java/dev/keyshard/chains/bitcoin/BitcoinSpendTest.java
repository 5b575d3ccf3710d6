package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.Taproot;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignatureScheme;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bitcoin P2WPKH and key-path P2TR spends built by Keyshard, signed by {@link PlainKeySigner},
 * checked by bitcoin-kmp's script interpreter (Bitcoin Core's standard flags) against prevouts
 * whose scripts bitcoin-kmp derives itself; a tampered copy (one fault each) is rejected.
 */
class BitcoinSpendTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("btc-spend");
  static final String TXID_A = "a1".repeat(32);
  static final String TXID_B = "b2".repeat(32);
  static final String TXID_C = "c3".repeat(32);
  /** BIP-84's first receive address (bip-0084.mediawiki test vectors): not the vault. */
  static final String RECIPIENT = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";

  static TransactionIntent.Builder intent() {
    return TransactionIntent.builder(Chain.BITCOIN).put("to", RECIPIENT);
  }

  @Test
  void p2wpkhWithTwoInputsAndChangeVerifies() throws Exception {
    byte[] child = KmpScripts.childKey(VAULT, "m/84/0/0/0/0");
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "0.015")
        .put("utxos", List.of(TXID_A + ":0:0.01", TXID_B + ":1:0.008", TXID_C + ":2:0.0001"))
        .put("feeRate", "10").build(), VAULT.keys());
    assertEquals(Chain.BITCOIN.address(VAULT.keys().rootEcdsa(), VAULT.keys().rootEddsa(),
        VAULT.keys().chainCode()), tx.summary().from());
    assertEquals(2, tx.signingRequests().size(), "the two largest outputs cover 0.015 BTC");
    tx.signingRequests().forEach(r -> assertEquals(SignatureScheme.ECDSA, r.scheme()));
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));

    Map<OutPoint, TxOut> prevouts = KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 0, 1_000_000, KmpScripts.p2wpkh(child)),
        new KmpScripts.Prevout(TXID_B, 1, 800_000, KmpScripts.p2wpkh(child))));
    KmpScripts.verify(signed.encoded(), prevouts);

    Transaction t = Transaction.read(signed.encoded());
    assertEquals(1_500_000, t.txOut.get(0).amount.getSat());
    assertEquals(0xfffffffdL, t.txIn.get(0).sequence, "RBF is on by default on Bitcoin");
    long fee = 1_800_000 - t.txOut.get(0).amount.getSat() - t.txOut.get(1).amount.getSat();
    long vsize = (t.weight() + 3) / 4;
    assertTrue(fee >= 10 * vsize, "fee " + fee + " pays at least 10 sat/vB of " + vsize + " vB");
    assertTrue(fee <= 10 * (vsize + 2), "the estimate overshoots by at most a byte per signature");
    assertEquals(t.txid.toString(), signed.txHash());
    assertTrue(tx.summary().details().stream().anyMatch(d -> d.startsWith("change 0.0029")),
        tx.summary().details().toString());
  }

  @Test
  void p2trKeyPathVerifies() throws Exception {
    byte[] child = KmpScripts.childKey(VAULT, "m/86/0/0/0/0");
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "0.005")
        .put("addressType", "p2tr").put("utxos", List.of(TXID_A + ":3:0.004", TXID_B + ":0:0.002"))
        .put("feeRate", "3.5").build(), VAULT.keys());
    assertEquals(Taproot.address("bc", Taproot.xOnly(child)), tx.summary().from());
    tx.signingRequests().forEach(r -> assertEquals(SignatureScheme.TAPROOT, r.scheme()));
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    Map<OutPoint, TxOut> prevouts = KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 3, 400_000, KmpScripts.p2tr(child)),
        new KmpScripts.Prevout(TXID_B, 0, 200_000, KmpScripts.p2tr(child))));
    KmpScripts.verify(signed.encoded(), prevouts);
    Transaction t = Transaction.read(signed.encoded());
    assertEquals(64, t.txIn.get(0).witness.stack.get(0).size(), "SIGHASH_DEFAULT: 64 bytes");
  }

  @Test
  void mixedP2wpkhAndP2trInputsVerify() throws Exception {
    byte[] wpkh = KmpScripts.childKey(VAULT, "m/84/0/0/0/0");
    byte[] tr = KmpScripts.childKey(VAULT, "m/86/0/0/0/0");
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "0.009")
        .put("utxos", List.of(TXID_A + ":0:0.005:p2wpkh", TXID_B + ":0:0.005:p2tr"))
        .put("fee", "0.00002").build(), VAULT.keys());
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    KmpScripts.verify(signed.encoded(), KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 0, 500_000, KmpScripts.p2wpkh(wpkh)),
        new KmpScripts.Prevout(TXID_B, 0, 500_000, KmpScripts.p2tr(tr)))));
  }

  @Test
  void tamperedSignatureIsRejected() throws Exception {
    byte[] child = KmpScripts.childKey(VAULT, "m/84/0/0/0/0");
    SignedTransaction signed = oneInputSpend();
    Map<OutPoint, TxOut> prevouts = KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 0, 1_000_000, KmpScripts.p2wpkh(child))));
    KmpScripts.verify(signed.encoded(), prevouts);
    Transaction t = Transaction.read(signed.encoded());
    byte[] sig = t.txIn.get(0).witness.stack.get(0).toByteArray();
    sig[10] ^= 1; // inside r
    Transaction bad = t.updateWitness(0, new fr.acinq.bitcoin.ScriptWitness(List.of(
        new fr.acinq.bitcoin.ByteVector(sig), t.txIn.get(0).witness.stack.get(1))));
    assertThrows(RuntimeException.class,
        () -> KmpScripts.verify(HexFormat.of().formatHex(Transaction.write(bad)), prevouts));
  }

  @Test
  void tamperedAmountsAreRejected() throws Exception {
    byte[] child = KmpScripts.childKey(VAULT, "m/84/0/0/0/0");
    SignedTransaction signed = oneInputSpend();
    Transaction t = Transaction.read(signed.encoded());
    // the amount paid: one satoshi less to the recipient
    Transaction lessPaid = t.updateOutputs(List.of(
        t.txOut.get(0).updateAmount(new Satoshi(t.txOut.get(0).amount.getSat() - 1)),
        t.txOut.get(1)));
    Map<OutPoint, TxOut> prevouts = KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 0, 1_000_000, KmpScripts.p2wpkh(child))));
    assertThrows(RuntimeException.class,
        () -> KmpScripts.verify(HexFormat.of().formatHex(Transaction.write(lessPaid)), prevouts));
    // the amount spent: BIP-143 commits to it, so a different prevout value fails
    Map<OutPoint, TxOut> otherValue = KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 0, 1_000_001, KmpScripts.p2wpkh(child))));
    assertThrows(RuntimeException.class, () -> KmpScripts.verify(signed.encoded(), otherValue));
  }

  @Test
  void assemblyRefusesASignatureOfAnotherKey() throws Exception {
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "0.005")
        .put("utxos", List.of(TXID_A + ":0:0.01")).put("feeRate", "2").build(), VAULT.keys());
    List<ChainSignature> other = PlainKeySigner.fromLabel("someone-else").signAll(tx);
    assertThrows(InvalidTransactionSignatureException.class, () -> tx.assemble(other));
  }

  @Test
  void paysEveryStandardOutputType() throws Exception {
    byte[] child = KmpScripts.childKey(VAULT, "m/84/0/0/0/0");
    for (String to : List.of("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
        "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr", RECIPIENT)) {
      UnsignedTransaction tx = Transactions.build(TransactionIntent.builder(Chain.BITCOIN)
          .put("to", to).put("amount", "0.001").put("utxos", List.of(TXID_A + ":0:0.01"))
          .put("feeRate", "1").build(), VAULT.keys());
      SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
      KmpScripts.verify(signed.encoded(), KmpScripts.prevouts(List.of(
          new KmpScripts.Prevout(TXID_A, 0, 1_000_000, KmpScripts.p2wpkh(child)))));
      assertEquals(to, tx.summary().to());
    }
  }

  private static SignedTransaction oneInputSpend() throws Exception {
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "0.005")
        .put("utxos", List.of(TXID_A + ":0:0.01")).put("feeRate", "2").build(), VAULT.keys());
    return tx.assemble(VAULT.signAll(tx));
  }
}
