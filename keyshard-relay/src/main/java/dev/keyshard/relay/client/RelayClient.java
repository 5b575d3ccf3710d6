package dev.keyshard.relay.client;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.keyshard.relay.MalformedRelayJsonException;
import dev.keyshard.relay.RelayMessage;
import dev.keyshard.relay.RelayMessageJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the relay API (Keyshard's or Vultisig's). Transient failures — no answer, 5xx,
 * 429 — are retried with exponential backoff up to {@code attempts} times; every request is
 * idempotent on the relay (joins are unions, messages are named by a hash of their content), so a
 * retry after a lost answer is harmless. Thread-safe.
 */
public final class RelayClient {
  private static final String MESSAGE_ID = "message_id";
  private static final String QUEUE_TOKEN = "keyshard-queue-token";

  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final int attempts;

  public RelayClient(URI base) {
    this(base, Duration.ofSeconds(10), 5);
  }

  public RelayClient(URI base, Duration requestTimeout, int attempts) {
    String s = base.toString();
    this.base = URI.create(s.endsWith("/") ? s : s + "/");
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    this.requestTimeout = requestTimeout;
    this.attempts = Math.max(1, attempts);
  }

  public URI base() {
    return base;
  }

  /** {@code POST /{session}}: joins {@code party}; a token binds its queue to this client. */
  public void join(String session, String party, String queueToken) throws RelayException {
    send("POST", seg(session), ids(List.of(party)), headers(null, queueToken), 201);
  }

  /** {@code GET /{session}}: the members so far (empty when nobody joined). */
  public List<String> members(String session) throws RelayException {
    return list("GET", seg(session));
  }

  /** {@code POST /start/{session}}: the committee, in the order that numbers it. */
  public void start(String session, List<String> committee) throws RelayException {
    send("POST", "start/" + seg(session), ids(committee), headers(null, null), 200);
  }

  /** {@code GET /start/{session}}: the committee once started. */
  public Optional<List<String>> started(String session) throws RelayException {
    List<String> l = list("GET", "start/" + seg(session));
    return l.isEmpty() ? Optional.empty() : Optional.of(l);
  }

  /** {@code POST /complete/{session}}. */
  public void complete(String session, String party) throws RelayException {
    send("POST", "complete/" + seg(session), ids(List.of(party)), headers(null, null), 200);
  }

  /** {@code GET /complete/{session}}. */
  public List<String> completed(String session) throws RelayException {
    return list("GET", "complete/" + seg(session));
  }

  /** {@code POST /complete/{session}/keysign} (header {@code message_id}): a finished result. */
  public void putResult(String session, String messageId, String text) throws RelayException {
    send("POST", "complete/" + seg(session) + "/keysign", text, headers(messageId, null), 200);
  }

  /** {@code GET /complete/{session}/keysign}: the finished result, if one was left. */
  public Optional<String> result(String session, String messageId) throws RelayException {
    Reply r = send("GET", "complete/" + seg(session) + "/keysign", null, headers(messageId, null),
        200, 404);
    return r.status() == 404 ? Optional.empty() : Optional.of(r.body());
  }

  /** {@code POST /setup-message/{session}}. */
  public void putSetup(String session, String messageId, String text) throws RelayException {
    send("POST", "setup-message/" + seg(session), text, headers(messageId, null), 201);
  }

  /** {@code GET /setup-message/{session}}. */
  public Optional<String> setup(String session, String messageId) throws RelayException {
    Reply r = send("GET", "setup-message/" + seg(session), null, headers(messageId, null), 200, 404);
    return r.status() == 404 ? Optional.empty() : Optional.of(r.body());
  }

  /** {@code POST /message/{session}} → 202. */
  public void post(String session, String messageId, RelayMessage m) throws RelayException {
    send("POST", "message/" + seg(session), RelayMessageJson.write(m), headers(messageId, null),
        202);
  }

  /** {@code GET /message/{session}/{party}}: the queue, oldest first. */
  public List<RelayMessage> messages(String session, String party, String messageId,
      String queueToken) throws RelayException {
    Reply r = send("GET", "message/" + seg(session) + "/" + seg(party), null,
        headers(messageId, queueToken), 200);
    try {
      return RelayMessageJson.readQueue(r.body());
    } catch (MalformedRelayJsonException e) {
      throw new RelayException(200, "the relay answered GET /message with malformed JSON");
    }
  }

  /** {@code DELETE /message/{session}/{party}/{hash}}. */
  public void delete(String session, String party, String hash, String messageId, String queueToken)
      throws RelayException {
    send("DELETE", "message/" + seg(session) + "/" + seg(party) + "/" + seg(hash), null,
        headers(messageId, queueToken), 200);
  }

  private List<String> list(String method, String path) throws RelayException {
    Reply r = send(method, path, null, headers(null, null), 200, 404);
    if (r.status() == 404) {
      return List.of();
    }
    try {
      List<String> out = new ArrayList<>();
      JsonParser.parseString(r.body()).getAsJsonArray().forEach(e -> out.add(e.getAsString()));
      return out;
    } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
      throw new RelayException(200, "the relay answered " + method + " with malformed JSON");
    }
  }

  private record Reply(int status, String body) {}

  private Reply send(String method, String path, String body, String[] headers, int... ok)
      throws RelayException {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(requestTimeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    HttpRequest request = b.build();
    String route = method + " /" + path.split("/")[0];
    RelayException last = null;
    long backoff = 50;
    for (int attempt = 0; attempt < attempts; attempt++) {
      try {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (int code : ok) {
          if (r.statusCode() == code) {
            return new Reply(code, r.body());
          }
        }
        last = new RelayException(r.statusCode(), "relay refused " + route + ": HTTP " + r.statusCode()
            + (r.body().isBlank() || r.body().length() > 200 ? "" : " (" + r.body().strip() + ")"));
      } catch (IOException e) {
        last = new RelayException(0, "relay " + base + " unreachable (" + e.getClass().getSimpleName()
            + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RelayException(0, "interrupted");
      }
      if (!last.transientError()) {
        throw last;
      }
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RelayException(0, "interrupted");
      }
      backoff = Math.min(backoff * 2, 2000);
    }
    throw last;
  }

  private static String[] headers(String messageId, String queueToken) {
    List<String> h = new ArrayList<>();
    if (messageId != null && !messageId.isEmpty()) {
      h.add(MESSAGE_ID);
      h.add(messageId);
    }
    if (queueToken != null && !queueToken.isEmpty()) {
      h.add(QUEUE_TOKEN);
      h.add(queueToken);
    }
    return h.toArray(String[]::new);
  }

  private static String ids(List<String> ids) {
    return RelayMessageJson.writeIds(ids);
  }

  private static String seg(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
