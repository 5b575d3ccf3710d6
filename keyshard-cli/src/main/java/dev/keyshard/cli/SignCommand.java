package dev.keyshard.cli;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.PartyId;
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
    description = {
      "Sign a message: with t or more share files of one key (--shares: all signers run here), "
          + "or with t devices of a vault through a relay (--vault on the initiating device, "
          + "--join CODE on the others).",
      "ecdsa keys sign a 32-byte message hash (e.g. SHA-256 or Keccak-256 of the data); the "
          + "signature is the 64-byte compact r || s, normalised to low S (BIP-146, EIP-2)."
    })
final class SignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--shares", arity = "1..*", paramLabel = "FILE",
      description = "Share files of the signing parties (at least the threshold).")
  List<Path> shareFiles;

  @Option(names = "--vault", paramLabel = "V",
      description = "Start signing with this vault (keystore entry or .kss file) and t-1 other "
          + "devices: prints a join code for them.")
  String vault;

  @Option(names = "--join", paramLabel = "CODE",
      description = "Co-sign the request of another device's join code with this device's share.")
  String join;

  @Option(names = "--scheme", paramLabel = "SCHEME", defaultValue = "ecdsa",
      description = "With --vault: ecdsa (default; the vault's DKLs23 key) or eddsa (its Ed25519 key).")
  String vaultScheme;

  @Option(names = "--path", paramLabel = "PATH",
      description = "With --vault and ecdsa: sign with the key at this BIP-32 path, derived "
          + "non-hardened as for the vault's addresses (e.g. m/44'/60'/0'/0/0 for Ethereum).")
  String path;

  @Option(names = "--yes", description = "With --join: sign without asking (for scripts).")
  boolean yes;

  @picocli.CommandLine.Mixin SessionOptions session;
  @picocli.CommandLine.Mixin HomeOption home;
  @picocli.CommandLine.Mixin PasswordOption password;

  @Option(names = "--message", paramLabel = "HEX",
      description = "The message, hex-encoded; for ecdsa exactly 32 bytes (the hash to sign).")
  String message;

  @Option(names = "--tweak", paramLabel = "HEX32",
      description = "ecdsa only: sign under the tweaked key P + TWEAK·G, for a 32-byte big-endian "
          + "scalar below the group order n (e.g. the summed tweak of a BIP-32 non-hardened "
          + "derivation). The printed public key is then the tweaked key, not the shares' key.")
  String tweak;

  @Option(names = "--json", description = "Print {\"scheme\",\"publicKey\",\"message\",\"signature\"}; "
      + "for ecdsa also \"recoveryId\" (0-3), with publicKey the 33-byte compressed key (the "
      + "tweaked key, with --tweak).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    int modes = (shareFiles != null ? 1 : 0) + (vault != null ? 1 : 0) + (join != null ? 1 : 0);
    if (modes != 1) {
      throw new UserError("give one of --shares FILE…, --vault V or --join CODE");
    }
    if (join != null) {
      return new DeviceSigning(spec, session, home, password, json).join(join, yes);
    }
    if (message == null) {
      throw new UserError("--message HEX is needed");
    }
    if (vault != null) {
      return new DeviceSigning(spec, session, home, password, json)
          .initiate(vault, vaultScheme, HexArg.parse("--message", message), path);
    }
    byte[] msg = HexArg.parse("--message", message);
    byte[] tweakBytes = tweak == null ? null : HexArg.parse("--tweak", tweak, 32);
    List<ShareFile> files = new ArrayList<>();
    for (Path p : shareFiles) {
      files.add(ShareFile.read(p));
    }
    Scheme scheme = files.get(0).scheme;
    PublicKeyPackage key = files.get(0).publicKeys();
    Set<PartyId> seen = new HashSet<>();
    for (int i = 0; i < files.size(); i++) {
      ShareFile f = files.get(i);
      if (f.scheme != scheme || !f.publicKeys().equals(key)) {
        throw new UserError(shareFiles.get(i) + " belongs to a different key than " + shareFiles.get(0));
      }
      if (!seen.add(f.self())) {
        throw new UserError(shareFiles.get(i) + " repeats party " + f.self().value());
      }
    }
    if (scheme == Scheme.ECDSA && msg.length != Scheme.ECDSA_HASH_LENGTH) {
      throw new UserError("--message: ecdsa signs a 32-byte hash (e.g. SHA-256 of the data), got "
          + msg.length + " bytes");
    }
    Scalar delta = null;
    if (tweakBytes != null) {
      if (scheme != Scheme.ECDSA) {
        throw new UserError("--tweak is only for ecdsa keys, not " + scheme.id);
      }
      try {
        delta = Secp256k1.INSTANCE.decodeScalar(tweakBytes);
      } catch (InvalidEncodingException e) {
        throw new UserError("--tweak: must be less than the secp256k1 group order n");
      }
    }
    int t = key.committee().threshold();
    if (files.size() < t) {
      throw new UserError("this key needs " + t + " shares to sign, got " + files.size());
    }
    LocalCeremony.Signing s = LocalCeremony.sign(scheme, files, msg, delta, new SecureRandom());
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      JsonOut j = new JsonOut().put("scheme", scheme.id).put("publicKey", HexArg.format(s.publicKey()))
          .put("message", HexArg.format(msg)).put("signature", HexArg.format(s.signature()));
      if (s.ecdsa() != null) {
        j.put("recoveryId", s.ecdsa().recoveryId());
      }
      o.println(j);
    } else if (s.ecdsa() != null) {
      o.println("signature:   " + HexArg.format(s.signature()) + " (r || s, low S)");
      o.println("DER:         " + HexArg.format(s.ecdsa().toDer()));
      o.println("recovery id: " + s.ecdsa().recoveryId());
      o.println("public key:  " + HexArg.format(s.publicKey()) + " (" + scheme.id
          + (delta != null ? ", tweaked: P + tweak·G" : "") + ")");
    } else {
      o.println("signature:  " + HexArg.format(s.signature()));
      o.println("public key: " + HexArg.format(s.publicKey()) + " (" + scheme.id + ")");
    }
    o.flush();
    return 0;
  }
}
