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
import fr.acinq.bitcoin.Base58Check;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dogecoin P2PKH spends of the vault's m/44'/3'/0'/0/0 outputs built by Keyshard, signed by
 * {@link PlainKeySigner} and checked by bitcoin-kmp's script interpreter (Bitcoin Core's standard
 * flags; Dogecoin Core 1.14 has Bitcoin Core 0.14's script rules and legacy sighash) against
 * prevouts whose scripts bitcoin-kmp writes itself, in previous transactions it writes too
 * ({@link FundingTx}). A flipped signature bit, a changed output
 * amount and a prevout of another key are rejected. (The legacy sighash does not commit to the
 * spent amount, so unlike BIP-143/FORKID a different prevout value is not a script failure.)
 * Also Dogecoin's own rules: base58 versions 0x1e (D…) and testnet 0x71 (n…), the 0.01 DOGE dust
 * limit and the 100 koinu/byte relay floor.
 */
class DogecoinSpendTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("doge-spend");
  /** Previous transactions paying the vault 5 DOGE at output 0, 3 at 2, 1 at 1. */
  static final FundingTx FUND_A = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "a",
      500_000_000L);
  static final FundingTx FUND_B = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "b",
      7_000_000L, 8_000_000L, 300_000_000L);
  static final FundingTx FUND_C = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "c",
      9_000_000L, 100_000_000L);
  static final String TXID_A = FUND_A.txid();
  static final String TXID_B = FUND_B.txid();
  static final String TXID_C = FUND_C.txid();
  static final byte[] RECIPIENT_HASH = Crypto.hash160(
      KmpScripts.childKey(PlainKeySigner.fromLabel("doge-recipient"), "m/44/3/0/0/0"));
  /** bitcoin-kmp's base58check with Dogecoin's mainnet P2PKH version (chainparams.cpp: 30). */
  static final String RECIPIENT = Base58Check.encode((byte) 0x1e, RECIPIENT_HASH);

  private final byte[] vaultScript = KmpScripts.p2pkh(KmpScripts.childKey(VAULT, "m/44/3/0/0/0"));

  /** To {@link #RECIPIENT}, with the previous transactions of A, B and C (unspent ones ignored). */
  static TransactionIntent.Builder intent() {
    return TransactionIntent.builder(Chain.DOGECOIN).put("to", RECIPIENT)
        .put("prevTxs", List.of(FUND_A.hex(), FUND_B.hex(), FUND_C.hex()));
  }

  @Test
  void twoInputsWithChangeVerify() throws Exception {
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "7.5")
        .put("utxos", List.of(TXID_A + ":0:5", TXID_B + ":2:3", TXID_C + ":1:1"))
        .put("feeRate", "1000").build(), VAULT.keys());
    assertTrue(RECIPIENT.startsWith("D"), RECIPIENT);
    assertTrue(tx.summary().from().startsWith("D"), tx.summary().from());
    assertEquals(Chain.DOGECOIN.address(VAULT.keys().rootEcdsa(), VAULT.keys().rootEddsa(),
        VAULT.keys().chainCode()), tx.summary().from());
    assertEquals(2, tx.signingRequests().size(), "5 + 3 DOGE cover 7.5");
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    Map<OutPoint, TxOut> prevouts = prevouts(vaultScript);
    KmpScripts.verify(signed.encoded(), prevouts);

    Transaction t = Transaction.read(signed.encoded());
    assertEquals(1, t.version, "Dogecoin Core's wallet writes version 1");
    assertEquals("76a914" + hex(RECIPIENT_HASH) + "88ac", hex(t.txOut.get(0).publicKeyScript.toByteArray()));
    assertEquals(750_000_000L, t.txOut.get(0).amount.getSat());
    assertEquals(hex(vaultScript), hex(t.txOut.get(1).publicKeyScript.toByteArray()), "change");
    assertEquals(0xffffffffL, t.txIn.get(0).sequence, "no replace-by-fee by default");
    long fee = 800_000_000L - 750_000_000L - t.txOut.get(1).amount.getSat();
    long size = Transaction.write(t).length;
    assertTrue(fee >= 1000 * size && fee <= 1000 * (size + 2),
        "fee " + fee + " is 0.01 DOGE/kB of " + size + " bytes");
    byte[] script = t.txIn.get(1).signatureScript.toByteArray();
    assertEquals(0x01, script[script[0]] & 0xff, "SIGHASH_ALL, no fork id");
    assertEquals(t.txid.toString(), signed.txHash());
  }

  @Test
  void tamperedSpendsAreRejected() throws Exception {
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "7.5")
        .put("utxos", List.of(TXID_A + ":0:5", TXID_B + ":2:3")).put("feeRate", "1000").build(),
        VAULT.keys());
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    Map<OutPoint, TxOut> prevouts = prevouts(vaultScript);
    KmpScripts.verify(signed.encoded(), prevouts);
    Transaction t = Transaction.read(signed.encoded());

    byte[] script = t.txIn.get(0).signatureScript.toByteArray();
    script[10] ^= 0x01; // inside r
    String badSig = hex(Transaction.write(t.updateSigScript(0, script)));
    assertThrows(RuntimeException.class, () -> KmpScripts.verify(badSig, prevouts));

    Transaction morePaid = t.updateOutputs(List.of(
        t.txOut.get(0).updateAmount(new Satoshi(t.txOut.get(0).amount.getSat() + 1)),
        t.txOut.get(1)));
    assertThrows(RuntimeException.class,
        () -> KmpScripts.verify(hex(Transaction.write(morePaid)), prevouts));

    byte[] otherKey = KmpScripts.p2pkh(KmpScripts.childKey(VAULT, "m/44/3/0/0/1"));
    assertThrows(RuntimeException.class,
        () -> KmpScripts.verify(signed.encoded(), prevouts(otherKey)));
  }

  @Test
  void testnetUsesVersion0x71() throws Exception {
    String to = Base58Check.encode((byte) 0x71, RECIPIENT_HASH);
    assertTrue(to.startsWith("n"), to);
    UnsignedTransaction tx = Transactions.build(intent().put("network", "testnet").put("to", to)
        .put("amount", "2").put("utxos", List.of(TXID_A + ":0:5")).put("feeRate", "1000").build(),
        VAULT.keys());
    assertEquals(Base58Check.encode((byte) 0x71, Crypto.hash160(
        KmpScripts.childKey(VAULT, "m/44/3/0/0/0"))), tx.summary().from());
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    KmpScripts.verify(signed.encoded(), KmpScripts.prevouts(List.of(
        new KmpScripts.Prevout(TXID_A, 0, 500_000_000L, vaultScript))));
    String mainnetOnTestnet = error(intent().put("network", "testnet").put("amount", "2")
        .put("utxos", List.of(TXID_A + ":0:5")).put("feeRate", "1000"));
    assertTrue(mainnetOnTestnet.startsWith("'to'") && mainnetOnTestnet.contains("Dogecoin mainnet"),
        mainnetOnTestnet);
  }

  @Test
  void dogecoinFeeAndDustRules() throws Exception {
    String bitcoinRate = error(intent().put("amount", "1").put("utxos", List.of(TXID_A + ":0:5"))
        .put("feeRate", "10"));
    assertTrue(bitcoinRate.startsWith("'feeRate'") && bitcoinRate.contains("minimum relay fee of 100")
        && bitcoinRate.contains("0.001 DOGE/kB") && bitcoinRate.contains("1000"), bitcoinRate);
    String tinyFee = error(intent().put("amount", "1").put("utxos", List.of(TXID_A + ":0:5"))
        .put("fee", "0.0001"));
    assertTrue(tinyFee.startsWith("'fee'") && tinyFee.contains("minimum relay fee"), tinyFee);
    // exactly the relay floor is accepted
    Transactions.build(intent().put("amount", "1").put("utxos", List.of(TXID_A + ":0:5"))
        .put("feeRate", "100").build(), VAULT.keys());
    String dust = error(intent().put("amount", "0.00999999").put("utxos", List.of(TXID_A + ":0:5"))
        .put("feeRate", "1000"));
    assertTrue(dust.startsWith("'amount'") && dust.contains("0.01 DOGE dust limit"), dust);
    String bitcoinAddress = error(intent().put("to", Base58Check.encode((byte) 0, RECIPIENT_HASH))
        .put("amount", "1").put("utxos", List.of(TXID_A + ":0:5")).put("feeRate", "1000"));
    assertTrue(bitcoinAddress.startsWith("'to'") && bitcoinAddress.contains("Dogecoin mainnet"),
        bitcoinAddress);
    String taproot = error(intent().put("amount", "1").put("utxos", List.of(TXID_A + ":0:5:p2tr"))
        .put("feeRate", "1000"));
    assertTrue(taproot.contains("no p2tr outputs"), taproot);

    // change under 0.01 DOGE is left to the fee rather than creating a dust output
    UnsignedTransaction tx = Transactions.build(intent().put("amount", "4.9975")
        .put("utxos", List.of(TXID_A + ":0:5")).put("feeRate", "1000").build(), VAULT.keys());
    Transaction t = Transaction.read(tx.assemble(VAULT.signAll(tx)).encoded());
    assertEquals(1, t.txOut.size(), tx.summary().details().toString());
  }

  private static Map<OutPoint, TxOut> prevouts(byte[] script) {
    return KmpScripts.prevouts(List.of(new KmpScripts.Prevout(TXID_A, 0, 500_000_000L, script),
        new KmpScripts.Prevout(TXID_B, 2, 300_000_000L, script)));
  }

  private static String error(TransactionIntent.Builder b) {
    return assertThrows(TransactionException.class,
        () -> Transactions.build(b.build(), VAULT.keys())).getMessage();
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
