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
  static final String POST_MESSAGE = "/message/{session}";
  static final String GET_MESSAGES = "/message/{session}/{party}";
  static final String DELETE_MESSAGE = "/message/{session}/{party}/{hash}";
  static final String TEXT = "text/plain";
  static final String JSON = "application/json";
  private static final byte[] NONE = new byte[0];

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
    // The message routes: MessageRouteHandler serves them before Javalin sees them; these
    // registrations take what it passes on (bodies without a length or over the limit).
    r.post(POST_MESSAGE, ctx -> send(ctx, postMessage(ctx.pathParam("session"),
        ctx.header(MESSAGE_ID), bodyBytes(ctx))));
    r.get(GET_MESSAGES, ctx -> send(ctx, getMessages(ctx.pathParam("session"),
        ctx.pathParam("party"), ctx.header(MESSAGE_ID), ctx.header(QUEUE_TOKEN))));
    r.delete(DELETE_MESSAGE, ctx -> send(ctx, deleteMessage(ctx.pathParam("session"),
        ctx.pathParam("party"), ctx.pathParam("hash"), ctx.header(MESSAGE_ID),
        ctx.header(QUEUE_TOKEN))));
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

  /**
   * What a message route answers, whichever HTTP layer carries it: status, content type (as
   * Javalin sends it, {@code text/plain} by default) and body.
   */
  record Reply(int status, String contentType, byte[] body) {
    static Reply empty(int status) {
      return new Reply(status, TEXT, NONE);
    }

    static Reply text(int status, String text) {
      return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * The reply for the relay's own refusals (400, 404, 429), as Javalin's exception mapping in
   * {@link RelayServer} sends them; null for anything else (a 500).
   */
  static Reply refusal(Exception e) {
    int status;
    if (e instanceof BadRequestException || e instanceof MalformedRelayJsonException) {
      status = 400;
    } else if (e instanceof LimitExceededException) {
      status = 429;
    } else if (e instanceof UnknownSessionException) {
      status = 404;
    } else {
      return null;
    }
    return Reply.text(status, e.getMessage());
  }

  private static void send(Context ctx, Reply reply) {
    ctx.status(reply.status()).contentType(reply.contentType());
    if (reply.body().length > 0) {
      ctx.result(reply.body());
    }
  }

  /**
   * {@code POST /message/{session}}: queued once per recipient → 202. Path parameters arrive
   * decoded, headers as sent (null when absent).
   */
  Reply postMessage(String session, String messageIdHeader, byte[] body) throws Exception {
    String s = Ids.session(session);
    String mid = Ids.messageId(messageIdHeader);
    RelayMessage m = RelayMessageJson.readPosted(new String(body, StandardCharsets.UTF_8));
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
    return ACCEPTED;
  }

  private static final Reply ACCEPTED = Reply.empty(202);
  private static final Reply OK = Reply.empty(200);
  private static final Reply NOT_YOURS = Reply.text(403, "this queue belongs to another client");

  /** {@code GET /message/{session}/{party}}: the party's queue, as JSON. */
  Reply getMessages(String session, String party, String messageIdHeader, String token)
      throws Exception {
    String s = Ids.session(session);
    String p = Ids.party(party);
    requireSession(s);
    if (!mayRead(token, s, p)) {
      return NOT_YOURS;
    }
    RelayStore.EncodedQueue q = store.encodedQueue(StoreKeys.queue(s, p, Ids.messageId(messageIdHeader)));
    metrics.messagesDelivered.add(q.messages());
    return new Reply(200, JSON, q.json());
  }

  /** {@code DELETE /message/{session}/{party}/{hash}}: the message leaves the queue → 200. */
  Reply deleteMessage(String session, String party, String hash, String messageIdHeader,
      String token) throws Exception {
    String s = Ids.session(session);
    String p = Ids.party(party);
    String h = Ids.hash(hash);
    if (!mayRead(token, s, p)) {
      return NOT_YOURS;
    }
    store.dequeue(StoreKeys.queue(s, p, Ids.messageId(messageIdHeader)), h);
    return OK;
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

  /** False when the queue is bound to a token the request does not carry (a 403). */
  private boolean mayRead(String token, String session, String party) {
    Optional<String> bound = store.value(StoreKeys.queueToken(session, party));
    if (bound.isEmpty()) {
      return true;
    }
    return token != null && MessageDigest.isEqual(
        bound.get().getBytes(StandardCharsets.US_ASCII),
        tokenHash(token).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * The request body as text. With a Content-Length within the limit it is read once into an
   * array of that size (Javalin's {@code ctx.body()} copies it three times more); otherwise
   * Javalin reads it, and refuses one over the limit with 413.
   */
  private String body(Context ctx) throws java.io.IOException {
    return new String(bodyBytes(ctx), StandardCharsets.UTF_8);
  }

  private byte[] bodyBytes(Context ctx) throws java.io.IOException {
    long length = ctx.req().getContentLengthLong();
    if (length < 0 || length > maxBodyBytes) {
      return ctx.bodyAsBytes();
    }
    return ctx.req().getInputStream().readNBytes((int) length);
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
