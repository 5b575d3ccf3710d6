package dev.keyshard.chains.bitcoin;

import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxIn;
import fr.acinq.bitcoin.TxOut;
import java.io.ByteArrayOutputStream;

/**
 * The Bitcoin Cash signature hash for SIGHASH_ALL|FORKID (Bitcoin Cash specification,
 * "replay-protected-sighash.md"): BIP-143's digest algorithm applied to a legacy P2PKH input, so
 * the signature commits to the amount spent, with nHashType = (fork id &lt;&lt; 8) | 0x41 and fork
 * id 0 on Bitcoin Cash. bitcoin-kmp has no fork id, so it is written out here:
 *
 * <pre>
 * dSHA256( nVersion ‖ hashPrevouts ‖ hashSequence ‖ outpoint ‖ scriptCode ‖ amount ‖ nSequence
 *          ‖ hashOutputs ‖ nLockTime ‖ nHashType )     (all integers little-endian)
 * </pre>
 * with hashPrevouts = dSHA256(every outpoint), hashSequence = dSHA256(every nSequence),
 * hashOutputs = dSHA256(every output) — the SIGHASH_ALL case, the only one Keyshard signs.
 */
final class ForkIdSighash {
  /** SIGHASH_ALL | SIGHASH_FORKID with fork id 0. */
  static final int ALL_FORKID = 0x41;

  private ForkIdSighash() {}

  /**
   * @param scriptCode the script of the output spent, without a length prefix (P2PKH's)
   * @param hashType SIGHASH_ALL, with or without the FORKID bit 0x40 (without it this is exactly
   *     BIP-143's digest, which its examples check)
   */
  static byte[] hash(Transaction tx, int index, byte[] scriptCode, long amount, int hashType) {
    if ((hashType & ~0x40) != 1) {
      throw new IllegalArgumentException("only SIGHASH_ALL (|FORKID) is supported");
    }
    ByteArrayOutputStream prevouts = new ByteArrayOutputStream();
    ByteArrayOutputStream sequences = new ByteArrayOutputStream();
    for (TxIn in : tx.txIn) {
      prevouts.writeBytes(OutPoint.write(in.outPoint));
      writeLe(sequences, in.sequence, 4);
    }
    ByteArrayOutputStream outputs = new ByteArrayOutputStream();
    for (TxOut out : tx.txOut) {
      outputs.writeBytes(TxOut.write(out));
    }
    TxIn input = tx.txIn.get(index);
    ByteArrayOutputStream m = new ByteArrayOutputStream();
    writeLe(m, tx.version, 4);
    m.writeBytes(Crypto.hash256(prevouts.toByteArray()));
    m.writeBytes(Crypto.hash256(sequences.toByteArray()));
    m.writeBytes(OutPoint.write(input.outPoint));
    writeVarInt(m, scriptCode.length);
    m.writeBytes(scriptCode);
    writeLe(m, amount, 8);
    writeLe(m, input.sequence, 4);
    m.writeBytes(Crypto.hash256(outputs.toByteArray()));
    writeLe(m, tx.lockTime, 4);
    writeLe(m, hashType, 4);
    return Crypto.hash256(m.toByteArray());
  }

  private static void writeLe(ByteArrayOutputStream out, long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
  }

  /** Bitcoin's CompactSize: scripts Keyshard signs are below 253 bytes, but write it fully. */
  private static void writeVarInt(ByteArrayOutputStream out, long n) {
    if (n < 0xfd) {
      out.write((int) n);
    } else if (n <= 0xffff) {
      out.write(0xfd);
      writeLe(out, n, 2);
    } else {
      out.write(0xfe);
      writeLe(out, n, 4);
    }
  }
}
