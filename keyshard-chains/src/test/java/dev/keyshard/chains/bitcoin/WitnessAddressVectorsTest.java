package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.chains.tx.TransactionException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bitcoin/bips bip-0350.mediawiki, "Test vectors for v0-v16 native segregated witness
 * addresses": the valid ones give the listed scriptPubKey, the invalid ones are refused.
 */
class WitnessAddressVectorsTest {
  @ParameterizedTest
  @CsvSource({
      "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, 0014751e76e8199196d454941c45d1b3a323f1433bd6",
      "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7, 00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262",
      "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y, 5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6",
      "BC1SW50QGDZ25J, 6002751e",
      "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs, 5210751e76e8199196d454941c45d1b3a323",
      "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy, 0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
      "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c, 5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0, 512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798",
  })
  void valid(String address, String scriptPubKey) {
    WitnessAddress.Decoded d = WitnessAddress.decode(address);
    assertNotNull(d, address);
    byte[] p = d.program();
    String script = String.format("%02x%02x", d.version() == 0 ? 0 : 0x50 + d.version(), p.length)
        + HexFormat.of().formatHex(p);
    assertEquals(scriptPubKey, script);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
      "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",
      "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
      "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
      "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
      "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
      "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
      "bc1pw5dgrnzv",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
      "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
      "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",
      "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
      "bc1gmk9yu",
  })
  void invalid(String address) {
    assertNull(WitnessAddress.decode(address), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mainnet", "testnet", "regtest"})
  void invalidHumanReadablePart(String network) throws Exception {
    assertThrows(TransactionException.class, () -> AddressDecoder.decode("to",
        "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
        UtxoNetwork.of(UtxoChain.BITCOIN, network)));
  }
}
