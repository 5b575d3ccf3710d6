package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.TransactionException;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The intent's {@code prevTxs} on Dogecoin: the raw transactions whose outputs the spend takes.
 * Dogecoin's legacy sighash signs no input amount, so an intent (or node) that understated one
 * would make every co-signer approve a fee smaller than the one paid; with the previous
 * transaction each device reads the amount and script itself (as PSBT's non_witness_utxo does).
 *
 * <p>One entry per distinct txid among the spent outputs is needed. Entries for outputs the
 * transaction does not spend are ignored (a node fills in one for every listed output) and left
 * out of the intent co-signers receive; each entry must still be a well-formed transaction, and
 * the same txid twice is refused.
 */
final class PrevTxs {
  static final String FIELD = "prevTxs";

  private final Map<String, Transaction> byTxid;
  private final Map<String, String> hexByTxid;

  private PrevTxs(Map<String, Transaction> byTxid, Map<String, String> hexByTxid) {
    this.byTxid = byTxid;
    this.hexByTxid = hexByTxid;
  }

  /**
   * @throws TransactionException naming the entry that is not hex, not a transaction, or a
   *     repeated txid
   */
  static PrevTxs parse(List<String> entries) throws TransactionException {
    Map<String, Transaction> txs = new LinkedHashMap<>();
    Map<String, String> hex = new LinkedHashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      String where = "'" + FIELD + "' entry " + (i + 1);
      String text = entries.get(i) == null ? "" : entries.get(i).strip().toLowerCase(Locale.ROOT);
      if (text.isEmpty() || text.length() % 2 != 0 || !text.matches("[0-9a-f]+")) {
        throw new TransactionException(where + " must be a raw transaction in hex");
      }
      Transaction tx;
      try {
        tx = Transaction.read(text);
      } catch (RuntimeException malformed) {
        throw new TransactionException(where + " is not a transaction: " + malformed.getMessage());
      }
      // bitcoin-kmp reads a prefix; a reserialisation of another length means trailing bytes.
      if (Transaction.write(tx).length * 2 != text.length()) {
        throw new TransactionException(where + " has bytes after the transaction");
      }
      String txid = tx.txid.toString();
      if (txs.put(txid, tx) != null) {
        throw new TransactionException("'" + FIELD + "' lists transaction " + txid + " twice");
      }
      hex.put(txid, text);
    }
    return new PrevTxs(txs, hex);
  }

  /**
   * Checks each spent output against its previous transaction: the output must exist, pay
   * exactly the stated amount, and pay the script the vault spends it with.
   *
   * @param listed all of the intent's {@code utxos}, to name an entry by its position
   * @param scripts the vault's script for each spent output, in the same order
   * @throws TransactionException naming the {@code utxos} entry and both amounts, or the missing
   *     transaction
   */
  void check(List<Utxo> spent, List<Utxo> listed, List<byte[]> scripts, UtxoChain chain)
      throws TransactionException {
    for (int i = 0; i < spent.size(); i++) {
      Utxo u = spent.get(i);
      String entry = "'utxos' entry " + (listed.indexOf(u) + 1) + " (" + u.outPoint() + ")";
      Transaction prev = byTxid.get(u.txid());
      if (prev == null) {
        throw new TransactionException("'" + FIELD + "' needs the transaction " + u.txid()
            + " (raw hex, as getrawtransaction prints it) for " + entry + ": Dogecoin signatures "
            + "do not cover input amounts, so each device reads them from the previous "
            + "transactions" + (byTxid.isEmpty() ? "" : " (none of the " + byTxid.size()
            + " given hashes to that txid)"));
      }
      if (u.vout() >= prev.txOut.size()) {
        throw new TransactionException(entry + ": transaction " + u.txid() + " has only "
            + prev.txOut.size() + " outputs");
      }
      TxOut out = prev.txOut.get((int) u.vout());
      long real = out.amount.getSat();
      if (real != u.amount()) {
        throw new TransactionException(entry + " states " + chain.format(u.amount())
            + " but its previous transaction pays " + chain.format(real) + " there");
      }
      if (!Arrays.equals(out.publicKeyScript.toByteArray(), scripts.get(i))) {
        throw new TransactionException(entry + ": its previous transaction pays script "
            + HexFormat.of().formatHex(out.publicKeyScript.toByteArray())
            + ", not the vault's " + HexFormat.of().formatHex(scripts.get(i)));
      }
    }
  }

  /** The entries of the given txids, in the order the intent listed them. */
  List<String> only(Set<String> txids) {
    List<String> kept = new ArrayList<>();
    hexByTxid.forEach((txid, hex) -> {
      if (txids.contains(txid)) {
        kept.add(hex);
      }
    });
    return kept;
  }
}
