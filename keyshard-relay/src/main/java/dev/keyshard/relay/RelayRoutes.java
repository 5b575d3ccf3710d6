package dev.keyshard.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vultisig-relay API (DESIGN.md, "Relay API"), route for route: same paths, methods, status
 * codes, JSON field names and {@code message_id} header. Keyshard adds checks Vultisig's relay
 * lacks — strict ids and JSON (400), messages only into joined sessions (404), quotas (429) —
 * and an optional {@code keyshard-queue-token} header: a party that joins with one binds its
 * queue, and only that token reads or empties it (403). Vultisig's clients send no token, and
 * their queues behave as on Vultisig's relay.
 *
 * <p>It knows no HTTP server: {@link Endpoint#match} picks the endpoint for a method and the
 * decoded path segments ({@link RelayPaths}), {@link #answer} gives its {@link Reply}.
 */
final class RelayRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(RelayRoutes.class);
  static final String MESSAGE_ID = "message_id";
  static final String QUEUE_TOKEN = "keyshard-queue-token";
  static final String PING_TEXT = "Voltix Router is running";
  static final String TEXT = "text/plain";
  static final String TEXT_UTF8 = "text/plain;charset=utf-8";
  static final String JSON = "application/json";
  static final String PROMETHEUS = "text/plain; version=0.0.4";
  private static final byte[] NONE = new byte[0];

  /** Every route of the API, with the template its metrics are counted under. */
  enum Endpoint {
    PING("GET", "/ping"),
    HEALTH("GET", "/health"),
    METRICS("GET", "/metrics"),
    POST_MESSAGE("POST", "/message/{session}"),
    GET_MESSAGES("GET", "/message/{session}/{party}"),
    DELETE_MESSAGE("DELETE", "/message/{session}/{party}/{hash}"),
    POST_START("POST", "/start/{session}"),
    GET_START("GET", "/start/{session}"),
    POST_KEYSIGN("POST", "/complete/{session}/keysign"),
    GET_KEYSIGN("GET", "/complete/{session}/keysign"),
    POST_COMPLETE("POST", "/complete/{session}"),
    GET_COMPLETE("GET", "/complete/{session}"),
    POST_SETUP("POST", "/setup-message/{session}"),
    GET_SETUP("GET", "/setup-message/{session}"),
    POST_PAYLOAD("POST", "/payload/{hash}"),
    GET_PAYLOAD("GET", "/payload/{hash}"),
    JOIN("POST", "/{session}"),
    MEMBERS("GET", "/{session}"),
    DELETE_SESSION("DELETE", "/{session}");

    final String method;
    final String template;

    Endpoint(String method, String template) {
      this.method = method;
      this.template = template;
    }

    /**
     * The endpoint for a method and decoded path, or null (a 404). Fixed paths ({@code /ping},
     * {@code /health}, {@code /metrics}) come before the one-segment session routes, as on
     * vultisig-relay; {@code POST /ping} is a join of session "ping", as it is there. HEAD is
     * answered as GET without the body.
     */
    static Endpoint match(String method, String[] p) {
      String m = "HEAD".equals(method) ? "GET" : method;
      boolean get = "GET".equals(m);
      boolean post = "POST".equals(m);
      switch (p.length) {
        case 1:
          if (get && "ping".equals(p[0])) {
            return PING;
          } else if (get && "health".equals(p[0])) {
            return HEALTH;
          } else if (get && "metrics".equals(p[0])) {
            return METRICS;
          }
          return post ? JOIN : get ? MEMBERS : "DELETE".equals(m) ? DELETE_SESSION : null;
        case 2:
          switch (p[0]) {
            case "message":
              return post ? POST_MESSAGE : null;
            case "start":
              return post ? POST_START : get ? GET_START : null;
            case "complete":
              return post ? POST_COMPLETE : get ? GET_COMPLETE : null;
            case "setup-message":
              return post ? POST_SETUP : get ? GET_SETUP : null;
            case "payload":
              return post ? POST_PAYLOAD : get ? GET_PAYLOAD : null;
            default:
              return null;
          }
        case 3:
          if ("complete".equals(p[0]) && "keysign".equals(p[2])) {
            return post ? POST_KEYSIGN : get ? GET_KEYSIGN : null;
          }
          return "message".equals(p[0]) && get ? GET_MESSAGES : null;
        case 4:
          return "message".equals(p[0]) && "DELETE".equals(m) ? DELETE_MESSAGE : null;
        default:
          return null;
      }
    }
  }

  private final RelayStore store;
  private final RelayMetrics metrics;
  private final String storeName;

  RelayRoutes(RelayStore store, RelayMetrics metrics, String storeName) {
    this.store = store;
    this.metrics = metrics;
    this.storeName = storeName;
  }

  /**
   * What a route answers, whichever HTTP layer carries it: status, content type
   * ({@code text/plain} unless the route says otherwise) and body.
   */
  record Reply(int status, String contentType, byte[] body) {
    static Reply empty(int status) {
      return new Reply(status, TEXT, NONE);
    }

    static Reply text(int status, String text) {
      return new Reply(status, TEXT, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final Reply ACCEPTED = Reply.empty(202);
  private static final Reply CREATED = Reply.empty(201);
  private static final Reply OK = Reply.empty(200);
  private static final Reply NOT_FOUND = Reply.empty(404);
  private static final Reply NOT_YOURS = Reply.text(403, "this queue belongs to another client");
  private static final Reply PING = Reply.text(200, PING_TEXT);
  static final Reply TOO_LARGE = Reply.text(413, "Content Too Large");

  /** The answer to a path no endpoint matches (the words Javalin, the relay's first server, used). */
  static Reply notFound(String method, String rawPath) {
    return Reply.text(404, "Endpoint " + method + " " + rawPath + " not found");
  }

  /**
   * The endpoint's answer. Path segments arrive decoded, headers as sent (the lookup gives null
   * when absent). The relay's own refusals (400, 403, 404, 429) are replies; anything else that
   * fails is a 500 whose log line names only the exception's class.
   */
  Reply answer(Endpoint e, String[] p, UnaryOperator<String> header, byte[] body) {
    try {
      return switch (e) {
        case PING -> PING;
        case HEALTH -> health();
        case METRICS -> new Reply(200, PROMETHEUS,
            metrics.render(store.sessionCount()).getBytes(StandardCharsets.UTF_8));
        case POST_MESSAGE -> postMessage(p[1], header.apply(MESSAGE_ID), body);
        case GET_MESSAGES -> getMessages(p[1], p[2], header.apply(MESSAGE_ID),
            header.apply(QUEUE_TOKEN));
        case DELETE_MESSAGE -> deleteMessage(p[1], p[2], p[3], header.apply(MESSAGE_ID),
            header.apply(QUEUE_TOKEN));
        case POST_START -> setList(Ids.session(p[1]), StoreKeys::started, body);
        case GET_START -> getList(StoreKeys.started(Ids.session(p[1])));
        case POST_COMPLETE -> setList(Ids.session(p[1]), StoreKeys::completed, body);
        case GET_COMPLETE -> getList(StoreKeys.completed(Ids.session(p[1])));
        case POST_KEYSIGN -> putValue(StoreKeys.keysignResult(Ids.session(p[1]),
            Ids.messageId(header.apply(MESSAGE_ID))), body, OK);
        case GET_KEYSIGN -> getValue(StoreKeys.keysignResult(Ids.session(p[1]),
            Ids.messageId(header.apply(MESSAGE_ID))));
        case POST_SETUP -> putValue(StoreKeys.setup(Ids.session(p[1]),
            Ids.messageId(header.apply(MESSAGE_ID))), body, CREATED);
        case GET_SETUP -> getValue(StoreKeys.setup(Ids.session(p[1]),
            Ids.messageId(header.apply(MESSAGE_ID))));
        case POST_PAYLOAD -> postPayload(payloadHash(p[1]), body);
        case GET_PAYLOAD -> getValue(StoreKeys.payload(payloadHash(p[1])));
        case JOIN -> join(Ids.session(p[0]), header.apply(QUEUE_TOKEN), body);
        case MEMBERS -> getList(StoreKeys.members(Ids.session(p[0])));
        case DELETE_SESSION -> deleteSession(Ids.session(p[0]));
      };
    } catch (BadRequestException | MalformedRelayJsonException x) {
      return Reply.text(400, x.getMessage());
    } catch (LimitExceededException x) {
      return Reply.text(429, x.getMessage());
    } catch (UnknownSessionException x) {
      return Reply.text(404, x.getMessage());
    } catch (RuntimeException x) {
      LOG.error("relay request failed: {}", x.getClass().getSimpleName());
      return Reply.empty(500);
    }
  }

  private Reply health() {
    boolean ok = store.healthy();
    String json = "{\"status\":\"" + (ok ? "ok" : "store unavailable") + "\",\"store\":\""
        + storeName + "\",\"sessions\":" + (ok ? store.sessionCount() : 0) + "}";
    return new Reply(ok ? 200 : 503, JSON, json.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code POST /{session}}: join — the ids not yet members are appended. */
  private Reply join(String s, String token, byte[] body)
      throws MalformedRelayJsonException, LimitExceededException {
    List<String> ids = RelayMessageJson.readIds(text(body));
    store.addMembers(s, StoreKeys.members(s), ids);
    if (token != null && !token.isBlank()) {
      String bound = tokenHash(token);
      for (String party : ids) {
        if (!store.putValueIfAbsent(StoreKeys.queueToken(s, party), bound).equals(bound)) {
          return Reply.text(403, "party '" + party + "' is already bound to another token");
        }
      }
    }
    return CREATED;
  }

  /** {@code POST /start|complete/{session}}: the session's list of that name grows (union). */
  private Reply setList(String session, UnaryOperator<String> listKey, byte[] body)
      throws MalformedRelayJsonException, LimitExceededException {
    store.addMembers(session, listKey.apply(session), RelayMessageJson.readIds(text(body)));
    return OK;
  }

  private Reply getList(String key) {
    Optional<List<String>> ids = store.members(key);
    if (ids.isEmpty()) {
      return NOT_FOUND;
    }
    return new Reply(200, JSON,
        RelayMessageJson.writeIds(ids.get()).getBytes(StandardCharsets.UTF_8));
  }

  private Reply putValue(String key, byte[] body, Reply done) throws LimitExceededException {
    store.putValue(key, text(body));
    return done;
  }

  private Reply getValue(String key) {
    Optional<String> v = store.value(key);
    if (v.isEmpty()) {
      return NOT_FOUND;
    }
    return new Reply(200, TEXT_UTF8, v.get().getBytes(StandardCharsets.UTF_8));
  }

  private Reply deleteSession(String s) {
    store.deleteSession(s, StoreKeys.members(s));
    return OK;
  }

  /** {@code POST /message/{session}}: queued once per recipient → 202. */
  private Reply postMessage(String session, String messageIdHeader, byte[] body)
      throws BadRequestException, MalformedRelayJsonException, LimitExceededException,
      UnknownSessionException {
    String s = Ids.session(session);
    String mid = Ids.messageId(messageIdHeader);
    RelayMessage m = RelayMessageJson.readPosted(text(body));
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

  /** {@code GET /message/{session}/{party}}: the party's queue, as JSON. */
  private Reply getMessages(String session, String party, String messageIdHeader, String token)
      throws BadRequestException, UnknownSessionException {
    String s = Ids.session(session);
    String p = Ids.party(party);
    if (!store.hasMembers(StoreKeys.members(s))) {
      throw new UnknownSessionException();
    }
    if (!mayRead(token, s, p)) {
      return NOT_YOURS;
    }
    RelayStore.EncodedQueue q =
        store.encodedQueue(StoreKeys.queue(s, p, Ids.messageId(messageIdHeader)));
    metrics.messagesDelivered.add(q.messages());
    return new Reply(200, JSON, q.json());
  }

  /** {@code DELETE /message/{session}/{party}/{hash}}: the message leaves the queue → 200. */
  private Reply deleteMessage(String session, String party, String hash, String messageIdHeader,
      String token) throws BadRequestException {
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
  private Reply postPayload(String hash, byte[] body)
      throws BadRequestException, LimitExceededException {
    if (!HexFormat.of().formatHex(sha256(body)).equals(hash)) {
      throw new BadRequestException("the payload does not hash to its name");
    }
    store.putValue(StoreKeys.payload(hash), text(body));
    return OK;
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

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static String payloadHash(String segment) throws BadRequestException {
    String h = segment.strip().toLowerCase(java.util.Locale.ROOT);
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
