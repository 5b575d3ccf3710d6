package dev.keyshard.chains.evm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.ChainNode;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.VaultKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What an EVM intent needs from a node (Ethereum JSON-RPC API, execution-apis): the chain id
 * ({@code eth_chainId}, must match the intent), the nonce from pending state
 * ({@code eth_getTransactionCount(addr, "pending")}, so back-to-back sends do not collide), fees
 * (EIP-1559: 2 × the latest base fee + {@code eth_maxPriorityFeePerGas}; legacy
 * {@code eth_gasPrice}), a token's {@code decimals()} ({@code eth_call}), gas for token
 * transfers ({@code eth_estimateGas}) — and the broadcast. What the node says is not taken on
 * trust where a lie costs money: a fee it suggests is capped ({@link NodeFeeCap}), and decimals
 * the user gives must be the contract's ({@link TokenDecimals}).
 */
public final class EvmRpc implements ChainNode {
  private final JsonRpcClient rpc;

  public EvmRpc(JsonRpcClient rpc) {
    this.rpc = rpc;
  }

  /**
   * The intent with every field the builder needs made explicit: fields already given are kept,
   * so co-signers rebuilding from the returned intent get the same transaction. Fees are in gwei,
   * exact (a wei is "0.000000001"); a missing {@code maxFeePerGas} is 2 × the latest block's
   * base fee + the priority fee (given or the node's), so it survives six full blocks of
   * base-fee rises (EIP-1559: at most 12.5% per block). A fee per gas taken from the node is
   * refused when gas limit × it exceeds 1 coin ({@link NodeFeeCap}, after geth's
   * {@code --rpc.txfeecap}); a fee the user gave never is. For a token transfer, {@code decimals}
   * is read from the contract's {@code decimals()}: filled in when missing, and a given value
   * that differs is refused.
   *
   * @throws TransactionException when the node's chain id is not the intent's, when a fee the
   *     node suggests is absurd, or when the token's decimals are not the given ones (or not a
   *     uint8: no ERC-20 contract there)
   * @throws RpcException when the node refuses a call (with its reason)
   * @throws IOException when the node cannot be reached
   */
  @Override
  public TransactionIntent complete(TransactionIntent intent, VaultKeys keys)
      throws TransactionException, RpcException, IOException {
    Chain chain = intent.chain();
    BigInteger wanted = EvmTransactionBuilder.chainId(intent, chain);
    BigInteger actual = quantity(rpc.call("eth_chainId"), "eth_chainId");
    if (!actual.equals(wanted)) {
      throw new TransactionException("the node at " + rpc + " is on chain id " + actual
          + ", the transaction is for chain id " + wanted + " (set 'chainId' or use another node)");
    }
    EvmAddress from = EvmTransactionBuilder.vaultAddress(chain, keys);
    TransactionIntent out = intent.with("chainId", wanted.toString());
    if (intent.has("token")) {
      out = TokenDecimals.complete(rpc, out); // before the amount is scaled by them, or estimated
    }
    if (!intent.has("nonce")) {
      out = out.with("nonce", quantity(rpc.call("eth_getTransactionCount", from.toString(), "pending"),
          "eth_getTransactionCount").toString());
    }
    boolean legacy = EvmTxType.fromIntent(intent.string("type", "eip1559")) == EvmTxType.LEGACY;
    String feeField = legacy ? "gasPrice" : "maxFeePerGas";
    String how = null;
    if (legacy && !intent.has("gasPrice")) {
      out = out.with("gasPrice", gwei(quantity(rpc.call("eth_gasPrice"), "eth_gasPrice")));
    }
    if (!legacy && !intent.has("maxPriorityFeePerGas")) {
      out = out.with("maxPriorityFeePerGas",
          gwei(quantity(rpc.call("eth_maxPriorityFeePerGas"), "eth_maxPriorityFeePerGas")));
    }
    if (!legacy && !intent.has("maxFeePerGas")) {
      JsonElement block = rpc.call("eth_getBlockByNumber", "latest", false);
      if (block == null || !block.isJsonObject() || !block.getAsJsonObject().has("baseFeePerGas")) {
        throw new TransactionException("the node at " + rpc + " reports no base fee (a chain "
            + "without EIP-1559?): give 'maxFeePerGas', or use type legacy");
      }
      BigInteger baseFee = quantity(block.getAsJsonObject().get("baseFeePerGas"), "baseFeePerGas");
      BigInteger tip = Amounts.parseNonNegative("maxPriorityFeePerGas",
          out.string("maxPriorityFeePerGas"), EvmTransactionBuilder.GWEI_DECIMALS);
      out = out.with("maxFeePerGas", gwei(baseFee.shiftLeft(1).add(tip)));
      how = "2 × its base fee " + NodeFeeCap.gwei(baseFee) + " + priority fee " + NodeFeeCap.gwei(tip);
    }
    boolean feeFromNode = !intent.has(feeField);
    String tipFromNode = !legacy && !intent.has("maxPriorityFeePerGas") ? "maxPriorityFeePerGas" : null;
    BigInteger feePerGas = feeFromNode
        ? Amounts.parse(feeField, out.string(feeField), EvmTransactionBuilder.GWEI_DECIMALS) : null;
    if (feeFromNode) {
      // Before the gas estimate too: even the least gas a transaction can use must stay under it.
      BigInteger least = intent.has("gasLimit")
          ? intent.unsigned("gasLimit") : EvmTransactionBuilder.TRANSFER_GAS;
      NodeFeeCap.check(chain, rpc.toString(), feeField, feePerGas, how, tipFromNode, least);
    }
    if (intent.has("token") && !intent.has("gasLimit")) {
      // Build once with a placeholder limit only to get the exact call data the node estimates.
      EvmUnsignedTransaction probe = (EvmUnsignedTransaction) new EvmTransactionBuilder()
          .build(out.with("gasLimit", "1000000"), keys);
      JsonObject call = new JsonObject();
      call.addProperty("from", from.toString());
      call.addProperty("to", probe.transaction().to().toString());
      call.addProperty("data", "0x" + HexFormat.of().formatHex(probe.transaction().data()));
      call.addProperty("value", "0x0");
      out = out.with("gasLimit", quantity(rpc.call("eth_estimateGas", call), "eth_estimateGas").toString());
      if (feeFromNode) {
        NodeFeeCap.check(chain, rpc.toString(), feeField, feePerGas, how, tipFromNode,
            out.unsigned("gasLimit"));
      }
    }
    return out;
  }

