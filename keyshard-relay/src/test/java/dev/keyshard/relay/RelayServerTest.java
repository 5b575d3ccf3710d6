package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay API over real HTTP, route by route, with Vultisig's status codes and Keyshard's limits. */
class RelayServerTest {
  static final RelayLimits LIMITS = new RelayLimits(64 * 1024, 50, 20, Duration.ofMinutes(5));
  RelayServer server;
  final HttpClient http = HttpClient.newHttpClient();
  String session;

  @BeforeEach
  void start() {
    server = new RelayServer(new InMemoryRelayStore(LIMITS), LIMITS, "memory").start("127.0.0.1", 0);
    session = UUID.randomUUID().toString();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record Reply(int status, String body) {}

  Reply call(String method, String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String message(String from, String to, String hash, int seq) {
    return "{\"session_id\":\"s\",\"from\":\"" + from + "\",\"to\":[\"" + to + "\"],\"body\":\"ciphertext-"
        + seq + "\",\"hash\":\"" + hash + "\",\"sequence_no\":" + seq + "}";
  }

  @Test
  void pingAnswersAsVultisigsRelay() throws Exception {
    Reply r = call("GET", "/ping", null);
    assertEquals(200, r.status());
    assertEquals("Voltix Router is running", r.body());
  }

  @Test
  void aMethodOrPathTheApiDoesNotHaveIsRefusedNotAnError() throws Exception {
    for (String[] req : new String[][] {{"PUT", "/message/" + session + "/b"}, {"PATCH", "/" + session},
        {"GET", "/no/such/route/here"}, {"DELETE", "/message/" + session}}) {
      int status = call(req[0], req[1], null).status();
      assertTrue(status == 404 || status == 405, req[0] + " " + req[1] + " gave " + status);
    }
  }

  @Test
  void joinIsAUnionAndListsInOrder() throws Exception {
    assertEquals(404, call("GET", "/" + session, null).status());
    assertEquals(201, call("POST", "/" + session, "[\"a\"]").status());
    assertEquals(201, call("POST", "/" + session, "[\"b\",\"a\"]").status());
    Reply r = call("GET", "/" + session, null);
    assertEquals(200, r.status());
    assertEquals("[\"a\",\"b\"]", r.body());
    assertEquals(200, call("DELETE", "/" + session, null).status());
    assertEquals(404, call("GET", "/" + session, null).status());
  }

  @Test
  void startAndCompleteLists() throws Exception {
    assertEquals(404, call("GET", "/start/" + session, null).status());
    assertEquals(200, call("POST", "/start/" + session, "[\"a\",\"b\"]").status());
    assertEquals("[\"a\",\"b\"]", call("GET", "/start/" + session, null).body());
    assertEquals(200, call("POST", "/complete/" + session, "[\"b\"]").status());
    assertEquals(200, call("POST", "/complete/" + session, "[\"a\"]").status());
    assertEquals("[\"b\",\"a\"]", call("GET", "/complete/" + session, null).body());
  }

  @Test
  void messagesAreQueuedPerRecipientOnceAndDeleted() throws Exception {
    call("POST", "/" + session, "[\"a\",\"b\",\"c\"]");
    String m = "{\"session_id\":\"" + session + "\",\"from\":\"a\",\"to\":[\"b\",\"c\"],\"body\":\"x\","
        + "\"hash\":\"h1\",\"sequence_no\":0}";
    assertEquals(202, call("POST", "/message/" + session, m).status());
    assertEquals(202, call("POST", "/message/" + session, m).status()); // a re-post: same message
    Reply b = call("GET", "/message/" + session + "/b", null);
    assertEquals(200, b.status());
    JsonArray q = JsonParser.parseString(b.body()).getAsJsonArray();
    assertEquals(1, q.size());
    JsonObject o = q.get(0).getAsJsonObject();
    assertEquals("a", o.get("from").getAsString());
    assertEquals("x", o.get("body").getAsString());
    assertEquals("h1", o.get("hash").getAsString());
    assertEquals(0, o.get("sequence_no").getAsLong());
    assertEquals("[]", call("GET", "/message/" + session + "/a", null).body());
    assertEquals(200, call("DELETE", "/message/" + session + "/b/h1", null).status());
    assertEquals("[]", call("GET", "/message/" + session + "/b", null).body());
    assertEquals(1, JsonParser.parseString(call("GET", "/message/" + session + "/c", null).body())
        .getAsJsonArray().size());
  }

  @Test
  void messageIdHeaderNamespacesQueuesAndSetup() throws Exception {
    call("POST", "/" + session, "[\"a\",\"b\"]");
    call("POST", "/message/" + session, message("a", "b", "h", 1), "message_id", "m1");
    assertEquals("[]", call("GET", "/message/" + session + "/b", null).body());
    assertEquals(1, JsonParser.parseString(call("GET", "/message/" + session + "/b", null,
        "message_id", "m1").body()).getAsJsonArray().size());
    assertEquals(201, call("POST", "/setup-message/" + session, "setup-0", "message_id", "m1").status());
    assertEquals(404, call("GET", "/setup-message/" + session, null).status());
    assertEquals("setup-0", call("GET", "/setup-message/" + session, null, "message_id", "m1").body());
    assertEquals(200, call("POST", "/complete/" + session + "/keysign", "sig", "message_id", "m1").status());
    assertEquals("sig", call("GET", "/complete/" + session + "/keysign", null, "message_id", "m1").body());
    assertEquals(404, call("GET", "/complete/" + session + "/keysign", null, "message_id", "m2").status());
  }

  @Test
  void payloadsAreStoredUnderTheirSha256() throws Exception {
    String body = "{\"unsigned\":\"tx\"}";
    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(body.getBytes(StandardCharsets.UTF_8)));
    assertEquals(400, call("POST", "/payload/" + hash, body + " ").status());
    assertEquals(404, call("GET", "/payload/" + hash, null).status());
    assertEquals(200, call("POST", "/payload/" + hash, body).status());
    assertEquals(body, call("GET", "/payload/" + hash, null).body());
    assertEquals(400, call("GET", "/payload/not-a-hash", null).status());
  }

  @Test
  void deviceNamesWorkAsPartyIds() throws Exception {
    String party = "jp’s MacBook Air-EE5";
    call("POST", "/" + session, "[\"" + party + "\",\"iPhone-5C9\"]");
    call("POST", "/message/" + session, message("iPhone-5C9", party, "h", 0));
    Reply r = call("GET", "/message/" + session + "/" + enc(party), null);
    assertEquals(200, r.status());
    assertEquals(1, JsonParser.parseString(r.body()).getAsJsonArray().size());
  }

  @Test
  void badRequestsAreRefusedWithClearStatuses() throws Exception {
    assertEquals(400, call("POST", "/" + session, "{not json").status());
    assertEquals(400, call("POST", "/" + session, "{\"a\":1}").status());
    assertEquals(400, call("POST", "/" + session, "[1]").status());
    assertEquals(400, call("POST", "/" + session, "[\"\"]").status());
    assertEquals(400, call("POST", "/" + session, "[\"a\\nb\"]").status());
    assertEquals(400, call("POST", "/" + session, "[\"" + "x".repeat(200) + "\"]").status());
    assertEquals(400, call("POST", "/" + "x".repeat(200), "[\"a\"]").status());
    // A message for a session nobody joined.
    assertEquals(404, call("POST", "/message/" + session, message("a", "b", "h", 0)).status());
    assertEquals(404, call("GET", "/message/" + session + "/b", null).status());
    call("POST", "/" + session, "[\"a\",\"b\"]");
    assertEquals(400, call("POST", "/message/" + session, "{\"from\":\"a\",\"to\":[],\"hash\":\"h\"}").status());
    assertEquals(400, call("POST", "/message/" + session, "{\"from\":\"a\",\"to\":[\"b\"]}").status());
    assertEquals(400, call("POST", "/message/" + session,
        "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"sequence_no\":-1}").status());
    assertEquals(400, call("POST", "/message/" + session,
        "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"sequence_no\":\"1\"}").status());
    // Oversized body.
    String big = "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"body\":\"" + "x".repeat(70_000) + "\"}";
    assertEquals(413, call("POST", "/message/" + session, big).status());
    assertEquals("[]", call("GET", "/message/" + session + "/b", null).body());
  }

  @Test
  void quotasAnswer429() throws Exception {
    call("POST", "/" + session, "[\"a\",\"b\"]");
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < LIMITS.maxMessagesPerSession() + 5; i++) {
      int s = call("POST", "/message/" + session, message("a", "b", "h" + i, i)).status();
      if (s == 202) {
        accepted++;
      } else {
        assertEquals(429, s);
        refused++;
      }
    }
    assertEquals(LIMITS.maxMessagesPerSession(), accepted);
    assertEquals(5, refused);
    for (int i = 1; i < LIMITS.maxSessions(); i++) {
      assertEquals(201, call("POST", "/" + UUID.randomUUID(), "[\"a\"]").status());
    }
    assertEquals(429, call("POST", "/" + UUID.randomUUID(), "[\"a\"]").status());
    assertEquals(201, call("POST", "/" + session, "[\"c\"]").status()); // an existing session still grows
  }

