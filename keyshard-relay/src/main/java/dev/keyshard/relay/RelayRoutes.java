package dev.keyshard.relay;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The vultisig-relay API (DESIGN.md, "Relay API"), route for route: same paths, methods, status
 * codes, JSON field names and {@code message_id} header. Keyshard adds checks Vultisig's relay
 * lacks — strict ids and JSON (400), messages only into joined sessions (404), quotas (429) —
 * and an optional {@code keyshard-queue-token} header: a party that joins with one binds its
 * queue, and only that token reads or empties it (403). Vultisig's clients send no token, and
 * their queues behave as on Vultisig's relay.
 */
final class RelayRoutes {
  static final String MESSAGE_ID = "message_id";
  static final String QUEUE_TOKEN = "keyshard-queue-token";
  static final String PING_TEXT = "Voltix Router is running";

  private final RelayStore store;
  private final RelayMetrics metrics;
  private final String storeName;
  private final long maxBodyBytes;

  RelayRoutes(RelayStore store, RelayMetrics metrics, String storeName, long maxBodyBytes) {
    this.store = store;
    this.maxBodyBytes = maxBodyBytes;
    this.metrics = metrics;
    this.storeName = storeName;
  }

  void register(RoutesConfig r) {
    // Fixed paths first: they take precedence over the one-segment session routes.
    r.get("/ping", ctx -> ctx.result(PING_TEXT));
    r.get("/health", this::health);
    r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
        .result(metrics.render(store.sessionCount())));
    r.post("/message/{session}", this::postMessage);
    r.get("/message/{session}/{party}", this::getMessages);
    r.delete("/message/{session}/{party}/{hash}", this::deleteMessage);
    r.post("/start/{session}", ctx -> setList(ctx, StoreKeys.started(session(ctx))));
    r.get("/start/{session}", ctx -> getList(ctx, StoreKeys.started(session(ctx))));
    r.post("/complete/{session}/keysign", ctx -> {
      store.putValue(StoreKeys.keysignResult(session(ctx), messageId(ctx)), ctx.body());
      ctx.status(200);
    });
    r.get("/complete/{session}/keysign", ctx ->
        getValue(ctx, StoreKeys.keysignResult(session(ctx), messageId(ctx))));
    r.post("/complete/{session}", ctx -> setList(ctx, StoreKeys.completed(session(ctx))));
    r.get("/complete/{session}", ctx -> getList(ctx, StoreKeys.completed(session(ctx))));
    r.post("/setup-message/{session}", ctx -> {
      store.putValue(StoreKeys.setup(session(ctx), messageId(ctx)), ctx.body());
      ctx.status(201);
    });
    r.get("/setup-message/{session}", ctx ->
        getValue(ctx, StoreKeys.setup(session(ctx), messageId(ctx))));
    r.post("/payload/{hash}", this::postPayload);
    r.get("/payload/{hash}", ctx -> getValue(ctx, StoreKeys.payload(payloadHash(ctx))));
    r.post("/{session}", this::join);
    r.get("/{session}", ctx -> getList(ctx, StoreKeys.members(session(ctx))));
    r.delete("/{session}", ctx -> {
      String s = session(ctx);
      store.deleteSession(s, StoreKeys.members(s));
      ctx.status(200);
    });
  }

  private void health(Context ctx) {
    boolean ok = store.healthy();
    ctx.status(ok ? 200 : 503).contentType("application/json").result("{\"status\":\""
        + (ok ? "ok" : "store unavailable") + "\",\"store\":\"" + storeName + "\",\"sessions\":"
        + (ok ? store.sessionCount() : 0) + "}");
  }

  /** {@code POST /{session}}: join — the ids not yet members are appended. */
  private void join(Context ctx) throws Exception {
    String s = session(ctx);
    List<String> ids = RelayMessageJson.readIds(body(ctx));
    String token = ctx.header(QUEUE_TOKEN);
    store.addMembers(s, StoreKeys.members(s), ids);
    if (token != null && !token.isBlank()) {
      String bound = tokenHash(token);
      for (String party : ids) {
        if (!store.putValueIfAbsent(StoreKeys.queueToken(s, party), bound).equals(bound)) {
          ctx.status(403).result("party '" + party + "' is already bound to another token");
          return;
        }
      }
    }
    ctx.status(201);
  }

  private void setList(Context ctx, String key) throws Exception {
    String s = session(ctx);
    store.addMembers(s, key, RelayMessageJson.readIds(body(ctx)));
    ctx.status(200);
  }

  private void getList(Context ctx, String key) {
    Optional<List<String>> ids = store.members(key);
    if (ids.isEmpty()) {
      ctx.status(404);
      return;
    }
    ctx.contentType("application/json").result(RelayMessageJson.writeIds(ids.get()));
  }

  private void getValue(Context ctx, String key) {
    Optional<String> v = store.value(key);
    if (v.isEmpty()) {
      ctx.status(404);
      return;
    }
    ctx.contentType("text/plain; charset=UTF-8").result(v.get());
  }

  /** {@code POST /message/{session}}: queued once per recipient → 202. */
  private void postMessage(Context ctx) throws Exception {
    String s = session(ctx);
    String mid = messageId(ctx);
    RelayMessage m = RelayMessageJson.readPosted(body(ctx));
    List<String> queues = new java.util.ArrayList<>(m.to().size());
    for (String to : m.to()) {
      queues.add(StoreKeys.queue(s, to, mid));
    }
    int queued = store.enqueueInSession(s, StoreKeys.members(s), queues, m);
    if (queued < 0) {
      throw new UnknownSessionException();
    }
    metrics.messagesQueued.add(queued);
    metrics.messagesDuplicate.add(queues.size() - queued);
    ctx.status(202);
  }

  private void getMessages(Context ctx) throws Exception {
    String s = session(ctx);
    String party = Ids.party(ctx.pathParam("party"));
    requireSession(s);
    if (!mayRead(ctx, s, party)) {
      return;
    }
    RelayStore.EncodedQueue q = store.encodedQueue(StoreKeys.queue(s, party, messageId(ctx)));
    metrics.messagesDelivered.add(q.messages());
    ctx.contentType("application/json").result(q.json());
  }

  private void deleteMessage(Context ctx) throws Exception {
    String s = session(ctx);
    String party = Ids.party(ctx.pathParam("party"));
    String hash = Ids.hash(ctx.pathParam("hash"));
    if (!mayRead(ctx, s, party)) {
      return;
    }
    store.dequeue(StoreKeys.queue(s, party, messageId(ctx)), hash);
    ctx.status(200);
  }

  /** {@code POST /payload/{sha256}}: stored only when the body hashes to the path → 200. */
  private void postPayload(Context ctx) throws Exception {
    String hash = payloadHash(ctx);
    byte[] body = ctx.bodyAsBytes();
    if (!HexFormat.of().formatHex(sha256(body)).equals(hash)) {
      throw new BadRequestException("the payload does not hash to its name");
    }
    store.putValue(StoreKeys.payload(hash), new String(body, StandardCharsets.UTF_8));
    ctx.status(200);
  }

  private void requireSession(String s) throws UnknownSessionException {
    if (!store.hasMembers(StoreKeys.members(s))) {
      throw new UnknownSessionException();
    }
  }

  /** False (and 403 sent) when the queue is bound to a token the request does not carry. */
  private boolean mayRead(Context ctx, String session, String party) {
    Optional<String> bound = store.value(StoreKeys.queueToken(session, party));
    if (bound.isEmpty()) {
      return true;
    }
    String token = ctx.header(QUEUE_TOKEN);
    boolean ok = token != null && MessageDigest.isEqual(
        bound.get().getBytes(StandardCharsets.US_ASCII),
        tokenHash(token).getBytes(StandardCharsets.US_ASCII));
    if (!ok) {
      ctx.status(403).result("this queue belongs to another client");
    }
    return ok;
  }

  /**
   * The request body as text. With a Content-Length within the limit it is read once into an
   * array of that size (Javalin's {@code ctx.body()} copies it three times more); otherwise
   * Javalin reads it, and refuses one over the limit with 413.
   */
  private String body(Context ctx) throws java.io.IOException {
    long length = ctx.req().getContentLengthLong();
    if (length < 0 || length > maxBodyBytes) {
      return ctx.body();
    }
    return new String(ctx.req().getInputStream().readNBytes((int) length), StandardCharsets.UTF_8);
  }

  private static String session(Context ctx) throws BadRequestException {
    return Ids.session(ctx.pathParam("session"));
  }

  private static String messageId(Context ctx) throws BadRequestException {
    return Ids.messageId(ctx.header(MESSAGE_ID));
  }

  private static String payloadHash(Context ctx) throws BadRequestException {
    String h = ctx.pathParam("hash").strip().toLowerCase(java.util.Locale.ROOT);
    if (!h.matches("[0-9a-f]{64}")) {
      throw new BadRequestException("a payload is named by the hex SHA-256 of its content");
    }
    return h;
  }

  private static String tokenHash(String token) {
    return HexFormat.of().formatHex(sha256(token.strip().getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A message for a session nobody joined (HTTP 404). */
  static final class UnknownSessionException extends Exception {
    private static final long serialVersionUID = 1L;

    UnknownSessionException() {
      super("unknown session");
    }
  }
}
