package dev.keyshard.chains.rpc;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A JSON-RPC node on 127.0.0.1 that answers each request with the raw JSON of a {@code "result"}
 * or {@code "error"} member and records the requests it was sent: a node that lies or breaks
 * exactly as a test needs (the EVM and Solana node tests). Stopped by {@link #close()}.
 */
public final class FakeJsonRpcNode implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonObject> seen = new ArrayList<>();

  /** A fixed answer per method; unknown methods get -32601. */
  public FakeJsonRpcNode(Map<String, String> answers) throws java.io.IOException {
    this(request -> answers.getOrDefault(request.get("method").getAsString(),
        "\"error\":{\"code\":-32601,\"message\":\"method not found\"}"));
  }

  /** Answers each request with {@code answer(request)}. */
  public FakeJsonRpcNode(Function<JsonObject, String> answer) throws java.io.IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      JsonObject request = JsonParser.parseString(
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
      synchronized (seen) {
        seen.add(request);
      }
      byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + ","
          + answer.apply(request) + "}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  /** A {@code "result"} member: {@code result("\"0x1\"")}. */
  public static String result(String json) {
    return "\"result\":" + json;
  }

  /** A hex quantity result. */
  public static String quantity(java.math.BigInteger v) {
    return result("\"0x" + v.toString(16) + "\"");
  }

  public JsonRpcClient client() {
    return new JsonRpcClient("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests received so far, in order. */
  public List<JsonObject> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** The methods called so far, in order. */
  public List<String> methods() {
    return requests().stream().map(r -> r.get("method").getAsString()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
