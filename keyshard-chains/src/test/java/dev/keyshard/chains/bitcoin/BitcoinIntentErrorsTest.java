package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intents that must be refused before anything is signed, each with a message naming why. */
class BitcoinIntentErrorsTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("btc-errors");
  static final String UTXO = "ab".repeat(32) + ":0:0.01";

  static TransactionIntent.Builder valid() {
    return TransactionIntent.builder(Chain.BITCOIN).put("to", BitcoinSpendTest.RECIPIENT)
        .put("amount", "0.005").put("utxos", List.of(UTXO)).put("feeRate", "5");
  }

  static String error(TransactionIntent.Builder b) {
    return assertThrows(TransactionException.class, () -> Transactions.build(b.build(), VAULT.keys()))
        .getMessage();
  }

  @Test
  void badChecksum() {
    String m = error(valid().put("to", "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyv"));
    assertTrue(m.startsWith("'to'") && m.contains("checksum"), m);
    String b58 = error(valid().put("to", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"));
    assertTrue(b58.startsWith("'to'") && b58.contains("checksum"), b58);
  }

  @Test
  void wrongNetworkOrChain() {
    String testnet = error(valid().put("to", "tb1qw508d6qejxtdg4c3cy2x7kemmrxn7xf3kxvwpc".replace(
        "tb1qw508d6qejxtdg4c3cy2x7kemmrxn7xf3kxvwpc", "tb1qw508d6qejxtdg4c3cy2x7kxrstyxnxz8p5kwxt")));
    assertTrue(testnet.startsWith("'to'"), testnet);
    String ltc = error(valid().put("to", Chain.LITECOIN.address(VAULT.keys().rootEcdsa(),
        VAULT.keys().rootEddsa(), VAULT.keys().chainCode())));
    assertTrue(ltc.contains("Litecoin mainnet") && ltc.contains("not a Bitcoin mainnet"), ltc);
    String doge = error(valid().put("to", Chain.DOGECOIN.address(VAULT.keys().rootEcdsa(),
        VAULT.keys().rootEddsa(), VAULT.keys().chainCode())));
    assertTrue(doge.contains("Dogecoin mainnet"), doge);
    String regtest = error(valid().put("network", "regtest"));
    assertTrue(regtest.contains("Bitcoin mainnet address, not a Bitcoin regtest"), regtest);
  }

  @Test
  void unsupportedWitnessVersion() {
    // BIP-350's valid witness v16 example.
    String m = error(valid().put("to", "bc1sw50qgdz25j"));
    assertTrue(m.contains("witness version 16"), m);
  }

  @Test
  void insufficientFundsSaysHowMuchIsMissing() {
    String m = error(valid().put("amount", "0.02"));
    assertTrue(m.startsWith("insufficient funds") && m.contains("missing"), m);
    assertTrue(m.contains("0.01 BTC"), m);
  }

  @Test
  void dustAmount() {
    String m = error(valid().put("amount", "0.00000293"));
    assertTrue(m.contains("dust limit") && m.contains("0.00000294 BTC"), m);
  }

  @Test
  void absurdFeeNeedsMaxFee() throws Exception {
    String m = error(valid().put("amount", "0.0001").put("utxos", List.of("ab".repeat(32)
        + ":0:0.5")).put("feeRate", "100000"));
    assertTrue(m.contains("absurd") && m.contains("maxFee"), m);
    UnsignedTransaction ok = Transactions.build(valid().put("amount", "0.0001")
        .put("utxos", List.of("ab".repeat(32) + ":0:0.5")).put("feeRate", "100000")
        .put("maxFee", "0.2").build(), VAULT.keys());
    assertTrue(ok.summary().fee().contains("100000 sat/vB"), ok.summary().fee());
    String over = error(valid().put("maxFee", "0.000001"));
    assertTrue(over.contains("above 'maxFee'"), over);
  }

  @Test
  void absurdFeeRateIsRefusedEvenBelowTheAmount() throws Exception {
    // 1 BTC from a 2 BTC output at 20000 sat/vB: a fee of ~0.028 BTC, well below the amount, yet
    // twice Bitcoin Core's default maxfeerate of 0.1 BTC/kvB (10000 sat/vB).
    TransactionIntent.Builder b = valid().put("amount", "1")
        .put("utxos", List.of("ab".repeat(32) + ":0:2")).put("feeRate", "20000");
    String m = error(b);
    assertTrue(m.contains("absurd") && m.contains("10000 sat/vB") && m.contains("maxFee"), m);
    UnsignedTransaction forced = Transactions.build(b.put("maxFee", "0.05").build(), VAULT.keys());
    assertTrue(forced.summary().fee().contains("20000 sat/vB"), forced.summary().fee());
    // just at the cap is a (very high) market rate, not refused
    Transactions.build(valid().put("amount", "1").put("utxos", List.of("ab".repeat(32) + ":0:2"))
        .put("feeRate", "10000").build(), VAULT.keys());
    String absolute = error(TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1")
        .put("utxos", List.of("ab".repeat(32) + ":0:2")).put("fee", "0.5"));
    assertTrue(absolute.contains("absurd"), absolute);
  }

  @Test
  void changeToAnAddressOutsideTheVaultIsMarked() throws Exception {
    UnsignedTransaction own = Transactions.build(valid().build(), VAULT.keys());
    assertTrue(own.summary().details().stream().anyMatch(d -> d.startsWith("change ")
        && !d.contains("NOT")), own.summary().details().toString());
    // the vault's own taproot address is still the vault's
    String taproot = VaultScript.of(VAULT.keys(), UtxoNetwork.of(UtxoChain.BITCOIN, "mainnet"),
        ScriptType.P2TR).address();
    UnsignedTransaction toTaproot = Transactions.build(valid().put("change", taproot).build(),
        VAULT.keys());
    assertTrue(toTaproot.summary().details().stream().noneMatch(d -> d.contains("NOT")),
        toTaproot.summary().details().toString());
    // an initiator sending the change to itself makes a second payment, which must be visible
    UnsignedTransaction away = Transactions.build(valid().put("change",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq").build(), VAULT.keys());
    assertTrue(away.summary().details().stream().anyMatch(d -> d.startsWith("change ")
        && d.endsWith("to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq — NOT an address of this vault")),
        away.summary().details().toString());
  }

  @Test
  void dogecoinSaysItsInputAmountsWereChecked() throws Exception {
    String doge = Chain.DOGECOIN.address(VAULT.keys().rootEcdsa(), VAULT.keys().rootEddsa(),
        VAULT.keys().chainCode());
    FundingTx prev = FundingTx.paying(FundingTx.dogecoinVault(VAULT), "errors", 2_000_000_000L);
    UnsignedTransaction tx = Transactions.build(TransactionIntent.builder(Chain.DOGECOIN)
        .put("to", doge).put("amount", "10").put("utxos", List.of(prev.utxo(0)))
        .put("prevTxs", List.of(prev.hex())).put("feeRate", "1000").build(), VAULT.keys());
    assertTrue(tx.summary().details().stream().anyMatch(d -> d.startsWith("input amounts checked "
        + "against their previous transactions")), tx.summary().details().toString());
    String notDoge = error(valid().put("prevTxs", List.of(prev.hex())));
    assertTrue(notDoge.startsWith("'prevTxs' is for Dogecoin only"), notDoge);
    assertTrue(Transactions.build(valid().build(), VAULT.keys()).summary().details().stream()
        .noneMatch(d -> d.startsWith("input amounts")), "segwit signatures cover the amounts");
  }

  @Test
  void changeBelowDustGoesToTheFee() throws Exception {
    // 0.01 - 0.00998 = 2000 sat: the fee at 5 sat/vB (about 550 without change) leaves less than
    // 294 sat + the change output's fee, so there is no change output.
    UnsignedTransaction tx = Transactions.build(valid().put("amount", "0.0099945").build(),
        VAULT.keys());
    assertTrue(tx.summary().details().stream().anyMatch(d -> d.startsWith("no change")),
        tx.summary().details().toString());
    assertEquals("0.0000055 BTC", tx.summary().fee().split(" \\(")[0]);
  }

  @Test
  void fieldMistakes() {
    assertTrue(error(valid().put("feerate", "3")).contains("unknown field 'feerate'"));
    assertTrue(error(valid().put("fee", "0.0001")).contains("exactly one of 'feeRate'"));
    assertTrue(error(valid().put("rbf", "yes")).contains("'rbf'"));
    assertTrue(error(valid().put("addressType", "p2pkh")).contains("'addressType'"));
    assertTrue(error(valid().put("utxos", List.of("ab:0:1"))).contains("'utxos' entry 1"));
    assertTrue(error(valid().put("utxos", List.of(UTXO, UTXO))).contains("twice"));
    assertTrue(error(valid().put("amount", "0.000000001")).contains("'amount'"));
    assertTrue(error(valid().put("network", "signet")).contains("'network'"));
  }

  @Test
  void bitcoinCashHasNoReplaceByFee() {
    String m = error(TransactionIntent.builder(Chain.BITCOIN_CASH)
        .put("to", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2").put("amount", "0.005")
        .put("utxos", List.of(UTXO)).put("feeRate", "1").put("rbf", "true"));
    assertTrue(m.contains("no replace-by-fee"), m);
  }
}
