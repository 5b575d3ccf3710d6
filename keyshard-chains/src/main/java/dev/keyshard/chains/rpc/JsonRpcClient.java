package dev.keyshard.chains.rpc;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 2.0 client for the nodes Keyshard reads from and broadcasts to (EVM nodes, bitcoind
 * and its forks, Solana). Credentials in the URL ({@code http://user:pass@host:port}) become HTTP basic
 * auth and are never printed. A node's error is returned as an {@link RpcException} with the
 * node's own code and message, so a rejected broadcast can never look like a success.
 */
public final class JsonRpcClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI endpoint;
  private final String authorization;
  private final HttpClient http;
  private final AtomicLong ids = new AtomicLong();

  /** @throws IllegalArgumentException when the URL is not http(s) */
  public JsonRpcClient(String url) {
    URI uri = NodeUrl.parse(url);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("the RPC URL must start with http:// or https://");
    }
    String userInfo = uri.getUserInfo(); // decoded by URI; URLDecoder would also turn '+' into ' '
    this.authorization = userInfo == null ? null
        : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    try {
      this.endpoint = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(),
          uri.getQuery(), null);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("bad RPC URL", e);
    }
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  }

  /**
   * Calls {@code method} with positional parameters and returns its result (JSON null included).
   *
   * @throws RpcException when the node answers with an error object, or with an HTTP error and
   *     no JSON-RPC body (its status and text are kept)
   * @throws IOException when the node cannot be reached or answers with something not JSON-RPC
   */
  public JsonElement call(String method, Object... params) throws IOException, RpcException {
    return call(TIMEOUT, method, params);
  }

  /**
   * As {@link #call(String, Object...)}, waiting up to {@code timeout} for the answer instead of
   * 30 seconds: for calls that take minutes, such as bitcoind's {@code scantxoutset} on mainnet.
   */
  public JsonElement call(Duration timeout, String method, Object... params)
      throws IOException, RpcException {
    JsonObject request = new JsonObject();
    request.addProperty("jsonrpc", "2.0");
    request.addProperty("id", ids.incrementAndGet());
    request.addProperty("method", method);
    JsonArray p = new JsonArray();
    for (Object o : params) {
      p.add(toJson(o));
    }
    request.add("params", p);
    HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling " + method, e);
    }
    JsonObject body;
    try {
      JsonElement parsed = JsonParser.parseString(response.body());
      if (!parsed.isJsonObject()) {
        throw new JsonParseException("not an object");
      }
      body = parsed.getAsJsonObject();
    } catch (JsonParseException e) {
      if (response.statusCode() >= 400) {
        throw new RpcException(response.statusCode(), "HTTP " + response.statusCode() + ": "
            + abbreviate(response.body()));
      }
      throw new IOException(method + ": the node's answer is not JSON-RPC");
    }
    JsonElement error = body.get("error");
    if (error != null && !error.isJsonNull()) {
      if (error.isJsonObject()) {
        JsonObject e = error.getAsJsonObject();
        int code = e.has("code") ? e.get("code").getAsInt() : 0;
        String message = e.has("message") ? e.get("message").getAsString() : error.toString();
        JsonElement data = e.get("data");
        throw new RpcException(code, message, data == null || data.isJsonNull() ? null : data.toString());
      }
      throw new RpcException(0, error.toString());
    }
    if (response.statusCode() >= 400) {
      throw new RpcException(response.statusCode(), "HTTP " + response.statusCode());
    }
    if (!body.has("result")) {
      throw new IOException(method + ": the node's answer has neither result nor error");
    }
    return body.get("result");
  }

  private static JsonElement toJson(Object o) {
    if (o instanceof JsonElement j) {
      return j;
    }
    if (o instanceof String s) {
      return new com.google.gson.JsonPrimitive(s);
    }
    if (o instanceof Number n) {
      return new com.google.gson.JsonPrimitive(n);
    }
    if (o instanceof Boolean bo) {
      return new com.google.gson.JsonPrimitive(bo);
    }
    throw new IllegalArgumentException("unsupported RPC parameter " + o.getClass().getSimpleName());
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }

  /** The endpoint without credentials, for messages. */
  @Override
  public String toString() {
    return endpoint.toString();
  }
}
