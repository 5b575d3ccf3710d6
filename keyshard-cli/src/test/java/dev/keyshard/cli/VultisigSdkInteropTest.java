package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Addresses;
import dev.keyshard.chains.Chain;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.LocalVaultCreation;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VultMapping;
import dev.keyshard.vault.vult.VultFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Vultisig SDK ({@code @vultisig/sdk}, through {@code ../shared/peers}
 * {@code vsdk-import-addresses.mjs}) imports a vault share that Keyshard exported as a
 * password-encrypted {@code .vult}, and derives the same 24 addresses as Keyshard. Also checks
 * {@code keyshard address} on a real Vultisig backup against the fixture. Runs under
 * {@code .ci/run}; skipped locally without {@code KEYSHARD_PEERS}.
 */
class VultisigSdkInteropTest {
  static final Path FIXTURES = Path.of("../keyshard-vault/src/test/resources/vectors/vultisig");

  @Test
  void sdkImportsOurExportAndDerivesOurAddresses(@TempDir Path tmp) throws Exception {
    Peers.dir();
    LocalVaultCreation.Result vault = LocalVaultCreation.create("Keyshard interop", 2, 3,
        Instant.parse("2026-12-02T00:00:00Z"), new SecureRandom());
    KeyshardVaultShare share = vault.shares().get(1);
    String text = VultFile.encode(VultMapping.toVault(share, InsecureSecretAccess.get()),
        "interop pw".toCharArray(), new SecureRandom());
    Path file = Files.writeString(tmp.resolve("keyshard.vult"), text);
    VaultInfo info = share.info();
    JsonObject expected = new JsonObject();
    JsonObject addresses = new JsonObject();
    for (Map.Entry<Chain, String> e : Addresses.all(info.publicKeyEcdsa(), info.publicKeyEddsa(),
        info.chainCode()).entrySet()) {
      addresses.addProperty(e.getKey().displayName(), e.getValue());
    }
    expected.add("addresses", addresses);
    Path expect = Files.writeString(tmp.resolve("expected.json"), expected.toString());

    Peers.Run r = Peers.node("vsdk-import-addresses.mjs", file + ":interop pw", "--expect",
        expect.toString());
    assertEquals(0, r.exitCode(), r.output());
    assertTrue(r.output().contains("encrypted=true"), r.output());
    assertTrue(r.output().contains("vs expected: 24 match, 0 mismatch"), r.output());
    assertTrue(r.output().contains("localPartyId=p2"), r.output());
  }

  @Test
  void addressCommandPrintsTheFixtureAddresses() throws Exception {
    CliRun r = CliRun.of("address", "--vault", FIXTURES.resolve("cfa0-share2of2.vult").toString(),
        "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonObject ours = JsonParser.parseString(r.out()).getAsJsonObject();
    JsonObject expected = JsonParser.parseString(Files.readString(
        FIXTURES.resolve("cfa0-addresses-24.json"))).getAsJsonObject().getAsJsonObject("addresses");
    assertEquals(expected, ours);
  }
}
