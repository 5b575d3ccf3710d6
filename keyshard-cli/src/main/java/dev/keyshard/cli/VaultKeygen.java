package dev.keyshard.cli;

import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.LocalVaultCreation;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VultMapping;
import dev.keyshard.vault.keystore.Argon2idParameters;
import dev.keyshard.vault.keystore.SealedVault;
import dev.keyshard.vault.vult.VultException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keygen --vault}: creates a vault with every party here and writes one sealed share file
 * per party ({@code NAME-<id>-p1-of-3.kss}), all or none.
 */
final class VaultKeygen {
  private final CommandSpec spec;
  private final String name;
  private final int threshold;
  private final int parties;
  private final Path out;
  private final PasswordOption password;
  private final boolean json;

  VaultKeygen(CommandSpec spec, String name, int threshold, int parties, Path out,
      PasswordOption password, boolean json) {
    this.spec = spec;
    this.name = name.strip();
    this.threshold = threshold;
    this.parties = parties;
    this.out = out;
    this.password = password;
    this.json = json;
  }

  int run() {
    if (name.isEmpty()) {
      throw new UserError("the vault name must not be empty");
    }
    char[] pw = password.read("the new vault's share files", true);
    PrintWriter err = spec.commandLine().getErr();
    if (!json) {
      err.println("keygen: creating vault '" + name + "' (" + threshold + "-of-" + parties
          + "): DKLs23 and FROST key generation" + (parties > 3 ? "; this takes a while" : "") + "...");
      err.flush();
    }
    SecureRandom rng = new SecureRandom();
    List<KeyshardVaultShare> shares;
    try {
      // Whole seconds: Vultisig's .vult keeps a protobuf Timestamp, and the files should agree.
      shares = LocalVaultCreation.create(name, threshold, parties,
          Instant.now().truncatedTo(ChronoUnit.SECONDS), rng).shares();
    } catch (ProtocolAbort e) {
      throw new UserError("key generation failed: " + e.getMessage());
    }
    VaultInfo info = shares.get(0).info();
    Map<Path, byte[]> files = new LinkedHashMap<>();
    try {
      for (KeyshardVaultShare share : shares) {
        files.put(out.resolve(fileName(share.info())),
            SealedVault.seal(VultMapping.toVault(share, InsecureSecretAccess.get()), pw,
                Argon2idParameters.DEFAULT, rng));
      }
    } catch (VultException e) {
      throw new IllegalStateException("a new vault did not describe itself", e);
    } finally {
      Arrays.fill(pw, '\0');
      shares.forEach(KeyshardVaultShare::destroy);
    }
    try {
      dev.keyshard.vault.keystore.AtomicFile.createDirectories(out);
      AtomicFiles.writeAll(files);
    } catch (FileAlreadyExistsException e) {
      throw new UserError(e.getFile());
    } catch (IOException e) {
      throw new UserError("cannot write shares to " + out + ": " + e.getMessage());
    }
    List<String> paths = new ArrayList<>();
    files.keySet().forEach(p -> paths.add(p.toString()));
    print(info, paths);
    return 0;
  }

  private void print(VaultInfo info, List<String> paths) {
    HexFormat hex = HexFormat.of();
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      o.println(new JsonOut().put("vault", info.name()).put("id", info.id())
          .put("threshold", threshold).put("parties", parties)
          .put("publicKeyEcdsa", hex.formatHex(info.publicKeyEcdsa()))
          .put("publicKeyEddsa", hex.formatHex(info.publicKeyEddsa()))
          .put("chainCode", hex.formatHex(info.chainCode())).put("shares", paths));
    } else {
      o.println("Created vault '" + info.name() + "', " + threshold + "-of-" + parties + ", id " + info.id());
      o.println("ECDSA public key: " + hex.formatHex(info.publicKeyEcdsa()));
      o.println("EdDSA public key: " + hex.formatHex(info.publicKeyEddsa()));
      for (String p : paths) {
        o.println("share:            " + p);
      }
      o.println("Move each file to its own device and run 'keyshard vault import FILE' there; any "
          + threshold + " of them can sign.");
    }
    o.flush();
  }

  /** A portable file name: the vault name's safe characters, the id prefix and the party. */
  static String fileName(VaultInfo v) {
    String safe = v.name().replaceAll("[^A-Za-z0-9._-]+", "_").replaceFirst("^\\.+", "_");
    if (safe.length() > 40) {
      safe = safe.substring(0, 40);
    }
    return String.format("%s-%s-%s-of-%d.kss", safe, v.id().substring(0, 8), v.localParty(),
        v.signers().size());
  }
}