  @Test
  void aFullRelayAnswers429UntilDeliveriesFreeRoom() throws Exception {
    server.close();
    RelayLimits small = new RelayLimits(64 * 1024, 1000, 20, Duration.ofMinutes(5), 160 * 1024);
    server = new RelayServer(new InMemoryRelayStore(small), small, "memory").start("127.0.0.1", 0);
    call("POST", "/" + session, "[\"a\",\"b\"]");
    String body = "x".repeat(60_000);
    String[] m = new String[3];
    for (int i = 0; i < 3; i++) {
      m[i] = "{\"from\":\"a\",\"to\":[\"b\"],\"body\":\"" + body + "\",\"hash\":\"h" + i + "\"}";
    }
    assertEquals(202, call("POST", "/message/" + session, m[0]).status());
    assertEquals(202, call("POST", "/message/" + session, m[1]).status());
    Reply full = call("POST", "/message/" + session, m[2]);
    assertEquals(429, full.status());
    assertTrue(full.body().contains("limit"), full.body());
    assertEquals(202, call("POST", "/message/" + session, m[1]).status()); // a re-post still succeeds
    String payload = "p".repeat(60_000);
    assertEquals(429, call("POST", "/payload/" + RelayAnswersTest.sha256Hex(payload), payload).status());
    assertEquals(200, call("DELETE", "/message/" + session + "/b/h0", null).status());
    assertEquals(202, call("POST", "/message/" + session, m[2]).status());
  }

