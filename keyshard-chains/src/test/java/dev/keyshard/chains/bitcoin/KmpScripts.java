package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.vault.hd.DerivationPath;
import fr.acinq.bitcoin.ByteVector32;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.OutPoint;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Script;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxId;
import fr.acinq.bitcoin.TxOut;
import fr.acinq.bitcoin.XonlyPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the vault's locking scripts as bitcoin-kmp writes them from the child key (its
 * own pay2wpkh/pay2pkh and BIP-86 key-path tweak in libsecp256k1), independent of
 * {@link VaultScript}, and the prevout map its interpreter checks a spend against.
 */
final class KmpScripts {
  private KmpScripts() {}

  static byte[] childKey(PlainKeySigner signer, String path) {
    return SigningRequest.ecdsa(DerivationPath.parse(path), new byte[32])
        .signingKey(signer.keys()).publicKey();
  }

  static byte[] p2wpkh(byte[] childKey) {
    return Script.write(Script.pay2wpkh(new PublicKey(childKey)));
  }

  static byte[] p2pkh(byte[] childKey) {
    return Script.write(Script.pay2pkh(new PublicKey(childKey)));
  }

  static byte[] p2tr(byte[] childKey) {
    XonlyPublicKey internal = new XonlyPublicKey(new ByteVector32(
        java.util.Arrays.copyOfRange(childKey, 1, 33)));
    XonlyPublicKey output = internal.outputKey(Crypto.TaprootTweak.KeyPathTweak.INSTANCE).getFirst();
    return Script.write(List.of(fr.acinq.bitcoin.OP_1.INSTANCE,
        new fr.acinq.bitcoin.OP_PUSHDATA(output)));
  }

  /** "TXID:VOUT:AMOUNT" entries (amount in satoshi here) with the script each pays. */
  record Prevout(String txid, long vout, long sats, byte[] script) {}

  static Map<OutPoint, TxOut> prevouts(List<Prevout> list) {
    Map<OutPoint, TxOut> m = new HashMap<>();
    for (Prevout p : list) {
      m.put(new OutPoint(new TxId(p.txid()), p.vout()), new TxOut(new Satoshi(p.sats()), p.script()));
    }
    return m;
  }

  /** bitcoin-kmp's script interpreter with Bitcoin Core's standard flags; throws when invalid. */
  static void verify(String hex, Map<OutPoint, TxOut> prevouts) {
    Transaction.correctlySpends(Transaction.read(hex), prevouts,
        fr.acinq.bitcoin.ScriptFlags.STANDARD_SCRIPT_VERIFY_FLAGS);
  }
}
