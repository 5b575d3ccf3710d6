package dev.keyshard.chains;

import fr.acinq.bitcoin.Block;
import fr.acinq.bitcoin.ByteVector32;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.XonlyPublicKey;

/** Test helper: bitcoin-kmp's own key-path taproot tweak (libsecp256k1), a second verifier. */
final class KmpTaproot {
  private KmpTaproot() {}

  static byte[] outputKey(byte[] internalKey) {
    return xonly(internalKey).outputKey(Crypto.TaprootTweak.KeyPathTweak.INSTANCE).getFirst()
        .value.toByteArray();
  }

  static String mainnetAddress(byte[] internalKey) {
    return xonly(internalKey).p2trAddress(Block.LivenetGenesisBlock.hash);
  }

  private static XonlyPublicKey xonly(byte[] key) {
    return new XonlyPublicKey(new ByteVector32(key));
  }
}
