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
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a Solana intent needs from a node (Solana JSON-RPC API): a recent blockhash
 * ({@code getLatestBlockhash}, commitment "confirmed") — and the broadcast
 * ({@code sendTransaction}, base64, with the node's preflight simulation at "confirmed", so a
 * transfer the runtime would refuse is refused with the node's reason before it is sent on).
 */
public final class SolanaRpc implements ChainNode {
  /** Commitment for the blockhash and the preflight: voted on by a supermajority of the cluster. */
  static final String COMMITMENT = "confirmed";

  /** Log lines that only trace calls ("Program … invoke [1]", "… success", "… consumed …"). */
  private static final Pattern ROUTINE_LOG =
      Pattern.compile("Program \\S+ (invoke \\[\\d+\\]|success|consumed .*)");
  private static final int MAX_LOG_LINES = 5;

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
   *     preflight such as "Transaction simulation failed: … custom program error: 0x1", with
   *     the program log "Transfer: insufficient lamports …" added; an unknown blockhash)
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
    JsonElement r;
    try {
      r = rpc.call("sendTransaction", tx.encoded(), config);
    } catch (RpcException e) {
      throw withProgramLogs(e);
    }
    String signature = r == null || !r.isJsonPrimitive() ? null : r.getAsString();
    if (!tx.txHash().equals(signature)) {
      throw new IOException("the node answered signature " + signature + " for transaction "
          + tx.txHash());
    }
    return signature;
  }

  /**
   * The node's refusal with the telling lines of its preflight logs added: the message alone
   * often says only "custom program error: 0x1", the System Program's log says "Transfer:
   * insufficient lamports 19994000, need 250000000".
   */
  static RpcException withProgramLogs(RpcException e) {
    List<String> telling = new ArrayList<>();
    try {
      JsonElement data = e.data() == null ? null : JsonParser.parseString(e.data());
      JsonElement logs = data != null && data.isJsonObject() ? data.getAsJsonObject().get("logs") : null;
      if (logs != null && logs.isJsonArray()) {
        for (JsonElement line : logs.getAsJsonArray()) {
          String text = line.isJsonPrimitive() ? line.getAsString() : line.toString();
          if (!ROUTINE_LOG.matcher(text).matches()) {
            telling.add(text);
          }
        }
      }
    } catch (JsonParseException notJson) {
      return e;
    }
    if (telling.isEmpty()) {
      return e;
    }
    List<String> last = telling.subList(Math.max(0, telling.size() - MAX_LOG_LINES), telling.size());
    return new RpcException(e.code(), e.getMessage() + " (program log: " + String.join("; ", last)
        + ")", e.data());
  }

  /** The node's endpoint, without credentials. */
  @Override
  public String toString() {
    return rpc.toString();
  }
}
