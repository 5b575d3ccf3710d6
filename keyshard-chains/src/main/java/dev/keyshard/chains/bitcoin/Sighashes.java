package dev.keyshard.chains.bitcoin;

import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.SigVersion;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.util.List;

/**
 * The pre-image hash each input's signature signs, one method per signature version. The
 * Bitcoin ones are bitcoin-kmp's; the Bitcoin Cash one is {@link ForkIdSighash}. The vector tests
 * call exactly these methods.
 */
final class Sighashes {
  /** SIGHASH_ALL, for ECDSA inputs. */
  static final int ALL = 1;
  /** SIGHASH_DEFAULT (BIP-341): as ALL, and the signature stays 64 bytes. */
  static final int TAPROOT_DEFAULT = 0;

  private Sighashes() {}

  /** Legacy (pre-segwit) sighash with the spent output's script as scriptCode: Dogecoin P2PKH. */
  static byte[] legacy(Transaction tx, int index, byte[] spentScript, int hashType) {
    return tx.hashForSigning(index, spentScript, hashType);
  }

  /**
   * BIP-143 (segwit v0). For P2WPKH the scriptCode is the P2PKH script of the same key hash
   * (BIP-143, "Specification", item 5).
   */
  static byte[] segwitV0(Transaction tx, int index, byte[] scriptCode, long amount, int hashType) {
    return tx.hashForSigning(index, scriptCode, hashType, new Satoshi(amount),
        SigVersion.SIGVERSION_WITNESS_V0);
  }

  /**
   * BIP-341 key-path signature hash (SigMsg with ext_flag 0, no annex), tagged "TapSighash";
   * it commits to the amounts and scripts of every output spent.
   */
  static byte[] taprootKeyPath(Transaction tx, int index, List<TxOut> spent, int hashType) {
    return Transaction.hashForSigningTaprootKeyPath(tx, index, spent, hashType, null).toByteArray();
  }

  /** Bitcoin Cash SIGHASH_ALL|FORKID. */
  static byte[] forkId(Transaction tx, int index, byte[] spentScript, long amount) {
    return ForkIdSighash.hash(tx, index, spentScript, amount, ForkIdSighash.ALL_FORKID);
  }
}
