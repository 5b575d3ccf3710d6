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
        "ecdsa: the message is the 32-byte hash that was signed and the signature the 64-byte "
            + "compact r || s; high-S signatures (s > n/2) are rejected, as Bitcoin (BIP-146 "
            + "LOW_S) and Ethereum (EIP-2) policy reject them.",
        "Exit code 0 when valid, 1 when not."})
final class VerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scheme", required = true, description = "ed25519, bip340 or ecdsa.")
  String scheme;

  @Option(names = "--public-key", required = true, paramLabel = "HEX",
      description = "32-byte key (Ed25519, or BIP-340 x-only), or 33-byte compressed key (ecdsa).")
  String publicKey;

  @Option(names = "--message", required = true, paramLabel = "HEX",
      description = "The message; for ecdsa the 32-byte hash.")
  String message;

  @Option(names = "--signature", required = true, paramLabel = "HEX", description = "64-byte signature.")
  String signature;

  @Override
  public Integer call() {
    Scheme s = Scheme.parse(scheme);
    byte[] pub = HexArg.parse("--public-key", publicKey, s.publicKeyLength());
    byte[] msg = s == Scheme.ECDSA
        ? HexArg.parse("--message", message, Scheme.ECDSA_HASH_LENGTH)
        : HexArg.parse("--message", message);
    byte[] sig = HexArg.parse("--signature", signature, 64);
    PrintWriter o = spec.commandLine().getOut();
    if (s.verify(pub, msg, sig)) {
      o.println("valid " + s.id + " signature");
      o.flush();
      return 0;
    }
    PrintWriter e = spec.commandLine().getErr();
    e.println("keyshard: invalid " + s.id + " signature"
        + (s == Scheme.ECDSA && Scheme.isHighS(sig) ? " (high S: rejected as BIP-146 and EIP-2 require)" : ""));
    e.flush();
    return Main.EXIT_FAILURE;
  }
}