  @Test
  void aTokenBoundQueueIsReadOnlyWithItsToken() throws Exception {
    assertEquals(201, call("POST", "/" + session, "[\"a\"]", "keyshard-queue-token", "secret-a").status());
    assertEquals(201, call("POST", "/" + session, "[\"b\"]").status());
    call("POST", "/message/" + session, message("b", "a", "h", 0));
    assertEquals(403, call("GET", "/message/" + session + "/a", null).status());
    assertEquals(403, call("GET", "/message/" + session + "/a", null, "keyshard-queue-token", "guess").status());
    assertEquals(403, call("DELETE", "/message/" + session + "/a/h", null).status());
    Reply ok = call("GET", "/message/" + session + "/a", null, "keyshard-queue-token", "secret-a");
    assertEquals(200, ok.status());
    assertEquals(1, JsonParser.parseString(ok.body()).getAsJsonArray().size());
    // Nobody can rebind a's queue, and b (no token) reads as on Vultisig's relay.
    assertEquals(403, call("POST", "/" + session, "[\"a\"]", "keyshard-queue-token", "other").status());
    assertEquals(200, call("GET", "/message/" + session + "/b", null).status());
  }

  @Test
  void concurrentJoinsAndPostsLoseNothing() throws Exception {
    int n = 16;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> joins = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = "p" + i;
        joins.add(pool.submit(() -> call("POST", "/" + session, "[\"" + id + "\"]").status()));
      }
      for (Future<Integer> f : joins) {
        assertEquals(201, f.get());
      }
      assertEquals(n, JsonParser.parseString(call("GET", "/" + session, null).body()).getAsJsonArray().size());
      List<Future<Integer>> posts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int seq = i;
        posts.add(pool.submit(() -> call("POST", "/message/" + session,
            message("p" + (seq % n), "p0", "h" + seq, seq)).status()));
      }
      for (Future<Integer> f : posts) {
        assertEquals(202, f.get());
      }
      assertEquals(40, JsonParser.parseString(call("GET", "/message/" + session + "/p0", null).body())
          .getAsJsonArray().size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void healthAndMetricsShowNoIds() throws Exception {
    call("POST", "/" + session, "[\"a\",\"b\"]");
    call("POST", "/message/" + session, message("a", "b", "h", 0));
    Reply h = call("GET", "/health", null);
    assertEquals(200, h.status());
    assertEquals(1, JsonParser.parseString(h.body()).getAsJsonObject().get("sessions").getAsInt());
    Reply m = call("GET", "/metrics", null);
    assertEquals(200, m.status());
    assertTrue(m.body().contains("keyshard_relay_messages_queued_total 1"), m.body());
    assertTrue(m.body().contains("route=\"POST /message/{session}\""), m.body());
    assertTrue(!m.body().contains(session), m.body());
  }
}
