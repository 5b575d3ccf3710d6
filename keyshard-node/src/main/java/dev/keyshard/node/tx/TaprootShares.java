package dev.keyshard.node.tx;

import dev.keyshard.chains.tx.SignatureScheme;
import dev.keyshard.chains.tx.SigningKey;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.mpc.frost.TaprootTweak;
import dev.keyshard.mpc.keys.KeyShare;
import java.util.Arrays;

/**
 * A device's share of the key a TAPROOT request signs under: its share of the vault's root
 * secp256k1 key, moved by the request's BIP-32 tweak δ and BIP-341 tap tweak t
 * ({@link TaprootTweak#derivedOutputKey}), and checked against the output key the chain layer
 * computed independently (BouncyCastle), so a share that would sign for another key is never used.
 */
public final class TaprootShares {
  private TaprootShares() {}

  /**
   * @param root this device's share of the root key (not changed)
   * @param key the request's signing key ({@code SigningRequest.signingKey})
   * @return a new share the caller must destroy
   * @throws TransactionSigningException when the tweaked share's key is not the request's output key
   */
  public static KeyShare of(KeyShare root, SigningKey key) throws TransactionSigningException {
    if (key.scheme() != SignatureScheme.TAPROOT) {
      throw new IllegalArgumentException("not a taproot key");
    }
    KeyShare tweaked = TaprootTweak.derivedOutputKey(root, key.derivationTweak(), key.tapTweak());
    byte[] x = ((Secp256k1Point) tweaked.publicKeys().groupKey()).xOnly();
    if (!Arrays.equals(x, key.publicKey())) {
      tweaked.destroy();
      throw new TransactionSigningException("this share's taproot key is not the request's output"
          + " key (a share of another vault?)");
    }
    return tweaked;
  }
}
