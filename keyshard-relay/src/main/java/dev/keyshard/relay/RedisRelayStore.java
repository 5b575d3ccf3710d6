package dev.keyshard.relay;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A store in Redis (5 or later), so that several relay instances behind a load balancer serve the
 * same sessions. Each instance holds one Lettuce connection, shared by its request threads.
 *
 * <h2>Key layout</h2>
 * Every key starts with the namespace (default {@value #DEFAULT_NAMESPACE}), so a shared Redis can
 * hold other data; the session quota counts the sessions of one namespace. Under it:
 * <ul>
 *   <li>a {@link StoreKeys} key as it is: a LIST of party ids for members, started and completed
 *       committees; a STRING for values; for a queue, a LIST of its message hashes, oldest first;
 *   <li>{@code queue-messages NUL <queue key>}: a HASH from message hash to the message's JSON
 *       ({@link RelayMessageJson#write});
 *   <li>{@code sessions}: a ZSET of session ids, each scored by the Redis time (ms) it expires;
 *   <li>{@code session-messages NUL <session>}: the count of messages the session has queued.
 * </ul>
 * Every write renews the TTL of the keys it writes to {@link RelayLimits#ttl()} (PEXPIRE), so a
 * key not written for that long disappears, as in {@link InMemoryRelayStore}.
 *
 * <h2>Why each operation is atomic</h2>
 * Redis runs one command, or one Lua script ({@link RedisScript}), at a time, and nothing else in
 * between, whichever instance sent it. Reads and plain writes are single commands (LRANGE, GET,
 * SET PX, DEL). Each compound operation is one script:
 * <ul>
 *   <li>add-members: the session quota (drop expired ZSET entries, ZCARD, ZADD), then the check
 *       of each id against the list and its RPUSH, so two joins at once both land, in order;
 *   <li>enqueue: the session quota, the message quota (GET of the counter), then HSETNX — the
 *       duplicate check and the write in one — with RPUSH of the hash and INCR of the counter;
 *   <li>queue and dequeue: the order list and the message hash read or changed together, so no
 *       reader sees one without the other;
 *   <li>put-if-absent: SET NX, PEXPIRE, GET;
 *   <li>session-count: ZCOUNT of entries not yet expired, by the same Redis clock.
 * </ul>
 * The scripts' keys are declared (KEYS), but keys of one operation may lie in different hash
 * slots: this store needs a single Redis (or a primary with replicas), not a cluster.
 *
 * <p>Redis failures surface as {@link RelayStoreException} within the command timeout; while
 * Redis is unreachable, commands are refused at once rather than queued.
 */
public final class RedisRelayStore implements RelayStore {
  public static final String DEFAULT_NAMESPACE = "keyshard:relay:";
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration HEALTH_TIMEOUT = Duration.ofMillis(500);

  private static final RedisScript ADD_MEMBERS = RedisScript.load("add-members.lua");
  private static final RedisScript ENQUEUE = RedisScript.load("enqueue.lua");
  private static final RedisScript ENQUEUE_ALL = RedisScript.load("enqueue-all.lua");
  private static final RedisScript QUEUE = RedisScript.load("queue.lua");
  private static final RedisScript DEQUEUE = RedisScript.load("dequeue.lua");
  private static final RedisScript PUT_IF_ABSENT = RedisScript.load("put-if-absent.lua");
  private static final RedisScript SESSION_COUNT = RedisScript.load("session-count.lua");

  private final RelayLimits limits;
  private final RedisKeys keys;
  private final String ttlMillis;
  private final ClientResources resources;
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private final RedisCommands<String, String> redis;

  /** A store at {@code redisUri} (e.g. {@code redis://127.0.0.1:6379/0}) in the default namespace. */
  public RedisRelayStore(String redisUri, RelayLimits limits) {
    this(redisUri, limits, DEFAULT_NAMESPACE, DEFAULT_COMMAND_TIMEOUT);
  }

  /**
   * @param namespace prefix of every key this store writes
   * @param commandTimeout how long one command may take (also the connect timeout); it overrides
   *     a {@code timeout} given in the URI
   * @throws RelayStoreException when Redis cannot be reached
   */
  public RedisRelayStore(String redisUri, RelayLimits limits, String namespace,
      Duration commandTimeout) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.keys = new RedisKeys(Objects.requireNonNull(namespace, "namespace"));
    this.ttlMillis = Long.toString(limits.ttl().toMillis());
    RedisURI uri = parse(redisUri);
    uri.setTimeout(commandTimeout);
    // Reconnect soon after Redis returns (Lettuce's default backoff grows to 30 s).
    this.resources = ClientResources.builder()
        .reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2,
            TimeUnit.MILLISECONDS))
        .build();
    this.client = RedisClient.create(resources, uri);
    client.setOptions(ClientOptions.builder()
        .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
        // Fail fast while disconnected instead of queueing requests until they time out.
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
    try {
      this.connection = client.connect();
    } catch (RedisException e) {
      shutdown();
      throw new RelayStoreException("cannot connect to Redis", e);
    }
    this.redis = connection.sync();
  }

  @Override
  public void addMembers(String session, String key, List<String> ids)
      throws LimitExceededException {
    List<String> args = new ArrayList<>(List.of(session, ttlMillis,
        Integer.toString(limits.maxSessions())));
    args.addAll(ids);
    long r = call("add members", () -> ADD_MEMBERS.<Long>run(redis, ScriptOutputType.INTEGER,
        new String[] {keys.sessions(), keys.sessionMessages(session), keys.data(key)},
        args.toArray(String[]::new)));
    if (r == -1) {
      throw sessionLimit();
    }
  }

  @Override
  public Optional<List<String>> members(String key) {
    List<String> ids = call("read members", () -> redis.lrange(keys.data(key), 0, -1));
    return ids.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(ids));
  }

  @Override
  public boolean hasMembers(String key) {
    return call("read members", () -> redis.exists(keys.data(key))) > 0;
  }

  @Override
  public void deleteSession(String session, String key) {
    call("delete session", () -> redis.del(keys.data(key)));
  }

  @Override
  public boolean enqueue(String session, String queueKey, RelayMessage message)
      throws LimitExceededException {
    long r = call("enqueue", () -> ENQUEUE.<Long>run(redis, ScriptOutputType.INTEGER,
        new String[] {keys.sessions(), keys.sessionMessages(session), keys.data(queueKey),
            keys.queueMessages(queueKey)},
        session, ttlMillis, Integer.toString(limits.maxSessions()),
        Integer.toString(limits.maxMessagesPerSession()), message.hash(),
        RelayMessageJson.write(message)));
    if (r == -1) {
      throw sessionLimit();
    }
    if (r == -2) {
      throw new LimitExceededException("session holds its limit of "
          + limits.maxMessagesPerSession() + " messages");
    }
    return r == 1;
  }

  /** One script for the session check and every recipient: one round trip per post. */
  @Override
  public int enqueueInSession(String session, String membersKey, List<String> queueKeys,
      RelayMessage message) throws LimitExceededException {
    List<String> k = new ArrayList<>(3 + 2 * queueKeys.size());
    k.add(keys.sessions());
    k.add(keys.sessionMessages(session));
    k.add(keys.data(membersKey));
    for (String q : queueKeys) {
      k.add(keys.data(q));
      k.add(keys.queueMessages(q));
    }
    String json = RelayMessageJson.write(message);
    long r = call("enqueue", () -> ENQUEUE_ALL.<Long>run(redis, ScriptOutputType.INTEGER,
        k.toArray(String[]::new), session, ttlMillis, Integer.toString(limits.maxSessions()),
        Integer.toString(limits.maxMessagesPerSession()), message.hash(), json));
    if (r == -1) {
      throw sessionLimit();
    }
    if (r == -2) {
      throw new LimitExceededException("session holds its limit of "
          + limits.maxMessagesPerSession() + " messages");
    }
    return r == -3 ? -1 : (int) r;
  }

  @Override
  public List<RelayMessage> queue(String queueKey) {
    List<String> json = call("read queue", () -> QUEUE.<List<String>>run(redis,
        ScriptOutputType.MULTI, new String[] {keys.data(queueKey), keys.queueMessages(queueKey)}));
    List<RelayMessage> out = new ArrayList<>(json.size());
    for (String j : json) {
      out.add(stored(j));
    }
    return out;
  }

  @Override
  public void dequeue(String queueKey, String hash) {
    call("dequeue", () -> DEQUEUE.<Long>run(redis, ScriptOutputType.INTEGER,
        new String[] {keys.data(queueKey), keys.queueMessages(queueKey)}, hash));
  }

  @Override
  public void putValue(String key, String value) {
    call("put value", () -> redis.set(keys.data(key), value,
        SetArgs.Builder.px(limits.ttl().toMillis())));
  }

  @Override
  public String putValueIfAbsent(String key, String value) {
    return call("put value if absent", () -> PUT_IF_ABSENT.<String>run(redis,
        ScriptOutputType.VALUE, new String[] {keys.data(key)}, value, ttlMillis));
  }

  @Override
  public Optional<String> value(String key) {
    return Optional.ofNullable(call("read value", () -> redis.get(keys.data(key))));
  }

  @Override
  public int sessionCount() {
    long n = call("count sessions", () -> SESSION_COUNT.<Long>run(redis,
        ScriptOutputType.INTEGER, new String[] {keys.sessions()}));
    return (int) n;
  }

  /** PING, waiting at most half a second; false on any failure. */
  @Override
  public boolean healthy() {
    try {
      return "PONG".equals(connection.async().ping()
          .get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } finally {
      shutdown();
    }
  }

  private void shutdown() {
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }

  /** Runs one Redis step; Lettuce's failures become a message that names only the operation. */
  private static RelayMessage stored(String json) {
    try {
      return RelayMessageJson.readStored(json);
    } catch (MalformedRelayJsonException e) {
      throw new RelayStoreException("a stored relay message is not valid", null);
    }
  }

  private static <T> T call(String operation, Supplier<T> step) {
    try {
      return step.get();
    } catch (RedisException e) {
      throw new RelayStoreException("Redis could not " + operation + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private LimitExceededException sessionLimit() {
    return new LimitExceededException("the relay holds its limit of " + limits.maxSessions()
        + " sessions");
  }

  private static RedisURI parse(String redisUri) {
    try {
      return RedisURI.create(Objects.requireNonNull(redisUri, "redisUri"));
    } catch (IllegalArgumentException e) {
      // No cause: its message may quote the URI, password included.
      throw new IllegalArgumentException("not a valid Redis URI");
    }
  }
}
