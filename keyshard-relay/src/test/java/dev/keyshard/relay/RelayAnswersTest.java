package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every route answers as the relay did on Javalin (recorded from commit c67f8e4, the last
 * Javalin-served relay, into {@code relay-answers.json}): the same status, content type, length
 * and body for accepted, refused and malformed requests, trailing slashes, escapes, chunked and
 * oversized bodies — so moving the HTTP layer (to Netty) changed nothing a client relies on.
 *
 * <p>Three answers differ from the recording, on purpose: {@code HEAD /ping} now states the
 * length its GET answer has (Javalin said 0); the metrics count that HEAD under its route, not
 * as "unmatched"; and their request bytes include chunked bodies, which Javalin left out.
 */
class RelayAnswersTest {
  static final String SESSION = "8c1e1ee0-1c9b-4a3e-9c4f-2d0f8f6f9a01";
  final HttpClient http = HttpClient.newHttpClient();

  /** One request: method, path, body (null: none; a leading '~': sent chunked), headers. */
  record Call(String method, String path, String body, String... headers) {}

  record Answer(String call, int status, String contentType, String contentLength, String body) {}

  @Test
  void everyRouteAnswersAsRecorded() throws Exception {
    List<Answer> got = answers(calls());
    Path record = recordPath();
    if (record != null) {
      Files.writeString(record, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
          .create().toJson(got));
    }
    List<Answer> want;
    try (InputStream in = getClass().getResourceAsStream("relay-answers.json")) {
      want = new Gson().fromJson(new InputStreamReader(in, StandardCharsets.UTF_8),
          new TypeToken<List<Answer>>() {}.getType());
    }
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i), got.get(i), "call " + i);
    }
  }

  private static Path recordPath() {
    String p = System.getenv("RECORD_RELAY_ANSWERS");
    return p == null ? null : Path.of(p);
  }

  static List<Call> calls() {
    String s = SESSION;
    String big = "x".repeat(70_000);
    String payload = "{\"unsigned\":\"tx\"}";
    String payloadHash = "2f2bf5d5ec2a0d7ab6b0b1f3b3b9b3a1f54a0be8f8cd33d4b07c8c0be1bcd8d0";
    List<Call> c = new ArrayList<>();
    // Fixed routes.
    c.add(new Call("GET", "/ping", null));
    c.add(new Call("GET", "/ping/", null));
    c.add(new Call("GET", "/ping?probe=1", null));
    c.add(new Call("POST", "/ping", "x"));
    c.add(new Call("GET", "/health", null));
    // Sessions: join, list, refusals.
    c.add(new Call("GET", "/" + s, null));
    c.add(new Call("POST", "/" + s, "[\"a\",\"b\",\"jp’s Mac\"]"));
    c.add(new Call("POST", "/" + s + "/", "[\"c\"]"));
    c.add(new Call("POST", "/" + s, "~[\"d\"]"));
    c.add(new Call("POST", "/" + s, "[\"a\"]"));
    c.add(new Call("GET", "/" + s, null));
    c.add(new Call("GET", "/" + s + "/", null));
    c.add(new Call("POST", "/" + s, "{not json"));
    c.add(new Call("POST", "/" + s, "[1]"));
    c.add(new Call("POST", "/" + s, "[\"\"]"));
    c.add(new Call("POST", "/" + s, ""));
    c.add(new Call("POST", "/" + s, "[\"" + big + "\"]"));
    c.add(new Call("POST", "/" + s, "~[\"" + big + "\"]"));
    c.add(new Call("POST", "/" + "x".repeat(200), "[\"a\"]"));
    c.add(new Call("POST", "/tok", "[\"q\"]", "keyshard-queue-token", "secret"));
    c.add(new Call("POST", "/tok", "[\"q\"]", "keyshard-queue-token", "other"));
    c.add(new Call("POST", "/tok", "[\"q\"]", "keyshard-queue-token", "secret"));
    c.add(new Call("POST", "/sp%20ace", "[\"a\"]"));
    c.add(new Call("GET", "/sp%20ace", null));
    // Start and complete lists, keysign results, setup messages.
    c.add(new Call("GET", "/start/" + s, null));
    c.add(new Call("POST", "/start/" + s, "[\"a\",\"b\"]"));
    c.add(new Call("GET", "/start/" + s, null));
    c.add(new Call("GET", "/start/" + s + "/", null));
    c.add(new Call("POST", "/start/" + s, "[\"" + big + "\"]"));
    c.add(new Call("POST", "/complete/" + s, "[\"b\"]"));
    c.add(new Call("POST", "/complete/" + s, "[\"a\"]"));
    c.add(new Call("GET", "/complete/" + s, null));
    c.add(new Call("POST", "/complete/" + s + "/keysign", "sig-1", "message_id", "m1"));
    c.add(new Call("GET", "/complete/" + s + "/keysign", null, "message_id", "m1"));
    c.add(new Call("GET", "/complete/" + s + "/keysign", null));
    c.add(new Call("GET", "/complete/" + s + "/keysign", null, "message_id", "m".repeat(200)));
    c.add(new Call("POST", "/setup-message/" + s, "setup-0"));
    c.add(new Call("POST", "/setup-message/" + s, "setup-1 ’", "message_id", "m1"));
    c.add(new Call("GET", "/setup-message/" + s, null));
    c.add(new Call("GET", "/setup-message/" + s, null, "message_id", "m1"));
    c.add(new Call("GET", "/setup-message/" + s, null, "message_id", "m2"));
    c.add(new Call("POST", "/setup-message/" + s, big));
    // Payloads, named by their SHA-256.
    c.add(new Call("POST", "/payload/" + payloadHash, payload));
    c.add(new Call("POST", "/payload/" + sha256Hex(payload), payload));
    c.add(new Call("GET", "/payload/" + sha256Hex(payload), null));
    c.add(new Call("GET", "/payload/" + sha256Hex(payload).toUpperCase(), null));
    c.add(new Call("GET", "/payload/" + payloadHash, null));
    c.add(new Call("GET", "/payload/not-a-hash", null));
    // Messages.
    c.add(new Call("POST", "/message/nobody", msg("a", "b", "h0")));
    c.add(new Call("POST", "/message/" + s, msg("a", "b", "h1")));
    c.add(new Call("POST", "/message/" + s + "/", msg("a", "b", "h2")));
    c.add(new Call("POST", "/message/" + s, msg("a", "b", "h1")));
    c.add(new Call("POST", "/message/" + s, "~" + msg("a", "b", "h3")));
    c.add(new Call("POST", "/message/" + s, msg("a", "jp’s Mac", "h4"), "message_id", "m1"));
    c.add(new Call("POST", "/message/" + s, "{not json"));
    c.add(new Call("POST", "/message/" + s, ""));
    c.add(new Call("POST", "/message/" + s, "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"body\":\""
        + big + "\"}"));
    c.add(new Call("GET", "/message/" + s + "/b", null));
    c.add(new Call("GET", "/message/" + s + "/b?x=1", null));
    c.add(new Call("GET", "/message/" + s + "/jp%E2%80%99s%20Mac", null, "message_id", "m1"));
    c.add(new Call("GET", "/message/nobody/b", null));
    c.add(new Call("GET", "/message/tok/q", null));
    c.add(new Call("GET", "/message/tok/q", null, "keyshard-queue-token", "secret"));
    c.add(new Call("DELETE", "/message/" + s + "/b/h1", null));
    c.add(new Call("DELETE", "/message/" + s + "/b/h1/", null));
    c.add(new Call("DELETE", "/message/tok/q/h", null));
    c.add(new Call("GET", "/message/" + s + "/b", null));
    // Session delete.
    c.add(new Call("DELETE", "/sp%20ace", null));
    c.add(new Call("GET", "/sp%20ace", null));
    // Neither path nor method of the API.
    for (String[] other : new String[][] {{"PUT", "/" + s}, {"PATCH", "/message/" + s},
        {"GET", "/a/b/c/d"}, {"GET", "/start"}, {"DELETE", "/start/" + s}, {"PUT", "/message/s/b"},
        {"DELETE", "/message/" + s}, {"GET", "/message/" + s}, {"GET", "//" + s},
        {"GET", "/message//b"}, {"GET", "/PING"}, {"GET", "/ping//"}, {"GET", "/message/./b"},
        {"GET", "/message/" + s + ";x/b"}, {"GET", "/"},
        {"HEAD", "/ping"}, {"OPTIONS", "/ping"}, {"GET", "/message/" + s + "/b//"},
        {"GET", "/message/" + s + "/a%2Fb"}, {"GET", "/message/" + s + "/a+b"}}) {
      c.add(new Call(other[0], other[1], null));
    }
    c.add(new Call("GET", "/metrics", null));
    return c;
  }

  static String msg(String from, String to, String hash) {
    return "{\"session_id\":\"s\",\"from\":\"" + from + "\",\"to\":[\"" + to + "\"],\"body\":\"c-"
        + hash + "\",\"hash\":\"" + hash + "\",\"sequence_no\":7}";
  }

  static String sha256Hex(String s) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  List<Answer> answers(List<Call> calls) throws Exception {
    RelayLimits limits = RelayServerTest.LIMITS;
    List<Answer> out = new ArrayList<>();
    try (RelayServer server = new RelayServer(new InMemoryRelayStore(limits), limits, "memory")
        .start("127.0.0.1", 0)) {
      for (Call c : calls) {
        HttpRequest.BodyPublisher body;
        if (c.body() == null) {
          body = HttpRequest.BodyPublishers.noBody();
        } else if (c.body().startsWith("~")) {
          byte[] b = c.body().substring(1).getBytes(StandardCharsets.UTF_8);
          body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(b));
        } else {
          body = HttpRequest.BodyPublishers.ofString(c.body());
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + c.path())).method(c.method(), body);
        for (int i = 0; i < c.headers().length; i += 2) {
          b.header(c.headers()[i], c.headers()[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String name = c.method() + " " + (c.path().length() > 80 ? c.path().substring(0, 80) + "…"
            : c.path()) + (c.body() != null && c.body().length() > 100 ? " (large body)" : "");
        out.add(new Answer(name, r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
            r.headers().firstValue("Content-Length").orElse(null), r.body()));
      }
    }
    return out;
  }
}
