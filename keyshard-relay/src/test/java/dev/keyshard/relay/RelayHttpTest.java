package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1 on raw sockets, below what an HTTP client lets a test send: pipelined requests,
 * unparsable and oversized request lines and headers, bodies over the limit with and without
 * {@code Expect: 100-continue}, HTTP/1.0. The relay answers each with a clear status, keeps a
 * connection only when the stream is still in step, and goes on serving others.
 */
class RelayHttpTest {
  static final RelayLimits LIMITS = RelayServerTest.LIMITS;
  RelayServer server;

  @BeforeEach
  void start() {
    server = new RelayServer(new InMemoryRelayStore(LIMITS), LIMITS, "memory").start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  record Answer(int status, String headers, String body) {}

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    String msg = "{\"from\":\"a\",\"to\":[\"b\"],\"body\":\"x\",\"hash\":\"h\",\"sequence_no\":0}";
    try (Socket s = connect()) {
      send(s, post("/p1", "[\"a\",\"b\"]") + post("/message/p1", msg)
          + "GET /message/p1/b HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
      List<Answer> a = read(s.getInputStream(), 4);
      assertEquals(List.of(201, 202, 200, 200), a.stream().map(Answer::status).toList());
      assertTrue(a.get(2).body().contains("\"hash\":\"h\""), a.get(2).body());
      assertEquals(RelayRoutes.PING_TEXT, a.get(3).body());
    }
  }

  @Test
  void unparsableAndOversizedHeadsAreRefusedAndTheConnectionClosed() throws Exception {
    String[][] cases = {
        {"HELLO\r\n\r\n", "400"},
        {"GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", "414"},
        {"GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(10_000) + "\r\n\r\n", "431"},
        {"GET /ping HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
            "400"},
    };
    for (String[] c : cases) {
      try (Socket s = connect()) {
        send(s, c[0]);
        List<Answer> a = read(s.getInputStream(), 1);
        assertEquals(Integer.parseInt(c[1]), a.get(0).status(), c[0].substring(0, Math.min(20, c[0].length())));
        assertEquals(-1, s.getInputStream().read(), "closed after " + c[1]);
      }
    }
    assertEquals(200, pingOnNewConnection());
  }

  @Test
  void aBodyOverTheLimitIs413AndTheConnectionServesTheNextRequest() throws Exception {
    int over = (int) LIMITS.maxBodyBytes() + 1;
    try (Socket s = connect()) {
      send(s, "POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: " + over + "\r\n\r\n"
          + "x".repeat(over) + "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
      List<Answer> a = read(s.getInputStream(), 2);
      assertEquals(413, a.get(0).status());
      assertEquals(200, a.get(1).status());
    }
    // Announced with Expect: 100-continue, the body is refused before it is sent.
    try (Socket s = connect()) {
      send(s, "POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " + over
          + "\r\n\r\n");
      assertEquals(413, read(s.getInputStream(), 1).get(0).status());
    }
  }

  @Test
  void aChunkedBodyOverTheLimitIs413AndCloses() throws Exception {
    try (Socket s = connect()) {
      StringBuilder req = new StringBuilder("POST /big HTTP/1.1\r\nHost: x\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n");
      String chunk = "y".repeat(16_384);
      for (long sent = 0; sent <= LIMITS.maxBodyBytes(); sent += chunk.length()) {
        req.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
      }
      try {
        send(s, req.append("0\r\n\r\n").toString());
      } catch (IOException closedWhileSending) {
        // The relay may close before the last chunks arrive; its answer is still there to read.
      }
      assertEquals(413, read(s.getInputStream(), 1).get(0).status());
    }
    assertEquals(200, pingOnNewConnection());
  }

  @Test
  void http10IsAnsweredThenClosedUnlessItAsksToKeepAlive() throws Exception {
    try (Socket s = connect()) {
      send(s, "GET /ping HTTP/1.0\r\n\r\n");
      Answer a = read(s.getInputStream(), 1).get(0);
      assertEquals(200, a.status());
      assertEquals(-1, s.getInputStream().read());
    }
    try (Socket s = connect()) {
      send(s, "GET /ping HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
      Answer a = read(s.getInputStream(), 1).get(0);
      assertTrue(a.headers().toLowerCase().contains("connection: keep-alive"), a.headers());
      send(s, "GET /ping HTTP/1.0\r\n\r\n");
      assertEquals(200, read(s.getInputStream(), 1).get(0).status());
    }
  }

  private int pingOnNewConnection() throws IOException {
    try (Socket s = connect()) {
      send(s, "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
      return read(s.getInputStream(), 1).get(0).status();
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket("127.0.0.1", server.port());
    s.setSoTimeout(10_000);
    return s;
  }

  private static String post(String path, String body) {
    return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
  }

  private static void send(Socket s, String request) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static final Pattern STATUS = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");
  private static final Pattern LENGTH =
      Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  /** Reads n responses (every relay answer carries a Content-Length), skipping 100 Continue. */
  private static List<Answer> read(InputStream in, int n) throws IOException {
    List<Answer> out = new ArrayList<>();
    while (out.size() < n) {
      String head = head(in);
      Matcher st = STATUS.matcher(head);
      assertTrue(st.find(), head);
      int status = Integer.parseInt(st.group(1));
      if (status == 100) {
        continue;
      }
      Matcher len = LENGTH.matcher(head);
      int length = len.find() ? Integer.parseInt(len.group(1)) : 0;
      out.add(new Answer(status, head, new String(in.readNBytes(length), StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed after: " + b);
      }
      b.write(c);
      matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
    }
    return b.toString(StandardCharsets.US_ASCII);
  }
}
