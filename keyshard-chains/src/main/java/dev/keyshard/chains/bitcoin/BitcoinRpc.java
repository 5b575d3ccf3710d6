package dev.keyshard.chains.bitcoin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.rpc.ChainNode;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.VaultKeys;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a Bitcoin-family intent needs from a bitcoind-style node (Bitcoin Core, Litecoin Core,
 * Bitcoin Cash Node; JSON-RPC with basic auth from {@code http://user:pass@host:port}):
 * <ul>
 *   <li>the node's chain ({@code getblockchaininfo.chain}: main, test, regtest) must be the
 *       intent's {@code network};
 *   <li>{@code utxos}, when the intent has none: every unspent output of the vault's own scripts
 *       — P2WPKH and P2TR on Bitcoin and Litecoin, P2PKH on Dogecoin and Bitcoin Cash — found
 *       with {@code scantxoutset "start" ["addr(…)", …]} (the node's UTXO set, so no wallet or
 *       index is needed), dropping coinbases not yet 100 blocks deep and outputs that a
 *       transaction in the node's mempool already spends ({@code gettxout … true}, one call per
 *       output; there is no cap on their number); each as
 *       {@code TXID:VOUT:AMOUNT:TYPE}, the amount read from the JSON text exactly;
 *   <li>{@code feeRate}, when the intent has neither it nor {@code fee}: {@code estimatesmartfee 6}
 *       (BTC/kvB → sat/vB, rounded up to the builder's 3 decimals), raised to the node's
 *       {@code mempoolminfee} and the chain's relay floor. Without an estimate (a fresh node, a
 *       quiet testnet) it is an error asking for {@code feeRate} — a guess could leave the
 *       transaction stuck — except on regtest, which never has one, and on Bitcoin Cash, whose
 *       nodes have no estimatesmartfee (and blocks that are not full): there the node's
 *       {@code relayfee} ({@code getnetworkinfo}) is used;
 *   <li>{@code prevTxs} on Dogecoin, when the intent has none: {@code getrawtransaction TXID}
 *       for each distinct txid of the {@code utxos} (the builder ignores those it does not
 *       spend); a confirmed one needs a node with {@code -txindex=1}.
 * </ul>
 * Fields the user gave are kept, so co-signers rebuilding from the returned intent get the same
 * transaction. The broadcast asks {@code testmempoolaccept} first and reports its
 * {@code reject-reason}; then {@code sendrawtransaction}. Nodes without those calls (Dogecoin
 * Core 1.14 has neither {@code scantxoutset} nor {@code testmempoolaccept}) get a clear error for
 * the scan — give {@code utxos} — and a direct {@code sendrawtransaction}.
 *
 * <p><b>Trust.</b> The node is believed about the outputs it reports. On Bitcoin, Litecoin and
 * Bitcoin Cash every signature commits to the amounts spent (BIP-143, BIP-341, FORKID), so a
 * node that lies about an amount gets an invalid transaction, never an overpaid fee. Dogecoin's
 * legacy sighash does not, so there every device checks each spent amount against the previous
 * transaction ({@code prevTxs}), whose txid it hashes itself: a node cannot forge one.
 */
public final class BitcoinRpc implements ChainNode {
  private static final int METHOD_NOT_FOUND = -32601;
  /** RPC_INVALID_ADDRESS_OR_KEY: getrawtransaction's "No such mempool or blockchain transaction". */
  private static final int NO_SUCH_TRANSACTION = -5;
  /** Bitcoin Core's RPC_VERIFY_REJECTED, the code sendrawtransaction refuses with. */
  static final int REJECTED = -26;
  private static final int COINBASE_MATURITY = 100;
  /** sat/vB per BTC/kvB: 10^8 satoshi / 1000 vB. */
  private static final BigDecimal SAT_PER_VB = BigDecimal.valueOf(100_000);
  private static final int ESTIMATE_BLOCKS = 6;
  /** Above any output of the family (Dogecoin's 10^10 coins): refused before it is printed out. */
  private static final BigDecimal MAX_ANY_AMOUNT = BigDecimal.valueOf(10_000_000_000L);
  /** A mainnet scantxoutset reads the whole UTXO set: minutes, not the client's 30 s. */
  private static final java.time.Duration SCAN_TIMEOUT = java.time.Duration.ofMinutes(10);

  private final JsonRpcClient rpc;

  public BitcoinRpc(JsonRpcClient rpc) {
    this.rpc = rpc;
  }

  /**
   * The intent with {@code network}, {@code utxos} and {@code feeRate} made explicit from the
   * node where the user left them out.
   *
   * @throws TransactionException when the node is on another network, the vault has no unspent
   *     outputs, the node has no fee estimate (outside regtest), or the node cannot scan
   * @throws RpcException when the node refuses a call (with its reason)
   * @throws IOException when the node cannot be reached or answers nonsense
   */
  @Override
  public TransactionIntent complete(TransactionIntent intent, VaultKeys keys)
      throws TransactionException, RpcException, IOException {
    UtxoChain chain = UtxoChain.of(intent.chain());
    if (chain == null) {
      throw new TransactionException(intent.chain().displayName()
          + " is not a Bitcoin-family chain");
    }
    UtxoNetwork network = UtxoNetwork.of(chain, intent.optionalString("network"));
    checkNetwork(network);
    TransactionIntent out = intent.with("network", network.name());
    if (!intent.has("utxos")) {
      out = out.with("utxos", scan(network, keys));
    }
    if (!intent.has("feeRate") && !intent.has("fee")) {
      out = out.with("feeRate", feeRate(network).toPlainString());
    }
    if (chain == UtxoChain.DOGECOIN && !intent.has(PrevTxs.FIELD)) {
      out = out.with(PrevTxs.FIELD, previousTransactions(out.list("utxos")));
    }
    return out;
  }

  /**
   * {@code getrawtransaction TXID} for each distinct txid of the utxos, in their order. The node
   * finds a confirmed transaction only with {@code -txindex}; without it, its refusal becomes an
   * error saying so.
   */
  private List<String> previousTransactions(List<String> utxos)
      throws RpcException, IOException, TransactionException {
    java.util.LinkedHashSet<String> txids = new java.util.LinkedHashSet<>();
    for (int i = 0; i < utxos.size(); i++) {
      txids.add(Utxo.parse(utxos.get(i), i, ScriptType.P2PKH, UtxoChain.DOGECOIN).txid());
    }
    List<String> raw = new ArrayList<>();
    for (String txid : txids) {
      JsonElement r;
      try {
        r = rpc.call("getrawtransaction", txid);
      } catch (RpcException e) {
        if (e.code() != NO_SUCH_TRANSACTION) {
          throw e;
        }
        throw new TransactionException("the node at " + rpc + " cannot give transaction " + txid
            + " (getrawtransaction: " + e.getMessage() + "): a node finds confirmed transactions "
            + "only when started with -txindex=1; restart it so, or give 'prevTxs' yourself");
      }
      String hex = r != null && r.isJsonPrimitive() ? r.getAsString().toLowerCase(Locale.ROOT) : "";
      String got;
      try {
        got = fr.acinq.bitcoin.Transaction.read(hex).txid.toString();
      } catch (RuntimeException notATransaction) {
        got = null;
      }
      if (!txid.equals(got)) {
        throw new IOException("getrawtransaction " + txid + ": the node answered "
            + (got == null ? "no transaction" : "transaction " + got));
      }
      raw.add(hex);
    }
    return raw;
  }

  /**
   * Checks the transaction with {@code testmempoolaccept}, then sends it
   * ({@code sendrawtransaction}) and returns the node's txid.
   *
   * @throws RpcException with the node's reason when it refuses the transaction (the
   *     {@code reject-reason} of testmempoolaccept, or sendrawtransaction's error)
   * @throws IOException when the node cannot be reached, or reports a txid other than ours
   */
  @Override
  public String broadcast(SignedTransaction tx) throws RpcException, IOException {
    JsonArray list = new JsonArray();
    list.add(tx.encoded());
    JsonElement verdicts;
    try {
      verdicts = rpc.call("testmempoolaccept", list);
    } catch (RpcException e) {
      if (e.code() != METHOD_NOT_FOUND) {
        throw e;
      }
      verdicts = null; // an older node: sendrawtransaction still refuses with its reason
    }
    if (verdicts != null) {
      JsonObject v = firstObject(verdicts, "testmempoolaccept");
      JsonElement allowed = v.get("allowed");
      boolean ok = allowed != null && allowed.isJsonPrimitive()
          && allowed.getAsJsonPrimitive().isBoolean() && allowed.getAsBoolean();
      if (!ok) {
        JsonElement why = v.get("reject-reason");
        String reason = why != null && why.isJsonPrimitive() ? why.getAsString()
            : "refused without a reason: " + v;
        throw new RpcException(REJECTED, "the node refuses the transaction: " + reason);
      }
    }
    JsonElement r = rpc.call("sendrawtransaction", tx.encoded());
    String txid = r == null || r.isJsonNull() || !r.isJsonPrimitive() ? null : r.getAsString();
    if (txid == null || !txid.toLowerCase(Locale.ROOT).equals(tx.txHash())) {
      throw new IOException("the node answered txid " + txid + " for transaction " + tx.txHash());
    }
    return txid;
  }

  private void checkNetwork(UtxoNetwork network)
      throws RpcException, IOException, TransactionException {
    JsonElement info = rpc.call("getblockchaininfo");
    String nodeChain = info != null && info.isJsonObject() && info.getAsJsonObject().has("chain")
        ? info.getAsJsonObject().get("chain").getAsString() : null;
    if (nodeChain == null) {
      throw new IOException("getblockchaininfo: the node's answer names no chain");
    }
    Set<String> expected = switch (network.name()) {
      case "mainnet" -> Set.of("main");
      case "testnet" -> Set.of("test", "testnet4", "test4"); // BCHN calls its testnet4 "test4"
      default -> Set.of("regtest");
    };
    if (!expected.contains(nodeChain)) {
      throw new TransactionException("the node at " + rpc + " is on chain '" + nodeChain
          + "', the transaction is for " + network.describe() + " (set 'network' or use another "
          + "node)");
    }
  }

  private List<String> scan(UtxoNetwork network, VaultKeys keys)
      throws RpcException, IOException, TransactionException {
    UtxoChain chain = network.chain();
    List<VaultScript> scripts = new ArrayList<>();
    for (ScriptType t : chain.segwit() ? List.of(ScriptType.P2WPKH, ScriptType.P2TR)
        : List.of(ScriptType.P2PKH)) {
      scripts.add(VaultScript.of(keys, network, t));
    }
    JsonArray descriptors = new JsonArray();
    for (VaultScript s : scripts) {
      descriptors.add("addr(" + fullAddress(s, network) + ")");
    }
    JsonElement result;
    try {
      result = rpc.call(SCAN_TIMEOUT, "scantxoutset", "start", descriptors);
    } catch (RpcException e) {
      if (e.code() == METHOD_NOT_FOUND) {
        throw new TransactionException("the node at " + rpc + " has no scantxoutset (Dogecoin "
            + "Core 1.14 and nodes older than Bitcoin Core 0.17): give 'utxos' yourself");
      }
      throw e;
    }
    JsonObject scanned = result != null && result.isJsonObject() ? result.getAsJsonObject() : null;
    if (scanned == null || !scanned.has("unspents")
        || (scanned.has("success") && !scanned.get("success").getAsBoolean())) {
      throw new IOException("scantxoutset: the node's answer has no unspent outputs list: "
          + result);
    }
    List<String> utxos = new ArrayList<>();
    for (JsonElement e : scanned.getAsJsonArray("unspents")) {
      String txid;
      long vout;
      ScriptType type;
      JsonElement amount;
      try {
        JsonObject u = e.getAsJsonObject();
        txid = u.get("txid").getAsString().toLowerCase(Locale.ROOT);
        vout = u.get("vout").getAsLong();
        type = typeOf(scripts, u.get("scriptPubKey").getAsString());
        amount = u.get("amount");
      } catch (RuntimeException malformed) {
        throw new IOException("scantxoutset: the node's answer has a malformed entry: " + e);
      }
      if (type == null || !spendableNow(txid, vout)) {
        continue;
      }
      utxos.add(txid + ":" + vout + ":" + exactAmount(amount, "scantxoutset amount") + ":"
          + type.label());
    }
    if (utxos.isEmpty()) {
      List<String> addresses = scripts.stream().map(VaultScript::address).toList();
      throw new TransactionException("the node at " + rpc + " knows no spendable output of the "
          + "vault on " + network.describe() + " (" + String.join(", ", addresses) + ")");
    }
    return utxos;
  }

  /**
   * {@code gettxout txid vout true}: null when a transaction in the mempool already spends the
   * output; its {@code coinbase} and {@code confirmations} say whether a coinbase has matured
   * (scantxoutset of older nodes, Litecoin Core 0.21 among them, does not say).
   */
  private boolean spendableNow(String txid, long vout) throws RpcException, IOException {
    JsonElement out = rpc.call("gettxout", txid, vout, true);
    if (out == null || !out.isJsonObject()) {
      return false;
    }
    try {
      JsonObject o = out.getAsJsonObject();
      boolean coinbase = o.has("coinbase") && o.get("coinbase").getAsBoolean();
      return !coinbase || o.get("confirmations").getAsLong() >= COINBASE_MATURITY;
    } catch (RuntimeException malformed) {
      throw new IOException("gettxout: the node's answer is malformed: " + out);
    }
  }

  /** The node parses CashAddr only with its prefix; the vault's mainnet address omits it. */
  private static String fullAddress(VaultScript s, UtxoNetwork network) {
    String a = s.address();
    return network.cashAddrPrefix() != null && !a.contains(":")
        ? network.cashAddrPrefix() + ":" + a : a;
  }

  private static ScriptType typeOf(List<VaultScript> scripts, String scriptHex) {
    for (VaultScript s : scripts) {
      if (java.util.HexFormat.of().formatHex(s.scriptPubKey()).equalsIgnoreCase(scriptHex)) {
        return s.type();
      }
    }
    return null;
  }

  private BigDecimal feeRate(UtxoNetwork network)
      throws RpcException, IOException, TransactionException {
    UtxoChain chain = network.chain();
    JsonElement estimate;
    try {
      estimate = rpc.call("estimatesmartfee", ESTIMATE_BLOCKS);
    } catch (RpcException e) {
      // Bitcoin Cash nodes have had no estimatesmartfee since Bitcoin ABC 0.17.2; their blocks
      // are not full, so the relay fee is the going rate. Elsewhere the user must decide.
      if (e.code() != METHOD_NOT_FOUND) {
        throw e;
      }
      if (chain != UtxoChain.BITCOIN_CASH) {
        throw new TransactionException("the node at " + rpc + " has no estimatesmartfee: give "
            + "'feeRate' in " + chain.feeRateUnit() + " or 'fee'");
      }
      estimate = null;
    }
    JsonObject e = estimate != null && estimate.isJsonObject() ? estimate.getAsJsonObject() : null;
    BigDecimal perKvB = e != null && e.has("feerate")
        ? decimal(e.get("feerate"), "estimatesmartfee feerate") : null;
    if (perKvB == null || perKvB.signum() <= 0) {
      if (estimate != null && !network.name().equals("regtest")) {
        String why = e != null && e.has("errors") ? e.get("errors").toString() : String.valueOf(e);
        throw new TransactionException("the node at " + rpc + " has no fee estimate for "
            + ESTIMATE_BLOCKS + " blocks (" + why + "): give 'feeRate' in "
            + chain.feeRateUnit() + " or 'fee'");
      }
      perKvB = relayFee();
    }
    BigDecimal rate = perKvB;
    JsonElement mempool = rpc.call("getmempoolinfo");
    if (mempool != null && mempool.isJsonObject() && mempool.getAsJsonObject().has("mempoolminfee")) {
      rate = rate.max(decimal(mempool.getAsJsonObject().get("mempoolminfee"), "mempoolminfee"));
    }
    if (rate.multiply(SAT_PER_VB).compareTo(chain.maxFeeRate()) > 0) {
      // A lying or broken node must not set an absurd fee; compared before any rounding, so a
      // rate such as 1e999999999 is refused cheaply too.
      throw new TransactionException("the node at " + rpc + " reports a fee rate of "
          + rate.round(new java.math.MathContext(12)) + " "
          + chain.unit() + "/kvB, above " + chain.maxFeeRate().toPlainString() + " "
          + chain.feeRateUnit() + ": refused as absurd; give 'feeRate' or 'fee' yourself");
    }
    BigDecimal satPerVb = rate.multiply(SAT_PER_VB).setScale(3, RoundingMode.CEILING);
    if (chain.minFeeRate() != null) {
      satPerVb = satPerVb.max(chain.minFeeRate());
    }
    if (satPerVb.signum() <= 0) {
      throw new IOException("the node reports a fee rate of " + rate.toPlainString() + " "
          + chain.unit() + "/kvB");
    }
    return satPerVb.stripTrailingZeros();
  }

  private BigDecimal relayFee() throws RpcException, IOException {
    JsonElement info = rpc.call("getnetworkinfo");
    if (info == null || !info.isJsonObject() || !info.getAsJsonObject().has("relayfee")) {
      throw new IOException("getnetworkinfo: the node's answer has no relayfee");
    }
    return decimal(info.getAsJsonObject().get("relayfee"), "relayfee");
  }

  /** A JSON number as a decimal from its text, or an IOException naming it. */
  private static BigDecimal decimal(JsonElement e, String what) throws IOException {
    try {
      return new BigDecimal(e.getAsJsonPrimitive().getAsString());
    } catch (RuntimeException notANumber) {
      throw new IOException(what + ": '" + e + "' is not a number");
    }
  }

  /**
   * A coin amount as the node printed it (a JSON number such as 0.00012345), exactly: Gson keeps
   * the number's text, so it is parsed as a decimal, never through a double.
   */
  static String exactAmount(JsonElement amount, String what) throws IOException {
    BigDecimal v = decimal(amount, what);
    if (v.signum() <= 0 || v.compareTo(MAX_ANY_AMOUNT) > 0
        || v.stripTrailingZeros().scale() > UtxoChain.DECIMALS) {
      throw new IOException(what + ": '" + amount + "' is not a positive amount in 8 decimals");
    }
    return v.stripTrailingZeros().toPlainString();
  }

  private static JsonObject firstObject(JsonElement list, String what) throws IOException {
    if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()
        || !list.getAsJsonArray().get(0).isJsonObject()) {
      throw new IOException(what + ": the node's answer is not a list of verdicts: " + list);
    }
    return list.getAsJsonArray().get(0).getAsJsonObject();
  }

  /** The node's endpoint, without credentials. */
  @Override
  public String toString() {
    return rpc.toString();
  }
}
