package dev.keyshard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyshard demo}: a 2-of-3 key for each scheme by DKG, a signature by two of the three
 * parties (for ecdsa, DKLs23 signing SHA-256 of the message), checked by BouncyCastle. Everything runs in this process until the relay exists.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Create 2-of-3 keys by DKG (ed25519, bip340: FROST; ecdsa: DKLs23), sign with two "
        + "parties (ecdsa signs SHA-256 of the message), verify independently with BouncyCastle.")
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    SecureRandom rng = new SecureRandom();
    byte[] message = "Keyshard demo: no single point of failure".getBytes(StandardCharsets.UTF_8);
    o.println("Keyshard demo: 2-of-3 threshold keys, created by distributed key generation");
    o.println("(three parties in this process; the key is never assembled anywhere).");
    o.println("message: \"" + new String(message, StandardCharsets.UTF_8) + "\"");
    o.println();
    boolean allValid = true;
    for (Scheme s : Scheme.values()) {
      // ECDSA signs a 32-byte hash: SHA-256 of the message (as Bitcoin's ECDSA signs a hash).
      byte[] signed = s == Scheme.ECDSA ? MessageDigest.getInstance("SHA-256").digest(message) : message;
      long t0 = System.nanoTime();
      LocalCeremony.Keygen k = LocalCeremony.keygen(s, 2, 3, rng);
      long t1 = System.nanoTime();
      // Parties 1 and 3 sign; party 2 stays offline.
      List<ShareFile> signers = List.of(k.shares().get(0), k.shares().get(2));
      LocalCeremony.Signing sig = LocalCeremony.sign(s, signers, signed, null, rng);
      long t2 = System.nanoTime();
      boolean valid = s.verify(sig.publicKey(), signed, sig.signature());
      allValid &= valid;
      o.printf("%-8s public key  %s%n", s.id, HexArg.format(sig.publicKey()));
      if (s == Scheme.ECDSA) {
        o.printf("%-8s hash        %s (SHA-256 of the message)%n", "", HexArg.format(signed));
      }
      o.printf("%-8s signature   %s%n", "", HexArg.format(sig.signature()));
      if (s == Scheme.ECDSA) {
        o.printf("%-8s recovery id %d (signature is r || s, low S)%n", "", sig.ecdsa().recoveryId());
      }
      o.printf("%-8s %s %.1f ms (%,d bytes), signing by P1+P3 %.1f ms (%,d bytes), BouncyCastle says %s%n%n",
          "", s == Scheme.ECDSA ? "DKLs23 keygen" : "DKG", (t1 - t0) / 1e6, k.bytes(), (t2 - t1) / 1e6,
          sig.bytes(), valid ? "VALID" : "INVALID");
    }
    o.println("Timings include JIT warm-up; see 'keyshard bench' for steady-state figures.");
    o.flush();
    return allValid ? 0 : Main.EXIT_FAILURE;
  }
}
