package dev.keyshard.cli;

import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard sign}: threshold-sign a message with exactly the given share files. */
@Command(name = "sign", mixinStandardHelpOptions = true,
    description = "Sign a message with t or more share files of one key (all signers run here).")
final class SignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--shares", required = true, arity = "1..*", paramLabel = "FILE",
      description = "Share files of the signing parties (at least the threshold).")
  List<Path> shareFiles;

  @Option(names = "--message", required = true, paramLabel = "HEX", description = "The message, hex-encoded.")
  String message;

  @Option(names = "--json", description = "Print {\"scheme\",\"publicKey\",\"message\",\"signature\"}.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    byte[] msg = HexArg.parse("--message", message);
    List<ShareFile> files = new ArrayList<>();
    for (Path p : shareFiles) {
      files.add(ShareFile.read(p));
    }
    Scheme scheme = files.get(0).scheme;
    PublicKeyPackage key = files.get(0).share.publicKeys();
    Set<PartyId> seen = new HashSet<>();
    List<KeyShare> shares = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      ShareFile f = files.get(i);
      if (f.scheme != scheme || !f.share.publicKeys().equals(key)) {
        throw new UserError(shareFiles.get(i) + " belongs to a different key than " + shareFiles.get(0));
      }
      if (!seen.add(f.share.self())) {
        throw new UserError(shareFiles.get(i) + " repeats party " + f.share.self().value());
      }
      shares.add(f.share);
    }
    int t = key.committee().threshold();
    if (shares.size() < t) {
      throw new UserError("this key needs " + t + " shares to sign, got " + shares.size());
    }
    LocalCeremony.Signing s = LocalCeremony.sign(scheme, shares, msg, new SecureRandom());
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new JsonOut().put("scheme", scheme.id).put("publicKey", HexArg.format(s.publicKey()))
          .put("message", HexArg.format(msg)).put("signature", HexArg.format(s.signature())));
    } else {
      o.println("signature:  " + HexArg.format(s.signature()));
      o.println("public key: " + HexArg.format(s.publicKey()) + " (" + scheme.id + ")");
    }
    o.flush();
    return 0;
  }
}
