package dev.keyshard.cli;

import dev.keyshard.chains.Chain;
import dev.keyshard.node.JoinCode;
import dev.keyshard.node.SessionException;
import dev.keyshard.node.SignRequest;
import dev.keyshard.node.SigningCeremony;
import dev.keyshard.node.VaultCeremony;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.keystore.Keystore;
import dev.keyshard.vault.keystore.KeystoreEntry;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code sign --vault} and {@code sign --join}: threshold signing across devices. A co-signer
 * reads the request from the join code itself, derives the signing key from its own vault, shows
 * what it is about to sign — vault, scheme, path, the address that key controls, the message —
 * and asks before it signs.
 */
final class DeviceSigning {
  private final CommandSpec spec;
  private final SessionOptions session;
  private final HomeOption home;
  private final PasswordOption password;
  private final boolean json;

  DeviceSigning(CommandSpec spec, SessionOptions session, HomeOption home, PasswordOption password,
      boolean json) {
    this.spec = spec;
    this.session = session;
    this.home = home;
    this.password = password;
    this.json = json;
  }

  int initiate(String vault, String scheme, byte[] message, String path) {
    KeyshardVaultShare share = VaultStore.open(vault, home.resolve(), password);
    SignRequest request;
    try {
      request = new SignRequest(share.info().id(), SignRequest.Scheme.parse(scheme), message,
          path == null ? "" : path);
      if (!request.path().isEmpty()) {
        dev.keyshard.vault.hd.DerivationPath.parse(request.path());
      }
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    SigningCeremony ceremony = new SigningCeremony(new SecureRandom(), options());
    try (SessionOptions.Relay relay = session.open()) {
      SigningCeremony.Initiator init = ceremony.initiate(relay.url(), share, request);
      int t = share.info().threshold();
      session.show(init.joinCode().format(), "signing with vault '" + share.info().name() + "' ("
          + (t - 1) + " more device" + (t > 2 ? "s" : "") + "); on each run: keyshard sign --join CODE",
          spec.commandLine().getOut());
      long started = System.nanoTime();
      SigningCeremony.Result r;
      try {
        r = init.run();
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e).replace("nothing was stored", "nothing was signed"));
      }
      relay.drain(init.joinCode().session(), t);
      print(request, r, System.nanoTime() - started);
      return 0;
    } finally {
      share.destroy();
    }
  }

  int join(String code, boolean yes) {
    JoinCode jc;
    SignRequest request;
    try {
      jc = JoinCode.parse(code);
      if (SigningCeremony.isTransaction(jc)) {
        return joinTransaction(jc, yes);
      }
      if (!"sign".equals(jc.param("kind"))) {
        throw new UserError("this join code is for creating a vault: use 'keyshard vault join CODE'");
      }
      request = signRequest(jc);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    KeystoreEntry entry = entryFor(request.vaultId());
    KeyshardVaultShare share = VaultStore.open(entry.ref(), home.resolve(), password);
    SigningCeremony ceremony = new SigningCeremony(new SecureRandom(), options());
    try {
      long started = System.nanoTime();
      SigningCeremony.Result r;
      try {
        r = ceremony.join(jc, share, req -> approve(share.info(), req, yes));
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e).replace("nothing was stored", "nothing was signed"));
      }
      print(request, r, System.nanoTime() - started);
      return 0;
    } finally {
      share.destroy();
    }
  }

  /**
   * Co-signs a transaction: builds it from the session's request with this device's own vault,
   * shows what it does, asks, and signs the requests it computed itself.
   */
  private int joinTransaction(JoinCode jc, boolean yes) {
    KeystoreEntry entry = entryFor(jc.param("vault"));
    KeyshardVaultShare share = VaultStore.open(entry.ref(), home.resolve(), password);
    SigningCeremony ceremony = new SigningCeremony(new SecureRandom(), options());
    try {
      long started = System.nanoTime();
      List<dev.keyshard.chains.tx.ChainSignature> signatures;
      try {
        signatures = ceremony.joinTransaction(jc, share, dev.keyshard.node.TransactionFactory.REGISTERED,
            tx -> approveTransaction(share.info(), tx, yes));
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e).replace("nothing was stored", "nothing was signed"));
      }
      PrintWriter o = spec.commandLine().getOut();
      if (json) {
        o.println(new JsonOut().put("signatures", signatures.size()));
      } else {
        o.printf("Co-signed the transaction (%d signature%s) in %.1f s; the initiating device "
            + "assembles and sends it.%n", signatures.size(), signatures.size() == 1 ? "" : "s",
            (System.nanoTime() - started) / 1e9);
      }
      o.flush();
      return 0;
    } finally {
      share.destroy();
    }
  }

  /** Shows the transaction as this device built it, and asks. */
  private boolean approveTransaction(VaultInfo v, dev.keyshard.chains.tx.UnsignedTransaction tx,
      boolean yes) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("Transaction to co-sign with vault '" + v.name() + "' (" + v.id().substring(0, 8)
        + "), as this device built it:");
    tx.summary().lines().forEach(l -> err.println("  " + l));
    err.println("  signatures: " + tx.signingRequests().size());
    err.flush();
    if (yes) {
      return true;
    }
    Console console = System.console();
    if (console == null) {
      throw new UserError("no terminal to confirm on: give --yes to sign without asking");
    }
    String answer = console.readLine("Sign this transaction? [y/N] ");
    return answer != null && answer.strip().equalsIgnoreCase("y");
  }

  private static SignRequest signRequest(JoinCode jc) {
    String p = jc.param("path");
    return new SignRequest(jc.param("vault"), SignRequest.Scheme.parse(jc.param("scheme")),
        HexFormat.of().parseHex(jc.param("message")), p.equals("-") ? "" : p);
  }

  private KeystoreEntry entryFor(String vaultId) {
    try {
      List<KeystoreEntry> mine = new Keystore(home.resolve()).list().entries().stream()
          .filter(e -> e.vault().id().equals(vaultId) && e.vault().kind().canSign()).toList();
      if (mine.isEmpty()) {
        throw new UserError("this keystore holds no share of vault " + vaultId.substring(0, 8)
            + " (see 'keyshard vault list')");
      }
      return mine.get(0);
    } catch (IOException e) {
      throw new UserError("cannot read the keystore: " + e.getMessage());
    }
  }

  /** Shows the request as this device understands it, and asks. */
  private boolean approve(VaultInfo v, SignRequest req, boolean yes) {
    PrintWriter err = spec.commandLine().getErr();
    err.println("Sign request for vault '" + v.name() + "' (" + v.id().substring(0, 8) + "):");
    err.println("  scheme:  " + req.scheme().id() + (req.path().isEmpty() ? " (root key)" : " at " + req.path()));
    String controls = controlled(v, req);
    if (controls != null) {
      err.println("  key of:  " + controls);
    }
    err.println("  message: " + HexFormat.of().formatHex(req.message()));
    err.flush();
    if (yes) {
      return true;
    }
    Console console = System.console();
    if (console == null) {
      throw new UserError("no terminal to confirm on: give --yes to sign without asking");
    }
    String answer = console.readLine("Sign this? [y/N] ");
    return answer != null && answer.strip().equalsIgnoreCase("y");
  }

  /** The addresses the signing key controls, derived here from this device's own vault. */
  private static String controlled(VaultInfo v, SignRequest req) {
    java.util.Map<String, List<String>> byAddress = new java.util.LinkedHashMap<>();
    String wanted = dev.keyshard.vault.hd.DerivationPath.parse(req.path().isEmpty() ? "m" : req.path())
        .toString();
    for (Chain c : Chain.values()) {
      boolean match = req.scheme() == SignRequest.Scheme.EDDSA ? !c.isEcdsa()
          : c.isEcdsa() && c.path().toString().equals(wanted);
      if (match) {
        byAddress.computeIfAbsent(c.address(v.publicKeyEcdsa(), v.publicKeyEddsa(), v.chainCode()),
            k -> new java.util.ArrayList<>()).add(c.displayName());
      }
    }
    List<String> parts = new java.util.ArrayList<>();
    byAddress.forEach((address, chains) -> parts.add(String.join("/", chains) + " " + address));
    return parts.isEmpty() ? null : String.join("; ", parts);
  }

  private VaultCeremony.Options options() {
    PrintWriter err = spec.commandLine().getErr();
    return new VaultCeremony.Options(session == null ? Duration.ofMinutes(10) : session.joinTimeout(),
        session == null ? Duration.ofMinutes(2) : session.signingStepTimeout(), line -> {
          err.println("sign: " + line);
          err.flush();
        });
  }

  private void print(SignRequest req, SigningCeremony.Result r, long nanos) {
    PrintWriter o = spec.commandLine().getOut();
    HexFormat hex = HexFormat.of();
    if (json) {
      JsonOut j = new JsonOut().put("scheme", req.scheme().id()).put("publicKey", hex.formatHex(r.publicKey()))
          .put("message", hex.formatHex(req.message())).put("signature", hex.formatHex(r.signature()));
      if (r.recoveryId() >= 0) {
        j.put("recoveryId", r.recoveryId());
      }
      if (!req.path().isEmpty()) {
        j.put("path", req.path());
      }
      o.println(j);
    } else {
      o.printf("Signed in %.1f s.%n", nanos / 1e9);
      o.println("signature:  " + hex.formatHex(r.signature())
          + (r.recoveryId() >= 0 ? " (r || s, low S; recovery id " + r.recoveryId() + ")" : ""));
      o.println("public key: " + hex.formatHex(r.publicKey()));
    }
    o.flush();
  }
}
