package dev.keyshard.chains.verify;

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
 * The independent verifiers of {@code interop/} (npm: anvil, libauth, LiteSVM, cosmjs-types,
 * noble, Trust Wallet Core) and Debian's {@code litecoind}. {@code .ci/run} installs them; without
 * them a test that needs one is skipped locally and fails under CI ({@code CI=true}), so CI can
 * never pass by skipping.
 */
public final class Verifiers {
  private Verifiers() {}

  /** A finished script: its exit code and its standard output (standard error is apart). */
  public record Run(int exitCode, String stdout, String stderr) {}

  /** The repository's {@code interop/} directory, with its npm packages installed. */
  public static Path interop() {
    Path dir = repoRoot().resolve("interop");
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      unavailable("interop/node_modules is missing (run: cd interop && npm ci)");
    }
    return dir;
  }

  /** Path of a Debian program such as litecoind, or skip (fail under CI) when it is absent. */
  public static Path program(String name) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path p = Path.of(d, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    unavailable(name + " is not installed (apt-get install " + name + ")");
    return null;
  }

  /** Runs {@code node interop/SCRIPT args…} with {@code stdin} as its input, for at most 2 minutes. */
  public static Run node(String script, String stdin, String... args)
      throws IOException, InterruptedException {
    Path dir = interop();
    List<String> cmd = new ArrayList<>(List.of("node", dir.resolve(script).toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("keyshard-verifier", ".out");
    Path err = Files.createTempFile("keyshard-verifier", ".err");
    try {
      // Output goes to files, so a hung script cannot block a read past the deadline.
      Process p = new ProcessBuilder(cmd).directory(dir.toFile())
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("node " + script + " did not finish in 2 minutes");
      }
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("mvnw"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("not inside the Keyshard repository");
    }
    return p;
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + why + " (see .ci/run)");
    }
    Assumptions.abort(why + ": verifier test skipped (bash .ci/run installs it)");
  }
}
