package dev.keyshard.chains;

import fr.acinq.bitcoin.Base58Check;
import java.util.Arrays;

/**
 * Wallet Import Format for a private key whose public key is used compressed: base58check of
 * version ‖ 32-byte big-endian key ‖ 0x01 (Bitcoin Core's {@code EncodeSecret}; the trailing 0x01
 * is what tells a wallet to derive the compressed public key and hence our addresses).
 */
final class Wif {
  private static final byte COMPRESSED = 0x01;

  private Wif() {}

  /** The secret-key version byte of a UTXO chain's mainnet; the chain's own chainparams. */
  static byte version(Chain chain) {
    return switch (chain) {
      case BITCOIN, BITCOIN_CASH, ZCASH -> (byte) 0x80;
      case LITECOIN -> (byte) 0xb0;
      case DOGECOIN -> (byte) 0x9e;
      case DASH -> (byte) 0xcc;
      default -> throw new IllegalArgumentException(chain.displayName() + " has no WIF");
    };
  }

  static boolean applies(Chain chain) {
    return switch (chain) {
      case BITCOIN, BITCOIN_CASH, ZCASH, LITECOIN, DOGECOIN, DASH -> true;
      default -> false;
    };
  }

  /** Encodes a 32-byte key; the caller wipes {@code key}, this wipes its own copy. */
  static String encode(byte version, byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException("private key must be 32 bytes");
    }
    byte[] payload = Arrays.copyOf(key, 33);
    payload[32] = COMPRESSED;
    try {
      return Base58Check.encode(version, payload);
    } finally {
      Arrays.fill(payload, (byte) 0);
    }
  }
}
