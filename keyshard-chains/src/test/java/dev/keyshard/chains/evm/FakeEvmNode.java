package dev.keyshard.chains.evm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.keyshard.chains.rpc.JsonRpcClient;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON-RPC node on 127.0.0.1 that answers each method with a fixed {@code "result"} or
 * {@code "error"} member (raw JSON; unknown methods get -32601) and records the requests it was
 * sent: a node that lies or breaks exactly as a test needs. Stopped by {@link #close()}.
 */
final class FakeEvmNode implements AutoCloseable {
  private final HttpServer server;
  private final List<JsonObject> seen = new ArrayList<>();

  FakeEvmNode(Map<String, String> answers) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      JsonObject request = JsonParser.parseString(
          new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
      synchronized (seen) {
        seen.add(request);
      }
      String answer = answers.getOrDefault(request.get("method").getAsString(),
          "\"error\":{\"code\":-32601,\"message\":\"method not found\"}");
      byte[] body = ("{\"jsonrpc\":\"2.0\",\"id\":" + request.get("id") + "," + answer + "}")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  /** A {@code "result"} member: {@code result("\"0x1\"")}. */
  static String result(String json) {
    return "\"result\":" + json;
  }

  /** A hex quantity result. */
  static String quantity(java.math.BigInteger v) {
    return result("\"0x" + v.toString(16) + "\"");
  }

  JsonRpcClient client() {
    return new JsonRpcClient("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests received so far, in order. */
  List<JsonObject> requests() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  /** The methods called so far, in order. */
  List<String> methods() {
    return requests().stream().map(r -> r.get("method").getAsString()).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
