package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.acinq.bitcoin.Base58Check;
import java.util.Arrays;

/**
 * Test helper: the parts of a BIP-32 serialised extended key (bip-0032.mediawiki,
 * "Serialization format"): version 4 ‖ depth 1 ‖ fingerprint 4 ‖ child number 4 ‖ chain code 32
 * ‖ key 33, base58check'd; bitcoin-kmp does the base58check. xpub/zpub and xprv/zprv differ only
 * in the version bytes (BIP-84 registers zpub/zprv), which are not checked here.
 */
record ExtendedKeys(byte[] chainCode, byte[] key) {
  static ExtendedKeys decode(String serialised) {
    byte[] b = Base58Check.decodeWithPrefixLen(serialised, 4).getSecond();
    assertEquals(74, b.length, "BIP-32 serialisation without its version is 74 bytes");
    return new ExtendedKeys(Arrays.copyOfRange(b, 9, 41), Arrays.copyOfRange(b, 41, 74));
  }

  /** A private key's 32 bytes (its serialisation is 0x00 ‖ ser_256(k)). */
  byte[] privateKey() {
    assertEquals(0, key[0], "a private extended key starts its key with 0x00");
    return Arrays.copyOfRange(key, 1, 33);
  }
}
