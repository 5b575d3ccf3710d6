package dev.keyshard.cli;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyshard bench}: median wall time of keygen and signing, all parties in this thread (as
 * the peers in ../shared/peers are measured). For rigorous numbers use the JMH suite in
 * keyshard-bench; this is the quick check a user can run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Measure keygen and signing: median times and bytes on the wire.")
final class BenchCommand implements Callable<Integer> {
  static final int FROST_RUNS = 50;
  static final int FROST_WARMUP = 50;
  static final int ECDSA_RUNS = 5;
  static final int ECDSA_WARMUP = 2;

  @Spec CommandSpec spec;

  @Option(names = "--scheme", required = true, description = "ed25519, bip340 or ecdsa.")
  String scheme;

  @Option(names = "-t", defaultValue = "2", description = "Threshold (default: ${DEFAULT-VALUE}).")
  int threshold;

  @Option(names = "-n", defaultValue = "3", description = "Parties (default: ${DEFAULT-VALUE}).")
  int parties;

  @Option(names = "--runs", paramLabel = "R",
      description = "Measured runs (default: " + FROST_RUNS + ", or " + ECDSA_RUNS + " for ecdsa).")
  Integer runsOption;

  @Option(names = "--warmup", paramLabel = "W",
      description = "Unmeasured runs first, to let the JIT compile (default: " + FROST_WARMUP
          + ", or " + ECDSA_WARMUP + " for ecdsa, whose key generation takes about a second).")
  Integer warmupOption;

  @Option(names = "--json", description = "Print {\"scheme\",\"threshold\",\"parties\",\"keygenMs\",\"signMs\",\"keygenBytes\",\"signBytes\"}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Scheme s = Scheme.parse(scheme);
    boolean slow = s == Scheme.ECDSA;
    int runs = runsOption != null ? runsOption : slow ? ECDSA_RUNS : FROST_RUNS;
    int warmup = warmupOption != null ? warmupOption : slow ? ECDSA_WARMUP : FROST_WARMUP;
    if (threshold < 2 || threshold > parties || parties > 16) {
      throw new UserError("need 2 <= t <= n <= 16, got t=" + threshold + ", n=" + parties);
    }
    if (runs < 1 || warmup < 0) {
      throw new UserError("--runs must be at least 1 and --warmup not negative");
    }
    PrintWriter err = spec.commandLine().getErr();
    SecureRandom rng = new SecureRandom();
    byte[] message = new byte[32]; // 32 bytes: the hash an ecdsa signature covers
    double[] keygenMs = new double[runs];
    double[] signMs = new double[runs];
    long keygenBytes = 0;
    long signBytes = 0;
    if (!json) {
      err.println("bench: " + s.id + " " + threshold + "-of-" + parties + ", " + warmup
          + " warm-up and " + runs + " measured runs...");
      err.flush();
    }
    // Keygen and signing are measured in separate loops, as JMH does, so neither run's warm-up
    // and cache state distorts the other's.
    LocalCeremony.Keygen key = null;
    for (int i = -warmup; i < runs; i++) {
      long t0 = System.nanoTime();
      key = LocalCeremony.keygen(s, threshold, parties, rng);
      long t1 = System.nanoTime();
      if (i >= 0) {
        keygenMs[i] = (t1 - t0) / 1e6;
        keygenBytes = key.bytes();
      }
      progress(err, i, slow && !json);
    }
    List<ShareFile> signers = key.shares().subList(0, threshold);
    for (int i = -warmup; i < runs; i++) {
      rng.nextBytes(message);
      long t0 = System.nanoTime();
      LocalCeremony.Signing sig = LocalCeremony.sign(s, signers, message, null, rng);
      long t1 = System.nanoTime();
      if (!s.verify(sig.publicKey(), message, sig.signature())) {
        throw new IllegalStateException("BouncyCastle rejected a signature: this is a bug");
      }
      if (i >= 0) {
        signMs[i] = (t1 - t0) / 1e6;
        signBytes = sig.bytes();
      }
      progress(err, i, slow && !json);
    }
    if (slow && !json) {
      err.println();
      err.flush();
    }
    double kg = median(keygenMs);
    double sg = median(signMs);
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new JsonOut().put("scheme", s.id).put("threshold", threshold).put("parties", parties)
          .put("keygenMs", round(kg)).put("signMs", round(sg))
          .put("keygenBytes", keygenBytes).put("signBytes", signBytes));
    } else {
      o.printf("%s %d-of-%d: keygen %.2f ms (%,d bytes), sign %.2f ms (%,d bytes), median of %d%n",
          s.id, threshold, parties, kg, keygenBytes, sg, signBytes, runs);
    }
    o.flush();
    return 0;
  }

  /** One character per run when runs are slow: 'w' for warm-up, '.' for measured. */
  private static void progress(PrintWriter err, int run, boolean show) {
    if (show) {
      err.print(run < 0 ? 'w' : '.');
      err.flush();
    }
  }

  static double median(double[] xs) {
    double[] c = xs.clone();
    Arrays.sort(c);
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
  }

  private static double round(double ms) {
    return Math.round(ms * 1000) / 1000.0;
  }
}
