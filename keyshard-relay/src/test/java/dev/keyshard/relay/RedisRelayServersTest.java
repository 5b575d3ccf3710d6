package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two relay instances over one Redis, as behind a load balancer: either serves any request. */
class RedisRelayServersTest {
  static final RelayLimits LIMITS = new RelayLimits(64 * 1024, 50, 20, Duration.ofMinutes(5));
  static RedisServerProcess redis;
  final HttpClient http = HttpClient.newHttpClient();
  RelayServer first;
  RelayServer second;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServerProcess.startOrSkip();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void startRelays() {
    String ns = RedisRelayStoreTest.freshNamespace();
    first = relay(ns);
    second = relay(ns);
  }

  @AfterEach
  void stopRelays() {
    first.close();
    second.close();
  }

  static RelayServer relay(String namespace) {
    RedisRelayStore store = new RedisRelayStore(redis.uri(), LIMITS, namespace,
        Duration.ofSeconds(2));
    return new RelayServer(store, LIMITS, "redis").start("127.0.0.1", 0);
  }

  HttpResponse<String> call(RelayServer relay, String method, String path, String body)
      throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body))
        .build();
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSessionJoinedOnOneRelayIsServedByTheOther() throws Exception {
    String session = UUID.randomUUID().toString();
    assertEquals(201, call(first, "POST", "/" + session, "[\"a\",\"b\"]").statusCode());
    assertEquals("[\"a\",\"b\"]", call(second, "GET", "/" + session, null).body());
    String m = "{\"session_id\":\"" + session + "\",\"from\":\"a\",\"to\":[\"b\"],"
        + "\"body\":\"ciphertext\",\"hash\":\"h1\",\"sequence_no\":3}";
    assertEquals(202, call(second, "POST", "/message/" + session, m).statusCode());
    assertEquals(202, call(first, "POST", "/message/" + session, m).statusCode()); // a re-post

    HttpResponse<String> read = call(first, "GET", "/message/" + session + "/b", null);
    assertEquals(200, read.statusCode());
    JsonArray q = JsonParser.parseString(read.body()).getAsJsonArray();
    assertEquals(1, q.size());
    JsonObject o = q.get(0).getAsJsonObject();
    assertEquals("ciphertext", o.get("body").getAsString());
    assertEquals(3, o.get("sequence_no").getAsLong());

    assertEquals(200, call(second, "DELETE", "/message/" + session + "/b/h1", null).statusCode());
    assertEquals("[]", call(first, "GET", "/message/" + session + "/b", null).body());
    HttpResponse<String> health = call(second, "GET", "/health", null);
    assertEquals(200, health.statusCode());
    assertEquals("redis", JsonParser.parseString(health.body()).getAsJsonObject()
        .get("store").getAsString());
    assertEquals(1, JsonParser.parseString(health.body()).getAsJsonObject()
        .get("sessions").getAsInt());
  }
}
