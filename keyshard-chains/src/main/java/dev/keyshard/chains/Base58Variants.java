package dev.keyshard.chains;

import fr.acinq.bitcoin.Base58;
import fr.acinq.bitcoin.Base58Check;
import java.util.Arrays;

/**
 * The base58 encodings beyond Bitcoin's own: XRP's alphabet (base58check, other digit order) and
 * Polkadot's SS58 (base58 of prefix ‖ key ‖ a BLAKE2b checksum). Bitcoin's base58 and
 * base58check come from bitcoin-kmp.
 */
final class Base58Variants {
  private static final String BITCOIN = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String XRP = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz";
  private static final byte[] SS58_PRE = "SS58PRE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private Base58Variants() {}

  /** XRP Ledger base58check: the same number as Bitcoin's, written with XRP's digits. */
  static String xrpCheck(byte version, byte[] payload) {
    String bitcoin = Base58Check.encode(version, payload);
    StringBuilder b = new StringBuilder(bitcoin.length());
    for (int i = 0; i < bitcoin.length(); i++) {
      b.append(XRP.charAt(BITCOIN.indexOf(bitcoin.charAt(i))));
    }
    return b.toString();
  }

  /** SS58 with a one-byte network prefix (below 64; Polkadot is 0) of a 32-byte public key. */
  static String ss58(int prefix, byte[] publicKey) {
    byte[] data = new byte[33];
    data[0] = (byte) prefix;
    System.arraycopy(publicKey, 0, data, 1, 32);
    byte[] checksum = Hashes.blake2b(512, SS58_PRE, data);
    byte[] out = Arrays.copyOf(data, 35);
    out[33] = checksum[0];
    out[34] = checksum[1];
    return Base58.encode(out);
  }
}
