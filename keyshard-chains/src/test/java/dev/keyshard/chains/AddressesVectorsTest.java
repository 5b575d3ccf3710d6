package dev.keyshard.chains;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * All 24 addresses of both real Vultisig vaults, byte for byte, from their root keys and chain
 * code (the addresses the Vultisig SDK derives; see vectors/vultisig/SOURCE.md).
 */
class AddressesVectorsTest {
  static final Path DIR = Path.of("src/test/resources/vectors/vultisig");

  @ParameterizedTest
  @ValueSource(strings = {"cfa0", "44fd"})
  void everyFixtureAddressMatches(String tag) throws Exception {
    JsonObject vault = JsonParser.parseString(Files.readString(DIR.resolve(tag + "-expected.json")))
        .getAsJsonObject().getAsJsonObject("vault");
    JsonObject expected = JsonParser.parseString(
        Files.readString(DIR.resolve(tag + "-addresses-24.json"))).getAsJsonObject()
        .getAsJsonObject("addresses");
    HexFormat hex = HexFormat.of();
    Map<Chain, String> ours = Addresses.all(
        hex.parseHex(vault.getAsJsonObject("publicKeys").get("ecdsa").getAsString()),
        hex.parseHex(vault.getAsJsonObject("publicKeys").get("eddsa").getAsString()),
        hex.parseHex(vault.get("hexChainCode").getAsString()));
    assertEquals(24, expected.size());
    assertEquals(expected.size(), ours.size());
    for (Map.Entry<Chain, String> e : ours.entrySet()) {
      String name = e.getKey().displayName();
      assertEquals(expected.get(name).getAsString(), e.getValue(), tag + " " + name);
    }
  }
}
