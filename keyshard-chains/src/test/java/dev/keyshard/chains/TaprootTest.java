package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.acinq.bitcoin.Bech32;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;

/** {@link Taproot} against BIP-341's key-path-only wallet vector, Bitcoin Core and bitcoin-kmp. */
class TaprootTest {
  static final HexFormat HEX = HexFormat.of();
  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");

  /**
   * bip-0341/wallet-test-vectors.json, "scriptPubKey", the entry with "scriptTree": null (the
   * only key-path-only one): its tweak, tweaked key and bip350Address.
   */
  @Test
  void bip341KeyPathOnlyVector() {
    byte[] internal =
        HEX.parseHex("d6889cb081036e0faefa3a35157ad71086b123b2b144b649798b494c300a961d");
    assertEquals("b86e7be8f39bab32a6f2c0443abbc210f0edac0e2c53d501b36b64437d9c6c70",
        HEX.formatHex(Taproot.tweak(internal)));
    assertEquals("53a1f6e454df1aa2776a2814a721372d6258050de330b3c6d10ee8f4e0dda343",
        HEX.formatHex(Taproot.outputKey(internal)));
    assertEquals("bc1p2wsldez5mud2yam29q22wgfh9439spgduvct83k3pm50fcxa5dps59h4z5",
        Taproot.address("bc", internal));
  }

  /**
   * bitcoin/bitcoin src/test/data/key_io_valid.json (commit 1010c48a): a mainnet witness v1
   * program and its address, so the encoding bitcoin-kmp gives version 1 is bech32m (BIP-350).
   */
  @Test
  void witnessV1IsBech32m() {
    String address = "bc1p83n3au0rjylefxq2nc2xh2y4jzz4pm6zxj4mw5pagdjjr2a9f36s6jjnnu";
    assertEquals(address, Bech32.encodeWitnessAddress("bc", (byte) 1,
        HEX.parseHex("3c671ef1e3913f94980a9e146ba895908550ef4234abb7503d436521aba54c75")));
    assertEquals(Bech32.Encoding.Bech32m, Bech32.decode(address, false).getThird());
  }

  /** Random keys of both parities: ours (BouncyCastle) and bitcoin-kmp's (libsecp256k1) agree. */
  @Test
  void agreesWithBitcoinKmp() {
    SecureRandom rng = new SecureRandom();
    for (int i = 0; i < 32; i++) {
      byte[] pub = CURVE.getG().multiply(new BigInteger(255, rng).add(BigInteger.ONE))
          .getEncoded(true);
      byte[] internal = Taproot.xOnly(pub);
      assertArrayEquals(KmpTaproot.outputKey(internal), Taproot.outputKey(internal));
      assertEquals(KmpTaproot.mainnetAddress(internal), Taproot.address("bc", internal));
    }
  }

  @Test
  void malformedKeysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Taproot.outputKey(new byte[31]));
    byte[] aboveP = new byte[32];
    java.util.Arrays.fill(aboveP, (byte) 0xff);
    assertThrows(IllegalArgumentException.class, () -> Taproot.outputKey(aboveP));
    assertThrows(IllegalArgumentException.class, () -> Taproot.xOnly(new byte[32]));
    byte[] uncompressed = CURVE.getG().getEncoded(false);
    assertThrows(IllegalArgumentException.class, () -> Taproot.xOnly(uncompressed));
  }
}
