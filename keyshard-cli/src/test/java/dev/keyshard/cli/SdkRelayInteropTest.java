package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Vultisig SDK creates a vault (DKLS + Schnorr keygen) through {@code keyshard relay}:
 * {@code ../shared/peers/run-relay-e2e.sh} with {@code RELAY_CMD} pointing at our relay, inside a
 * network namespace with only loopback. Every device must end with the same vault keys.
 */
class SdkRelayInteropTest {
  @ParameterizedTest
  @ValueSource(ints = {2, 3})
  void vultisigSdkCreatesAVaultThroughOurRelay(int devices) throws Exception {
    Path peers = Peers.dir();
    if (!"root".equals(System.getProperty("user.name"))) {
      Assumptions.abort("run-relay-e2e.sh needs unshare -n (root)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // The script expands RELAY_CMD unquoted: no quotes, and paths without spaces.
    String relay = java + " -cp " + System.getProperty("java.class.path")
        + " dev.keyshard.cli.Main relay --port 18080";
    Path log = Files.createTempFile("keyshard-relay-e2e", ".log");
    ProcessBuilder pb = new ProcessBuilder("bash", "run-relay-e2e.sh", Integer.toString(devices))
        .directory(peers.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("RELAY_CMD", relay);
    Process p = pb.start();
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      fail("run-relay-e2e.sh did not finish in 6 minutes");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    assertTrue(out.contains("sdk-initiator rc=0"), out + tail(peers.resolve("sdk-initiator.err")));
    JsonObject initiator = JsonParser.parseString(
        Files.readString(peers.resolve("sdk-initiator.out"))).getAsJsonObject();
    String ecdsa = initiator.getAsJsonObject("publicKeys").get("ecdsa").getAsString();
    String eddsa = initiator.getAsJsonObject("publicKeys").get("eddsa").getAsString();
    for (int i = 1; i < devices; i++) {
      assertTrue(out.contains("joiner-" + i + " rc=0"), out);
      JsonObject joiner = JsonParser.parseString(
          Files.readString(peers.resolve("joiner-" + i + ".out"))).getAsJsonObject();
      assertEquals(ecdsa, joiner.get("ecdsa").getAsString(), "joiner-" + i);
      assertEquals(eddsa, joiner.get("eddsa").getAsString(), "joiner-" + i);
      assertEquals(initiator.get("hexChainCode").getAsString(), joiner.get("chainCode").getAsString());
    }
    assertEquals(devices, initiator.getAsJsonArray("signers").size());
  }

  private static String tail(Path f) throws java.io.IOException {
    if (!Files.exists(f)) {
      return "";
    }
    String s = Files.readString(f);
    return "\n" + s.substring(Math.max(0, s.length() - 2000));
  }
}
