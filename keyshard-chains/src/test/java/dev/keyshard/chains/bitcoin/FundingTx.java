package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.PlainKeySigner;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test helper: a previous transaction as bitcoin-kmp writes it (version 1, one made-up input),
 * paying the given amounts to a script — what a Dogecoin intent's {@code prevTxs} carries.
 */
record FundingTx(Transaction tx) {

  /** Pays each amount (koinu) to the script, output i the i-th amount; the seed varies the txid. */
  static FundingTx paying(byte[] script, String seed, long... sats) {
    byte[] from = Crypto.sha256(seed.getBytes(StandardCharsets.UTF_8));
    List<TxOut> outs = new ArrayList<>();
    for (long s : sats) {
      outs.add(new TxOut(new Satoshi(s), script));
    }
    TxIn in = new TxIn(new OutPoint(new TxId(HexFormat.of().formatHex(from)), 0),
        new byte[] {0x51}, 0xffffffffL);
    return new FundingTx(new Transaction(1, List.of(in), outs, 0));
  }

  /** The vault's Dogecoin P2PKH script (m/44'/3'/0'/0/0), as bitcoin-kmp writes it. */
  static byte[] dogecoinVault(PlainKeySigner vault) {
    return KmpScripts.p2pkh(KmpScripts.childKey(vault, "m/44/3/0/0/0"));
  }

  String txid() {
    return tx.txid.toString();
  }

  String hex() {
    return HexFormat.of().formatHex(Transaction.write(tx));
  }

  /** "TXID:VOUT:AMOUNT" of output vout, with the amount it really pays. */
  String utxo(int vout) {
    return txid() + ":" + vout + ":" + BigDecimal.valueOf(tx.txOut.get(vout).amount.getSat())
        .movePointLeft(8).stripTrailingZeros().toPlainString();
  }
}
