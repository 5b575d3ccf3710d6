package dev.keyshard.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard verify}: checks a signature with BouncyCastle, independent of our own code. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verify a signature (with BouncyCastle's verifier).",
        "Exit code 0 when valid, 1 when not."})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scheme", required = true, description = "ed25519 or bip340.")
  String scheme;

  @Option(names = "--public-key", required = true, paramLabel = "HEX",
      description = "32-byte key (Ed25519, or BIP-340 x-only).")
  String publicKey;

  @Option(names = "--message", required = true, paramLabel = "HEX")
  String message;

  @Option(names = "--signature", required = true, paramLabel = "HEX", description = "64-byte signature.")
  String signature;

  @Override
  public Integer call() {
    Scheme s = Scheme.parse(scheme);
    byte[] pub = HexArg.parse("--public-key", publicKey, s.publicKeyLength());
    byte[] msg = HexArg.parse("--message", message);
    byte[] sig = HexArg.parse("--signature", signature, 64);
    PrintWriter o = spec.commandLine().getOut();
    if (s.verify(pub, msg, sig)) {
      o.println("valid " + s.id + " signature");
      o.flush();
      return 0;
    }
    PrintWriter e = spec.commandLine().getErr();
    e.println("keyshard: invalid " + s.id + " signature");
    e.flush();
    return Main.EXIT_FAILURE;
  }
}
