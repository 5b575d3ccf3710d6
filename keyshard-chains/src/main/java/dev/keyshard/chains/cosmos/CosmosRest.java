package dev.keyshard.chains.cosmos;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.keyshard.chains.rpc.ChainNode;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.VaultKeys;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * A Cosmos SDK node's REST API (the LCD, gRPC-gateway routes; THORChain's and MayaChain's nodes
 * serve the same ones): the chain id from {@code GET /cosmos/base/tendermint/v1beta1/node_info}
 * ({@code default_node_info.network}, must equal the intent's), account number and sequence from
 * {@code GET /cosmos/auth/v1beta1/accounts/{address}}, and the broadcast
 * {@code POST /cosmos/tx/v1beta1/txs} in {@code BROADCAST_MODE_SYNC} (the answer comes after
 * CheckTx: signature, sequence and fee checks have run).
 *
 * <p>The sequence is the node's committed state: a second send before the first is in a block
 * needs the sequence given by hand (one higher). Thread-safe (it holds only an HttpClient).
 */
public final class CosmosRest implements ChainNode {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient http;

  /** @throws IllegalArgumentException when the URL is not http(s) or carries credentials */
  public CosmosRest(String url) {
    URI uri = dev.keyshard.chains.rpc.NodeUrl.parse(
        url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the REST URL must start with http:// or https://");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("credentials in a Cosmos REST URL are not supported");
    }
    this.base = uri;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * The intent with {@code chainId}, {@code accountNumber} and {@code sequence} made explicit;
   * fields already given are kept, so co-signers rebuilding from the returned intent get the same
   * transaction.
   *
   * @throws TransactionException when the node is on another chain id, or the vault's account
   *     does not exist there (it never received coins, so there is nothing to send)
   * @throws RpcException when the node refuses a query (with its reason)
   * @throws IOException when the node cannot be reached or answers with something unexpected
   */
  @Override
  public TransactionIntent complete(TransactionIntent intent, VaultKeys keys)
      throws IOException, RpcException, TransactionException {
    CosmosNetwork network = CosmosNetwork.of(intent.chain());
    String wanted = CosmosTransactionBuilder.chainId(intent, network);
    JsonObject info = get("/cosmos/base/tendermint/v1beta1/node_info");
    String actual = string(object(info, "default_node_info"), "network");
    if (!actual.equals(wanted)) {
      throw new TransactionException("the node at " + base + " is on chain id " + actual
          + ", the transaction is for " + wanted + " (set 'chainId' or use another node)");
    }
    TransactionIntent out = intent.with("chainId", wanted);
    if (intent.has("accountNumber") && intent.has("sequence")) {
      return out;
    }
    String address = network.chain().address(keys.rootEcdsa(), keys.rootEddsa(), keys.chainCode());
    JsonObject account = account(address);
    if (!intent.has("accountNumber")) {
      out = out.with("accountNumber", uint(account, "account_number").toString());
    }
    if (!intent.has("sequence")) {
      out = out.with("sequence", uint(account, "sequence").toString());
    }
    return out;
  }

  /**
   * Broadcasts (sync mode) and returns the node's transaction hash, which must be ours.
   *
   * @throws RpcException when the node refuses the transaction: a non-zero
   *     {@code tx_response.code} (with codespace and {@code raw_log}, e.g. "account sequence
   *     mismatch"), or an HTTP error with the gateway's message. Code 19 ("tx already in
   *     mempool cache") is refused too: a cache hit does not prove that our transaction was valid.
   * @throws IOException when the node cannot be reached, or answers a hash other than ours
   */
  @Override
  public String broadcast(SignedTransaction tx) throws IOException, RpcException {
    JsonObject request = new JsonObject();
    request.addProperty("tx_bytes", tx.encoded());
    request.addProperty("mode", "BROADCAST_MODE_SYNC");
    JsonObject r = object(json(fetch(HttpRequest.newBuilder(uri("/cosmos/tx/v1beta1/txs"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString())))), "tx_response");
    int code = r.has("code") ? r.get("code").getAsInt() : 0;
    if (code != 0) {
      String codespace = r.has("codespace") ? r.get("codespace").getAsString() : "";
      String log = r.has("raw_log") ? r.get("raw_log").getAsString() : "";
      throw new RpcException(code, "the node refused the transaction (codespace " + codespace
          + ", code " + code + "): " + log);
    }
    String hash = r.has("txhash") ? r.get("txhash").getAsString() : null;
    if (hash == null || !hash.toUpperCase(Locale.ROOT).equals(tx.txHash())) {
      throw new IOException("the node answered hash " + hash + " for transaction " + tx.txHash());
    }
    return tx.txHash();
  }

  /** BaseAccount itself, or the one inside a module or vesting account. */
  private static JsonObject baseAccount(JsonObject account) throws IOException {
    if (account.has("account_number")) {
      return account;
    }
    if (account.has("base_account")) {
      return baseAccount(object(account, "base_account"));
    }
    if (account.has("base_vesting_account")) {
      return baseAccount(object(account, "base_vesting_account"));
    }
    String type = account.has("@type") ? account.get("@type").getAsString() : "unknown";
    throw new IOException("the node's account of type " + type + " has no account_number");
  }

  /** An HTTP answer: its status, its body as a JSON object (or null) and as text. */
  private record Answer(int status, JsonObject body, String text) {}

  private Answer fetch(HttpRequest.Builder b) throws IOException {
    HttpResponse<String> response;
    try {
      response = http.send(b.timeout(TIMEOUT).header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + base, e);
    }
    JsonObject body;
    try {
      JsonElement parsed = JsonParser.parseString(response.body());
      body = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
    } catch (JsonParseException e) {
      body = null;
    }
    return new Answer(response.statusCode(), body, response.body());
  }

  /** The answer's JSON object, or the node's error. */
  private JsonObject json(Answer a) throws IOException, RpcException {
    if (a.status() >= 400) {
      // The gRPC gateway's error: {"code": <gRPC code>, "message": "...", "details": []}.
      JsonObject b = a.body();
      String message = b != null && b.has("message") ? b.get("message").getAsString()
          : abbreviate(a.text());
      int code = b != null && b.has("code") && b.get("code").isJsonPrimitive()
          ? b.get("code").getAsInt() : a.status();
      throw new RpcException(code, "HTTP " + a.status() + ": " + message);
    }
    if (a.body() == null) {
      throw new IOException(base + " answered something that is not a JSON object");
    }
    return a.body();
  }

  private JsonObject get(String path) throws IOException, RpcException {
    return json(fetch(HttpRequest.newBuilder(uri(path)).GET()));
  }

  /**
   * The account's BaseAccount fields.
   *
   * @throws TransactionException when the node does not know the account (HTTP 404, gRPC
   *     NotFound): it never received coins
   */
  private JsonObject account(String address) throws IOException, RpcException, TransactionException {
    Answer a = fetch(HttpRequest.newBuilder(uri("/cosmos/auth/v1beta1/accounts/" + address)).GET());
    if (a.status() == 404) {
      throw new TransactionException("the account " + address + " does not exist on the node's "
          + "chain (it never received coins, so there is nothing to send)");
    }
    JsonObject account = baseAccount(object(json(a), "account"));
    if (account.has("address") && !address.equals(account.get("address").getAsString())) {
      throw new IOException("asked for account " + address + ", the node answered "
          + account.get("address").getAsString());
    }
    return account;
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static JsonObject object(JsonObject o, String name) throws IOException {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonObject()) {
      throw new IOException("the node's answer has no object '" + name + "'");
    }
    return e.getAsJsonObject();
  }

  private static String string(JsonObject o, String name) throws IOException {
    JsonElement e = o.get(name);
    if (e == null || !e.isJsonPrimitive()) {
      throw new IOException("the node's answer has no '" + name + "'");
    }
    return e.getAsString();
  }

  private static BigInteger uint(JsonObject o, String name) throws IOException {
    String s = string(o, name);
    if (!s.matches("[0-9]{1,20}")) {
      throw new IOException("the node's '" + name + "' is '" + s + "', not a whole number");
    }
    return new BigInteger(s);
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }

  /** The node's endpoint. */
  @Override
  public String toString() {
    return base.toString();
  }
}
