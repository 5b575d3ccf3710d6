package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The message routes served by {@link MessageRouteHandler} answer exactly as through Javalin:
 * the same requests — accepted, refused and passed on — against a relay with the handler and one
 * without give the same status, content type, length and body, and the same metrics.
 */
class MessageRouteHandlerTest {
  final HttpClient http = HttpClient.newHttpClient();

  record Answer(int status, String contentType, String contentLength, String body) {}

  /** One request: method, path, body (null: none; a leading '~': sent chunked), headers. */
  record Call(String method, String path, String body, String... headers) {}

  @Test
  void pathsAreMatchedAndDecodedAsJavalinDoes() {
    assertArrayEquals(new String[] {"s"}, MessageRouteHandler.params("/message/s"));
    assertArrayEquals(new String[] {"s"}, MessageRouteHandler.params("/message/s/"));
    assertArrayEquals(new String[] {"s", "jp’s Mac", "h"},
        MessageRouteHandler.params("/message/s/jp%E2%80%99s%20Mac/h"));
    assertArrayEquals(new String[] {"s", "a+b"}, MessageRouteHandler.params("/message/s/a+b"));
    assertArrayEquals(new String[] {"s", "a/b"}, MessageRouteHandler.params("/message/s/a%2Fb"));
    for (String other : new String[] {"/message/", "/message", "/message//", "/message/s//",
        "/message/s//b", "/message/a/b/c/d", "/message/s/%zz", "/message/s;x", "/message/./b",
        "/message/s/..", "/Message/s", "/messages/s", "/s", null}) {
      assertNull(MessageRouteHandler.params(other), other);
    }
  }

  @Test
  void answersAsJavalinDoes() throws Exception {
    String big = "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"body\":\"" + "x".repeat(70_000) + "\"}";
    List<Call> calls = List.of(
        new Call("POST", "/message/s", msg("a", "b", "h0")), // no session yet: 404
        new Call("GET", "/message/s/b", null),
        new Call("POST", "/s", "[\"a\",\"b\",\"jp’s Mac\"]"),
        new Call("POST", "/t", "[\"q\"]", "keyshard-queue-token", "secret"),
        new Call("POST", "/message/s", msg("a", "b", "h1")),
        new Call("POST", "/message/s/", msg("a", "b", "h2")),
        new Call("POST", "/message/s", msg("a", "b", "h1")), // duplicate
        new Call("POST", "/message/s", "~" + msg("a", "b", "h3")), // chunked: Javalin's route
        new Call("POST", "/message/s", msg("a", "jp’s Mac", "h4"), "message_id", "m1"),
        new Call("POST", "/message/s", "{not json"),
        new Call("POST", "/message/s", "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"sequence_no\":1.5}"),
        new Call("POST", "/message/s", ""),
        new Call("POST", "/message/s", big),
        new Call("POST", "/message/s", "~" + big),
        new Call("POST", "/message/" + "x".repeat(200), msg("a", "b", "h5")),
        new Call("POST", "/message/s", msg("a", "b", "h6"), "message_id", "m".repeat(200)),
        new Call("GET", "/message/s/b", null),
        new Call("GET", "/message/s/b/", null),
        new Call("GET", "/message/s/jp%E2%80%99s%20Mac", null, "message_id", "m1"),
        new Call("GET", "/message/s/a", null),
        new Call("GET", "/message/t/q", null),
        new Call("GET", "/message/t/q", null, "keyshard-queue-token", "guess"),
        new Call("GET", "/message/t/q", null, "keyshard-queue-token", "secret"),
        new Call("GET", "/message/s/a%2Fb", null),
        new Call("DELETE", "/message/s/b/h1", null),
        new Call("DELETE", "/message/s/b/h1", null),
        new Call("DELETE", "/message/s/b/zz%2Fz", null),
        new Call("DELETE", "/message/t/q/h", null),
        new Call("DELETE", "/message/s/b", null),
        new Call("PUT", "/message/s/b", null),
        new Call("GET", "/message/s", null),
        new Call("GET", "/message/s/b", null),
        new Call("GET", "/metrics", null));
    assertEquals(answers(false, calls), answers(true, calls));
  }

  static String msg(String from, String to, String hash) {
    return "{\"session_id\":\"s\",\"from\":\"" + from + "\",\"to\":[\"" + to + "\"],\"body\":\"c-"
        + hash + "\",\"hash\":\"" + hash + "\",\"sequence_no\":7}";
  }

  List<Answer> answers(boolean handler, List<Call> calls) throws Exception {
    RelayLimits limits = RelayServerTest.LIMITS;
    List<Answer> out = new ArrayList<>();
    try (RelayServer server = new RelayServer(new InMemoryRelayStore(limits), limits, "memory",
        handler).start("127.0.0.1", 0)) {
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
        out.add(new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null),
            r.headers().firstValue("Content-Length").orElse(null), r.body()));
      }
    }
    return out;
  }
}
