package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Vultisig SDK ({@code @vultisig/sdk}, through {@code ../shared/peers}
 * {@code vsdk-import-addresses.mjs}) imports a vault share that Keyshard exported as a
 * password-encrypted {@code .vult} with {@code keyshard vault export}, and derives the same 24 addresses as Keyshard. Also checks
 * {@code keyshard address} on a real Vultisig backup against the fixture. Runs under
 * {@code .ci/run}; skipped locally without {@code KEYSHARD_PEERS}.
 */
class VultisigSdkInteropTest {
  static final Path FIXTURES = Path.of("../keyshard-vault/src/test/resources/vectors/vultisig");

  /** The user's path: keygen --vault, vault import, vault export --encrypt, then the SDK. */
  @Test
  void sdkImportsOurExportAndDerivesOurAddresses(@TempDir Path tmp) throws Exception {
    Peers.dir();
    Path pw = Files.writeString(tmp.resolve("pw"), "interop pw\n");
    Path home = tmp.resolve("home");
    CliRun made = CliRun.of("keygen", "--vault", "Keyshard interop", "-t", "2", "-n", "3", "--out",
        tmp.resolve("shares").toString(), "--password-file", pw.toString(), "--json");
    assertEquals(0, made.exitCode(), made.err());
    String share2 = JsonParser.parseString(made.out()).getAsJsonObject().getAsJsonArray("shares")
        .get(1).getAsString();
    CliRun imported = CliRun.of("vault", "import", share2, "--home", home.toString(),
        "--password-file", pw.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    Path file = tmp.resolve("keyshard.vult");
    CliRun exported = CliRun.of("vault", "export", "Keyshard interop", "--out", file.toString(),
        "--encrypt", "--home", home.toString(), "--password-file", pw.toString());
    assertEquals(0, exported.exitCode(), exported.err());
    CliRun ours = CliRun.of("address", "--vault", "Keyshard interop", "--home", home.toString(),
        "--json");
    assertEquals(0, ours.exitCode(), ours.err());
    JsonObject expected = new JsonObject();
    expected.add("addresses", JsonParser.parseString(ours.out()).getAsJsonObject());
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
