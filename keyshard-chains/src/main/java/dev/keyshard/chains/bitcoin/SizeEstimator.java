package dev.keyshard.chains.bitcoin;

import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.ScriptWitness;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.util.ArrayList;
import java.util.List;

/**
 * The virtual size (BIP-141: ceil(weight / 4)) a transaction will have once signed, measured by
 * bitcoin-kmp on a copy with placeholder signatures of the largest size a low-S signature can
 * take: 72 bytes for DER ECDSA with its sighash byte (r of 33 bytes with the sign pad, s of at most
 * 32), 64 for a BIP-341 SIGHASH_DEFAULT Schnorr signature. So the estimate is never below the
 * real size, and a fee rate is never undershot (a real ECDSA signature is 71 or 72 bytes).
 */
final class SizeEstimator {
  private static final int MAX_DER_WITH_HASHTYPE = 72;
  private static final int SCHNORR = 64;
  private static final int COMPRESSED_KEY = 33;

  private SizeEstimator() {}

  /** Virtual bytes of a transaction spending these input types to these output scripts. */
  static long vsize(List<ScriptType> inputs, List<byte[]> outputScripts) {
    List<TxIn> ins = new ArrayList<>();
    for (ScriptType t : inputs) {
      OutPoint op = new OutPoint(new TxId(new byte[32]), 0);
      ins.add(switch (t) {
        case P2WPKH -> new TxIn(op, ByteVector.empty, 0, new ScriptWitness(List.of(
            new ByteVector(new byte[MAX_DER_WITH_HASHTYPE]), new ByteVector(new byte[COMPRESSED_KEY]))));
        case P2TR -> new TxIn(op, ByteVector.empty, 0,
            new ScriptWitness(List.of(new ByteVector(new byte[SCHNORR]))));
        case P2PKH -> new TxIn(op, new ByteVector(p2pkhScriptSig()), 0, new ScriptWitness());
        default -> throw new IllegalArgumentException("the vault does not spend " + t.label());
      });
    }
    List<TxOut> outs = new ArrayList<>();
    for (byte[] s : outputScripts) {
      outs.add(new TxOut(new Satoshi(0), s));
    }
    int weight = new Transaction(2, ins, outs, 0).weight();
    return (weight + 3) / 4;
  }

  /** &lt;push 72&gt; sig &lt;push 33&gt; key: 107 bytes. */
  private static byte[] p2pkhScriptSig() {
    byte[] s = new byte[1 + MAX_DER_WITH_HASHTYPE + 1 + COMPRESSED_KEY];
    s[0] = MAX_DER_WITH_HASHTYPE;
    s[1 + MAX_DER_WITH_HASHTYPE] = COMPRESSED_KEY;
    return s;
  }
}