  /**
   * Sends the transaction ({@code eth_sendRawTransaction}) and returns the node's hash.
   *
   * @throws RpcException with the node's reason when it refuses the transaction
   * @throws IOException when the node cannot be reached, or returns a hash other than ours
   */
  @Override
  public String broadcast(SignedTransaction tx) throws RpcException, IOException {
    JsonElement r = rpc.call("eth_sendRawTransaction", tx.encoded());
    String hash = r == null || r.isJsonNull() ? null : r.getAsString();
    if (hash == null || !hash.toLowerCase(Locale.ROOT).equals(tx.txHash())) {
      throw new IOException("the node answered hash " + hash + " for transaction " + tx.txHash());
    }
    return hash;
  }

  private static String gwei(BigInteger wei) {
    return Amounts.format(wei, EvmTransactionBuilder.GWEI_DECIMALS);
  }

  private static BigInteger quantity(JsonElement e, String what) throws IOException {
    String s = e == null || e.isJsonNull() ? "" : e.getAsString();
    if (!s.matches("0x[0-9a-fA-F]{1,64}")) {
      throw new IOException(what + ": the node's answer '" + s + "' is not a hex quantity");
    }
    return new BigInteger(s.substring(2), 16);
  }

  /** The node's endpoint, without credentials. */
  @Override
  public String toString() {
    return rpc.toString();
  }
}
