package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.TransactionException;
import java.util.Locale;

/**
 * An unspent output of the vault, as the intent lists it: {@code TXID:VOUT:AMOUNT} or
 * {@code TXID:VOUT:AMOUNT:TYPE}, with the txid as explorers and nodes print it, the amount in the
 * usual unit (exact, e.g. "0.0105") and TYPE p2wpkh, p2tr or p2pkh: which of the vault's scripts
 * it pays (the intent's {@code addressType} when absent).
 *
 * @param txid 64 lowercase hex digits, display order
 * @param amount in base units (satoshi)
 */
public record Utxo(String txid, long vout, long amount, ScriptType type) {

  /**
   * @param index its position in the {@code utxos} list, for the message
   * @throws TransactionException naming the entry when it is malformed
   */
  static Utxo parse(String text, int index, ScriptType defaultType, UtxoChain chain)
      throws TransactionException {
    String where = "'utxos' entry " + (index + 1);
    String[] p = text == null ? new String[0] : text.strip().split(":", -1);
    if (p.length != 3 && p.length != 4) {
      throw new TransactionException(where + " must be TXID:VOUT:AMOUNT (optionally :TYPE), got '"
          + text + "'");
    }
    String txid = p[0].toLowerCase(Locale.ROOT);
    if (!txid.matches("[0-9a-f]{64}")) {
      throw new TransactionException(where + ": the txid must be 64 hex digits, got '" + p[0] + "'");
    }
    if (!p[1].matches("[0-9]{1,10}") || Long.parseLong(p[1]) > 0xffffffffL) {
      throw new TransactionException(where + ": the output index must be a number below 2^32, got '"
          + p[1] + "'");
    }
    long amount = chain.baseUnits(where + " amount", p[2]);
    ScriptType type = defaultType;
    if (p.length == 4) {
      type = ScriptType.fromLabel(p[3]);
      if (type == null || !type.spendable()) {
        throw new TransactionException(where + ": the type must be p2wpkh, p2tr or p2pkh, got '"
            + p[3] + "'");
      }
    }
    return new Utxo(txid, Long.parseLong(p[1]), amount, type);
  }

  /** "txid:vout", the output it spends. */
  String outPoint() {
    return txid + ":" + vout;
  }
}
