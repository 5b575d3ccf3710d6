package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The npm peers of {@code ../shared/peers} (the Vultisig SDK and friends) as test oracles. They
 * live where {@code $KEYSHARD_PEERS} points ({@code .ci/run} installs them there); without it a
 * test that needs them is skipped locally, and fails under CI ({@code CI=true}), so CI can never
 * pass by skipping. Scripts run offline: inside {@code unshare -n} (loopback only) when we are
 * root, and always behind the scripts' own fetch guard.
 */
final class Peers {
  private Peers() {}

  record Run(int exitCode, String output) {}

  static Path dir() {
    String env = System.getenv("KEYSHARD_PEERS");
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (env == null || !Files.isDirectory(Path.of(env, "node_modules"))) {
      if (ci) {
        fail("CI=true but KEYSHARD_PEERS does not point at installed peers (see .ci/run)");
      }
      Assumptions.abort("KEYSHARD_PEERS not set: interop test skipped (bash .ci/run sets it)");
    }
    return Path.of(env);
  }

  /** Runs {@code node script args…} in the peers' directory, offline, for at most 5 minutes. */
  static Run node(String script, String... args) throws IOException, InterruptedException {
    Path dir = dir();
    List<String> cmd = new ArrayList<>();
    if ("root".equals(System.getProperty("user.name"))) {
      StringBuilder inner = new StringBuilder("ip link set lo up; exec node ").append(script);
      for (String a : args) {
        inner.append(" '").append(a.replace("'", "'\\''")).append('\'');
      }
      cmd.addAll(List.of("unshare", "-n", "sh", "-c", inner.toString()));
    } else {
      cmd.add("node");
      cmd.add(script);
      cmd.addAll(List.of(args));
    }
    // Output goes to a file, so a hung script cannot block the read past the deadline.
    Path log = Files.createTempFile("keyshard-peer", ".log");
    try {
      Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("node " + script + " did not finish in 5 minutes");
      }
      return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
