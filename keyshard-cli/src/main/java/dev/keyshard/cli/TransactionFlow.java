package dev.keyshard.cli;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.ChainNode;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.VaultInfo;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The path of one transaction through {@code send} and {@code tx sign}: open the shares, let the
 * node fill in what it knows, build, show, ask, sign with t parties, assemble (every signature
 * checked first), print — the signed transaction is printed before any broadcast, so a refused or
 * lost broadcast loses nothing — and broadcast.
 */
final class TransactionFlow {
  private final CommandSpec spec;
  private final TransactionOptions options;
  private final List<String> sources;
  private final boolean overRelay;

  /**
   * @param sources the share files or keystore entries: one (this device's) over a relay, t local
   */
  TransactionFlow(CommandSpec spec, TransactionOptions options, List<String> sources, boolean overRelay) {
    this.spec = spec;
    this.options = options;
    this.sources = sources;
    this.overRelay = overRelay;
  }

  int run(TransactionIntent intent, boolean dryRun) {
    refuseUnsupportedChain(intent); // before any password is asked for
    List<KeyshardVaultShare> shares = openShares(dryRun);
    try {
      VaultInfo vault = shares.get(0).info();
      VaultKeys keys = VaultKeys.of(vault);
      if (options.rpc != null) {
        intent = complete(intent, keys);
      }
      UnsignedTransaction tx = build(intent, keys);
      PrintWriter err = spec.commandLine().getErr();
      err.println((dryRun ? "Transaction" : "Sending") + " from vault '" + vault.name() + "' ("
          + vault.id().substring(0, 8) + "):");
      tx.summary().lines().forEach(l -> err.println("  " + l));
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      if (dryRun) {
        out.println(tx.intent().toJson());
        out.flush();
        return 0;
      }
      if (!options.yes) {
        confirm();
      }
      List<ChainSignature> signatures = overRelay
          ? TransactionSigners.overRelay(spec, options, shares.get(0), tx)
          : TransactionSigners.local(shares, tx);
      SignedTransaction signed;
      try {
        signed = tx.assemble(signatures);
      } catch (InvalidTransactionSignatureException e) {
        throw new UserError("a signature did not verify, so nothing was assembled or sent: "
            + e.getMessage());
      }
      print(signed);
      if (options.rpc != null) {
        broadcast(signed);
      }
      return 0;
    } finally {
      shares.forEach(KeyshardVaultShare::destroy);
    }
  }

  private static void refuseUnsupportedChain(TransactionIntent intent) {
    try {
      Chain chain = intent.chain();
      if (!Transactions.supportedChains().contains(chain)) {
        throw new UserError("Keyshard cannot build " + chain.displayName() + " transactions yet "
            + "(it can: " + String.join(", ", Transactions.supportedChains().stream()
                .map(c -> c.displayName().toLowerCase(java.util.Locale.ROOT)).toList()) + ")");
      }
    } catch (TransactionException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** @param dryRun nothing is signed, so one share (for the vault's keys) is enough */
  private List<KeyshardVaultShare> openShares(boolean dryRun) {
    List<KeyshardVaultShare> shares = new ArrayList<>();
    Set<String> parties = new HashSet<>();
    for (String s : sources) {
      KeyshardVaultShare share = VaultStore.open(s, options.home.resolve(), options.password);
      shares.add(share);
      if (!share.info().id().equals(shares.get(0).info().id())) {
        shares.forEach(KeyshardVaultShare::destroy);
        throw new UserError(s + " is a share of another vault than " + sources.get(0));
      }
      if (!parties.add(share.info().localParty())) {
        shares.forEach(KeyshardVaultShare::destroy);
        throw new UserError(s + " repeats party " + share.info().localParty());
      }
    }
    int t = shares.get(0).info().threshold();
    if (!overRelay && !dryRun && shares.size() < t) {
      shares.forEach(KeyshardVaultShare::destroy);
      throw new UserError("vault '" + shares.get(0).info().name() + "' needs " + t
          + " shares to sign, got " + shares.size() + " (or sign with --vault and other devices)");
    }
    return shares;
  }

  private TransactionIntent complete(TransactionIntent intent, VaultKeys keys) {
    ChainNode node = node(intent);
    try {
      return node.complete(intent, keys);
    } catch (IOException e) {
      throw new UserError("cannot reach the node at " + node + ": " + e.getMessage());
    } catch (RpcException e) {
      throw new UserError("the node " + node + " refused: " + e.getMessage());
    } catch (TransactionException e) {
      throw new UserError(e.getMessage());
    }
  }

  private ChainNode node(TransactionIntent intent) {
    Chain chain;
    try {
      chain = intent.chain();
    } catch (TransactionException e) {
      throw new UserError(e.getMessage());
    }
    try {
      return ChainNodes.of(chain, options.rpc);
    } catch (IllegalArgumentException e) {
      throw new UserError("--rpc: " + e.getMessage());
    }
  }

  private static UnsignedTransaction build(TransactionIntent intent, VaultKeys keys) {
    try {
      return Transactions.build(intent, keys);
    } catch (TransactionException e) {
      throw new UserError(e.getMessage());
    }
  }

  private static void confirm() {
    Console console = System.console();
    if (console == null) {
      throw new UserError("no terminal to confirm on: give --yes to sign without asking");
    }
    String answer = console.readLine("Sign this transaction? [y/N] ");
    if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
      throw new UserError("not confirmed: nothing was signed");
    }
  }

  private void print(SignedTransaction signed) {
    PrintWriter out = spec.commandLine().getOut();
    if (options.json) {
      out.println(new JsonOut().put("chain", signed.chain().displayName()).put("from", signed.from())
          .put("raw", signed.encoded()).put("txHash", signed.txHash()));
    } else {
      out.println("signed " + signed.chain().displayName() + " transaction from " + signed.from());
      out.println("raw:     " + signed.encoded());
      out.println("tx hash: " + signed.txHash());
    }
    out.flush();
  }

  private void broadcast(SignedTransaction signed) {
    ChainNode node = ChainNodes.of(signed.chain(), options.rpc);
    PrintWriter err = spec.commandLine().getErr();
    String id;
    try {
      id = node.broadcast(signed);
    } catch (RpcException e) {
      throw new UserError("the node refused the transaction: " + e.getMessage()
          + " (the signed transaction is printed above; it was not sent)");
    } catch (IOException e) {
      throw new UserError("cannot reach the node at " + node + " to broadcast: " + e.getMessage()
          + " (the signed transaction is printed above; check whether it arrived before sending again)");
    }
    err.println("broadcast: the node accepted it as " + id);
    err.flush();
  }
}
