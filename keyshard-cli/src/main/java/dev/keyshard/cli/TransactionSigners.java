package dev.keyshard.cli;

import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.node.SessionException;
import dev.keyshard.node.SigningCeremony;
import dev.keyshard.node.TransactionFactory;
import dev.keyshard.node.VaultCeremony;
import dev.keyshard.node.tx.LocalTransactionSigner;
import dev.keyshard.node.tx.TransactionSigningException;
import dev.keyshard.vault.KeyshardVaultShare;
import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The two ways {@code send} and {@code tx sign} get a transaction's threshold signatures. */
final class TransactionSigners {
  private TransactionSigners() {}

  /** All t parties here: the share files given. */
  static List<ChainSignature> local(List<KeyshardVaultShare> shares, UnsignedTransaction tx) {
    try {
      return LocalTransactionSigner.sign(tx, shares, new SecureRandom());
    } catch (TransactionSigningException e) {
      throw new UserError("signing failed, nothing was signed: " + e.getMessage());
    }
  }

  /**
   * This device and t−1 others through a relay: the join code carries the transaction request;
   * each co-signer builds the transaction from its own vault, shows it, asks, and signs.
   */
  static List<ChainSignature> overRelay(CommandSpec spec, TransactionOptions options,
      KeyshardVaultShare share, UnsignedTransaction tx) {
    PrintWriter err = spec.commandLine().getErr();
    SigningCeremony ceremony = new SigningCeremony(new SecureRandom(), new VaultCeremony.Options(
        options.session.joinTimeout(), options.session.signingStepTimeout(), line -> {
          err.println("send: " + line);
          err.flush();
        }));
    int t = share.info().threshold();
    try (SessionOptions.Relay relay = options.session.open()) {
      SigningCeremony.TransactionInitiator init;
      try {
        init = ceremony.initiateTransaction(relay.url(), share, tx.intent(), TransactionFactory.REGISTERED);
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e).replace("nothing was stored", "nothing was signed"));
      }
      options.session.show(init.joinCode().format(), "signing this transaction with vault '"
          + share.info().name() + "' (" + (t - 1) + " more device" + (t > 2 ? "s" : "")
          + "); on each run: keyshard sign --join CODE", err);
      List<ChainSignature> signatures;
      try {
        signatures = init.run();
      } catch (SessionException e) {
        throw new UserError(Sessions.describe(e).replace("nothing was stored", "nothing was signed"));
      }
      relay.drain(init.joinCode().session(), t);
      return signatures;
    }
  }
}
