package dev.keyshard.chains.solana;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.ChainNode;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.VaultKeys;
import java.io.IOException;

/**
 * What a Solana intent needs from a node (Solana JSON-RPC API): a recent blockhash
 * ({@code getLatestBlockhash}, commitment "confirmed") — and the broadcast
 * ({@code sendTransaction}, base64, with the node's preflight simulation at "confirmed", so a
 * transfer the runtime would refuse is refused with the node's reason before it is sent on).
 */
public final class SolanaRpc implements ChainNode {
  /** Commitment for the blockhash and the preflight: voted on by a supermajority of the cluster. */
  static final String COMMITMENT = "confirmed";

  private final JsonRpcClient rpc;

  public SolanaRpc(JsonRpcClient rpc) {
    this.rpc = rpc;
  }

  /**
   * The intent with {@code recentBlockhash} filled in from the node when absent; a blockhash the
   * user gave is kept, so co-signers rebuilding from the returned intent get the same message.
   *
   * @throws TransactionException when the intent is not for Solana
   * @throws RpcException when the node refuses the call (with its reason)
   * @throws IOException when the node cannot be reached or answers with no blockhash
   */
  @Override
  public TransactionIntent complete(TransactionIntent intent, VaultKeys keys)
      throws TransactionException, RpcException, IOException {
    if (intent.chain() != Chain.SOLANA) {
      throw new TransactionException(intent.chain().displayName() + " is not Solana");
    }
    if (intent.has("recentBlockhash")) {
      return intent;
    }
    JsonObject config = new JsonObject();
    config.addProperty("commitment", COMMITMENT);
    JsonElement result = rpc.call("getLatestBlockhash", config);
    String blockhash = null;
    if (result != null && result.isJsonObject() && result.getAsJsonObject().has("value")
        && result.getAsJsonObject().get("value").isJsonObject()) {
      JsonElement b = result.getAsJsonObject().getAsJsonObject("value").get("blockhash");
      blockhash = b == null || !b.isJsonPrimitive() ? null : b.getAsString();
    }
    try {
      SolanaAddress.decode32("blockhash", blockhash, "a blockhash");
    } catch (TransactionException e) {
      throw new IOException("getLatestBlockhash: the node's answer has no valid blockhash: "
          + e.getMessage());
    }
    return intent.with("recentBlockhash", blockhash);
  }

  /**
   * Sends the transaction and returns the signature the node reports, which must be the
   * transaction's own id ({@link SignedTransaction#txHash()}).
   *
   * @throws RpcException with the node's reason when it refuses the transaction (a failed
   *     preflight such as "Transaction simulation failed: … insufficient funds", an unknown
   *     blockhash)
   * @throws IOException when the node cannot be reached, or reports another signature
   */
  @Override
  public String broadcast(SignedTransaction tx) throws RpcException, IOException {
    if (tx.chain() != Chain.SOLANA) {
      throw new IllegalArgumentException(tx.chain().displayName() + " is not Solana");
    }
    JsonObject config = new JsonObject();
    config.addProperty("encoding", "base64");
    config.addProperty("preflightCommitment", COMMITMENT);
    JsonElement r = rpc.call("sendTransaction", tx.encoded(), config);
    String signature = r == null || !r.isJsonPrimitive() ? null : r.getAsString();
    if (!tx.txHash().equals(signature)) {
      throw new IOException("the node answered signature " + signature + " for transaction "
          + tx.txHash());
    }
    return signature;
  }

  /** The node's endpoint, without credentials. */
  @Override
  public String toString() {
    return rpc.toString();
  }
}
