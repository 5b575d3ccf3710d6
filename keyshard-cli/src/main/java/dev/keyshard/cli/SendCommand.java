package dev.keyshard.cli;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.bitcoin.UtxoChain;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code keyshard send}: builds a transfer from the vault's address from flags, shows it, signs it
 * with t parties and prints (and with {@code --rpc} broadcasts) the signed transaction.
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
      "Send coins from a vault's address: build the transaction, show it, sign it with t parties "
          + "(local share files with --shares, or this device and t-1 others through a relay with "
          + "--vault), print the signed transaction and, with --rpc, broadcast it.",
      "Amounts are in the chain's usual unit (BTC, ETH, SOL, ATOM, RUNE…), exactly: no rounding.",
      "Chains: Bitcoin, Litecoin, Dogecoin, Bitcoin-Cash; Ethereum and the EVM chains (any "
          + "--chain-id); Cosmos, THORChain, MayaChain; Solana. The README lists each chain's "
          + "fields; --set FIELD=VALUE gives one that has no flag (e.g. --set tokenSymbol=USDC)."
    })
final class SendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Signers signers;

  @Option(names = "--chain", required = true, paramLabel = "CHAIN", order = 1,
      description = "The chain (e.g. bitcoin, ethereum, solana, thorchain).")
  String chain;

  @Option(names = "--to", required = true, paramLabel = "ADDR", order = 2,
      description = "The recipient; its checksum and network are checked.")
  String to;

  @Option(names = "--amount", required = true, paramLabel = "A", order = 3,
      description = "How much, in the chain's usual unit (e.g. 0.015 for BTC).")
  String amount;

  @Option(names = "--fee", paramLabel = "F", order = 4,
      description = "The fee in the usual unit (UTXO chains: absolute fee; Cosmos: fee coins).")
  String fee;

  @Option(names = "--fee-rate", paramLabel = "SAT/VB", order = 5,
      description = "UTXO chains: fee rate in sat/vB (sat/byte on Dogecoin and Bitcoin Cash).")
  String feeRate;

  @Option(names = "--utxo", paramLabel = "TXID:VOUT:AMOUNT", order = 6,
      description = "UTXO chains: an unspent output of the vault's address to spend from (AMOUNT "
          + "in the usual unit); repeat for each. With --rpc and none given, the node lists them.")
  List<String> utxos = new ArrayList<>();

  @Option(names = "--prev-tx", paramLabel = "HEX", order = 6,
      description = "Dogecoin: the raw transaction (hex) that created a --utxo, one per txid; "
          + "repeat for each. Its signatures do not cover input amounts, so every device checks "
          + "them against these. With --rpc and none given, the node gives them (-txindex).")
  List<String> prevTxs = new ArrayList<>();

  @Option(names = "--change", paramLabel = "ADDR", order = 7,
      description = "UTXO chains: where change goes (default: the vault's own address).")
  String change;

  @Option(names = "--address-type", paramLabel = "TYPE", order = 8,
      description = "Bitcoin, Litecoin: spend from the vault's p2wpkh (default) or p2tr address.")
  String addressType;

  @Option(names = "--no-rbf", order = 9, description = "Bitcoin family: do not signal replace-by-fee.")
  boolean noRbf;

  @Option(names = "--nonce", paramLabel = "N", order = 10,
      description = "EVM: the account nonce. With --rpc and none given, the node's pending nonce.")
  String nonce;

  @Option(names = "--chain-id", paramLabel = "ID", order = 11,
      description = "EVM: any chain id (default: the chain's own, e.g. 1 for Ethereum); Cosmos "
          + "family: the chain-id string (default e.g. cosmoshub-4).")
  String chainId;

  @Option(names = "--gas-limit", paramLabel = "G", order = 12, description = "EVM: the gas limit.")
  String gasLimit;

  @Option(names = "--max-fee", paramLabel = "F", order = 13,
      description = "EVM (EIP-1559): max fee per gas, in gwei; with --rpc and none given, 2 x the "
          + "node's base fee + the priority fee, refused as absurd if gas limit x it exceeds 1 "
          + "coin (1 ETH). UTXO chains: the most fee to pay, in the usual unit; needed for a fee "
          + "otherwise refused as absurd.")
  String maxFee;

  @Option(names = "--priority-fee", paramLabel = "GWEI", order = 14,
      description = "EVM (EIP-1559): max priority fee per gas, in gwei.")
  String priorityFee;

  @Option(names = "--gas-price", paramLabel = "GWEI", order = 15,
      description = "EVM legacy (EIP-155) transactions: the gas price in gwei; implies --legacy. "
          + "With --rpc and none given, the node's, refused as absurd if gas limit x it exceeds "
          + "1 coin.")
  String gasPrice;

  @Option(names = "--legacy", order = 16, description = "EVM: a legacy EIP-155 transaction.")
  boolean legacy;

  @Option(names = "--token", paramLabel = "CONTRACT", order = 17,
      description = "EVM: send this ERC-20 token (its contract address) instead of the coin.")
  String token;

  @Option(names = "--decimals", paramLabel = "D", order = 18,
      description = "EVM: the token's decimals. With --rpc, checked against the token's "
          + "decimals() (a mismatch is refused), and read from it when not given.")
  String decimals;

  @Option(names = "--account-number", paramLabel = "N", order = 19,
      description = "Cosmos family: the account number.")
  String accountNumber;

  @Option(names = "--sequence", paramLabel = "N", order = 20, description = "Cosmos family: the sequence.")
  String sequence;

  @Option(names = "--gas", paramLabel = "G", order = 21, description = "Cosmos family: the gas limit.")
  String gas;

  @Option(names = "--memo", paramLabel = "TEXT", order = 22, description = "Cosmos family: a memo.")
  String memo;

  @Option(names = "--blockhash", paramLabel = "HASH", order = 23,
      description = "Solana: a recent blockhash (base58). With --rpc and none given, the node's latest.")
  String blockhash;

  @Option(names = "--cu-price", paramLabel = "MICROLAMPORTS", order = 23,
      description = "Solana: a priority fee, in micro-lamports per compute unit.")
  String computeUnitPrice;

  @Option(names = "--compute-units", paramLabel = "N", order = 23,
      description = "Solana, with --cu-price: the compute unit limit (at least 450).")
  String computeUnits;

  @Option(names = "--network", paramLabel = "NET", order = 24,
      description = "mainnet (default), testnet or regtest: the address formats to use and accept.")
  String network;

  @Option(names = "--set", paramLabel = "FIELD=VALUE", order = 25,
      description = "Any other field of the chain's transaction request (see the README).")
  List<String> extra = new ArrayList<>();

  @Option(names = "--dry-run", order = 26,
      description = "Build and show the transaction and print its request as JSON (for 'keyshard "
          + "tx sign --file'); sign nothing.")
  boolean dryRun;

  @Mixin TransactionOptions options;

  /** Which parties sign. */
  static final class Signers {
    @Option(names = "--vault", paramLabel = "V", required = true,
        description = "Sign with this device's share of vault V (keystore entry or file) and t-1 "
            + "other devices, which join with 'keyshard sign --join CODE'.")
    String vault;

    @Option(names = "--shares", arity = "1..*", paramLabel = "FILE", required = true,
        description = "Sign here with t share files (or keystore entries) of one vault.")
    List<String> shares;
  }

  @Override
  public Integer call() {
    Chain c;
    try {
      c = Chain.fromName(chain);
    } catch (IllegalArgumentException e) {
      throw new UserError("--chain: unknown chain '" + chain + "' (Keyshard sends on: "
          + String.join(", ", Transactions.supportedChains().stream()
              .map(x -> x.displayName().toLowerCase(Locale.ROOT)).toList()) + ")");
    }
    boolean utxoChain = UtxoChain.of(c) != null;
    TransactionIntent.Builder b = TransactionIntent.builder(c)
        .put("to", to).put("amount", amount).put("fee", fee).put("feeRate", feeRate)
        .put("utxos", utxos).put("prevTxs", prevTxs).put("change", change).put("addressType", addressType)
        .put("rbf", noRbf ? "false" : null).put("nonce", nonce).put("chainId", chainId)
        .put("gasLimit", gasLimit).put(utxoChain ? "maxFee" : "maxFeePerGas", maxFee).put("maxPriorityFeePerGas", priorityFee)
        .put("gasPrice", gasPrice).put("type", legacy || gasPrice != null ? "legacy" : null)
        .put("token", token).put("decimals", decimals).put("accountNumber", accountNumber)
        .put("sequence", sequence).put("gas", gas).put("memo", memo).put("recentBlockhash", blockhash)
        .put("priorityFee", computeUnitPrice).put("computeUnits", computeUnits)
        .put("network", network == null ? null : network.toLowerCase(Locale.ROOT));
    for (String kv : extra) {
      int eq = kv.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--set wants FIELD=VALUE, got '" + kv + "'");
      }
      String field = kv.substring(0, eq);
      if (field.equals("chain")) {
        throw new UserError("--set cannot change the chain: use --chain");
      }
      b.put(field, kv.substring(eq + 1));
    }
    TransactionFlow flow = new TransactionFlow(spec, options,
        signers.vault != null ? List.of(signers.vault) : signers.shares, signers.vault != null);
    try {
      return flow.run(b.build(), dryRun);
    } catch (UserError e) {
      throw new UserError(SendFlags.annotate(e.getMessage()), e);
    }
  }
}
