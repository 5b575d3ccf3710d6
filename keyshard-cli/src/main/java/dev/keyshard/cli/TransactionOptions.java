package dev.keyshard.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What {@code send} and {@code tx sign} share: the node, confirmation, output, and the parties. */
final class TransactionOptions {
  @Option(names = "--rpc", paramLabel = "URL",
      description = "The chain's node: it fills in what was not given (nonce, unspent outputs, "
          + "fees, blockhash) and receives the signed transaction. Bitcoin family: bitcoind-style "
          + "JSON-RPC (http://user:pass@host:port); EVM and Solana: JSON-RPC; Cosmos family: the "
          + "REST (LCD) endpoint. A refusal is reported with the node's reason, never as success.")
  String rpc;

  @Option(names = "--yes", description = "Sign without asking (for scripts).")
  boolean yes;

  @Option(names = "--json", description = "Print {\"chain\",\"from\",\"raw\",\"txHash\"}.")
  boolean json;

  @Mixin SessionOptions session;
  @Mixin HomeOption home;
  @Mixin PasswordOption password;
}
