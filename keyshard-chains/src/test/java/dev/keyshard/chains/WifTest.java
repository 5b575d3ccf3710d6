package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Wif} against the compressed-key private-key vectors that the chains' own nodes test. */
class WifTest {
  /**
   * bitcoin/bitcoin src/test/data/key_io_valid.json (commit 1010c48a), every entry with
   * "isPrivkey": true and "isCompressed": true: mainnet (0x80), then testnet4, signet and regtest
   * (0xef).
   */
  @ParameterizedTest
  @CsvSource({
      "80, L5nJeqKmpHp4P7F8ZYyjwc5a7P4d8EabuGAzfGJk7yC1BJyzNaEd,"
          + " ff778740f88ddcf102aeb81daee289c044c4a4571c4b6f287400f4b8e0b843f8",
      "80, KwuVvu6hsuEMHrfFWJQV64tRrWX3QzqHH18JuAHYqYV6dqBvNKxd,"
          + " 147804bf8a0dfff35939a611c7f5a60ac107f33f33d6059f273d2079ab1d90f2",
      "ef, cV83kKisF3RQSvXbUCm9ox3kaz5JjEUBWcx8tNydfGJcyeUxuH47,"
          + " e0fcd4ce4e3d0e3de091f21415bb7cd011fac288c42020a879f28c2a4387df9b",
      "ef, cND53Dhp8eCZqG2ghe8YhSCGesXZ8fE5PGD1khrqNvEi4RBoXhEK,"
          + " 12b5a10f3a11e708dc5412833c47ab7c368a21b9efe19293793ec879ce683018",
      "ef, cPisAUdLvqqAr6MYtXnrWvgvyUAwuNyuTvZkDGw6miPhZdaiSDNH,"
          + " 3fdfec1371cedcdb8c190ca6ff8ad603f817edc0d93c2a687c7b36dd66e70f2a",
      "ef, cNEnbfF2fcxmmCLWqMAaq6fxJvVkwMbyU3kCbpQznz4Z1j6TZDGb,"
          + " 1397b0d4a03e1ab2c54dd9af99ce1ecbfb90c80a58886da95e1181a55703d96b",
      "ef, cUtwbyxoL1owPxUafgH2meEpydeywjhnTYv2mJaFHHchz39AaEgy,"
          + " da3ed4ef1647e1733ec076919cab6156077ed9532e7c365acc425747e198b3e1",
      "ef, cRez45VGSp5EXNqm89K3NJJPSKKapJg5Kbw3atxr2337x2gtgYed,"
          + " 798d87586cffbe8c545ab374454e403b1eb831501ebe89f3c3b02f3137bd7b46",
  })
  void bitcoinCoreVectors(String version, String wif, String key) {
    assertEquals(wif, Wif.encode((byte) Integer.parseInt(version, 16), HexFormat.of().parseHex(key)));
  }

  @Test
  void bitcoinMainnetVersionIsTheVectorsOne() {
    assertEquals(
        "L5nJeqKmpHp4P7F8ZYyjwc5a7P4d8EabuGAzfGJk7yC1BJyzNaEd",
        Wif.encode(Wif.version(Chain.BITCOIN), HexFormat.of().parseHex(
            "ff778740f88ddcf102aeb81daee289c044c4a4571c4b6f287400f4b8e0b843f8")));
  }

  /**
   * litecoin-project/litecoin src/test/data/key_io_valid.json (commit b270cd90), the mainnet
   * entries with "isPrivkey" and "isCompressed" true.
   */
  @ParameterizedTest
  @CsvSource({
      "T5MZ5z9WqJxzVxYyVPecTJUSDkzDWrUYe1JuSX2AqJ9jKmLJrvTE,"
          + " 44b78d45adc801a65949661d5df1c4a44f532cd422be413a505d776784ddbe25",
      "TAhBKuN6oDx4cGuTcfxEEt6qShF7juasHLj5wgURB5MoK7cK9n9A,"
          + " e3ffeebbdc2a885f985197af145401cd1146aaf51a1b26bf92580fa064ea462d",
  })
  void litecoinCoreVectors(String wif, String key) {
    assertEquals(wif, Wif.encode(Wif.version(Chain.LITECOIN), HexFormat.of().parseHex(key)));
  }

  /**
   * dogecoin/dogecoin src/test/data/base58_keys_valid.json (commit 0c5e1854), the mainnet entries
   * with "isPrivkey" and "isCompressed" true. That file gives these keys as 65 hex digits: the
   * 32-byte key followed by a stray "0" (its decoded payload ends in the 0x01 flag); the first 64
   * digits are the key.
   */
  @ParameterizedTest
  @CsvSource({
      "QP5rQxpaP8HHPEdCEqxTjiHGWRvsyPvzZJeJ9BCxpfT13FN9VesQ,"
          + " 0e017cc6ad98c6646a1139114e8dcd9bf2537f3e0306a2f43dea03f91fea370a",
      "QVi86rdL3APa6TXXwPdRnKfqVfzGv6a993E5LeiHXaGGjE7cpah1,"
          + " d3b068bb594f19c1c70931d8aa19ab774147f946021737c988cafb51980f53fa",
      "QPyvGzBensKS63stwvzsxrqQafwdFtYYqqmDhuxySpY1jkEKZ6kr,"
          + " 28ca745f92b0b9b2ca2b4ebe566b665b3fca522855482c840f457b2a6cef5535",
      "QUsNNw934sS8DjjTNKAkpZbN2RUFW1YaNz6PHYgkFMaj8uWhCuLc,"
          + " ba9bb7f48969e94301025313c298916b2913fb7eecefe98b9128ef4d87e40ea4",
      "QRy3VpfeQ9hynFuZe7wJ7aPUNTtFmLrXoWQDtUY7fkoFQsNDLiTu,"
          + " 6403e70451390134f2bddbe5ecb33c5b264af292fcbf2cdd97deaac7e1e8f7ba",
      "QVDwi7RFwB1hL2upnnEBn1HjaTexNWSYtkYpdE1VhcY3n7faQ32D,"
          + " c531526045e4585f3893dfa6e6e6b71af4fa517ba280039b35667b60a95de9e2",
  })
  void dogecoinCoreVectors(String wif, String key) {
    assertEquals(wif, Wif.encode(Wif.version(Chain.DOGECOIN), HexFormat.of().parseHex(key)));
  }

  @Test
  void onlyUtxoChainsHaveAVersion() {
    assertThrows(IllegalArgumentException.class, () -> Wif.version(Chain.ETHEREUM));
    assertThrows(IllegalArgumentException.class, () -> Wif.version(Chain.SOLANA));
    for (Chain c : Chain.values()) {
      assertEquals(Wif.applies(c), switch (c) {
        case BITCOIN, LITECOIN, DOGECOIN, DASH, BITCOIN_CASH, ZCASH -> true;
        default -> false;
      }, c.displayName());
    }
  }
}
