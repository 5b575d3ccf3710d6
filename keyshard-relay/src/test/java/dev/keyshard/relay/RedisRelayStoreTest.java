package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract against a real redis-server, plus what only Redis adds. */
class RedisRelayStoreTest extends RelayStoreContract {
  static RedisServerProcess server;
  static RedisClient rawClient;
  static StatefulRedisConnection<String, String> rawConnection;
  /** Direct access to Redis, to see what the store wrote. */
  static RedisCommands<String, String> raw;

  @BeforeAll
  static void startRedis() throws Exception {
    server = RedisServerProcess.startOrSkip();
    rawClient = RedisClient.create(server.uri());
    rawConnection = rawClient.connect();
    raw = rawConnection.sync();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (rawConnection != null) {
      rawConnection.close();
      rawClient.shutdown();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Each store gets a namespace of its own, so tests never see each other's keys or quota. */
  static String freshNamespace() {
    return "keyshard-test:" + UUID.randomUUID() + ":";
  }

  @Override
  RelayStore newStore(RelayLimits limits) {
    return new RedisRelayStore(server.uri(), limits, freshNamespace(), Duration.ofSeconds(2));
  }

  /** Keys live ttl after their last write; then every key of the namespace is gone. */
  @Test
  void keysExpireAfterTheirLastWrite() throws Exception {
    String ns = freshNamespace();
    RelayLimits shortLived = new RelayLimits(64 * 1024, 30, 10, Duration.ofSeconds(1));
    try (RedisRelayStore s = new RedisRelayStore(server.uri(), shortLived, ns,
        Duration.ofSeconds(2))) {
      String members = StoreKeys.members(session);
      String q = StoreKeys.queue(session, "b", "");
      s.addMembers(session, members, List.of("a"));
      s.enqueue(session, q, msg("h1"));
      s.putValue(StoreKeys.setup(session, ""), "x");
      s.putValueIfAbsent(StoreKeys.queueToken(session, "a"), "t");
      assertEquals(1, s.sessionCount());
      eventually(() -> s.members(members).isEmpty() && s.queue(q).isEmpty()
          && s.value(StoreKeys.setup(session, "")).isEmpty() && s.sessionCount() == 0
          && raw.keys(ns + "*").isEmpty());
    }
  }

  @Test
  void everyKeyLiesInTheNamespace() throws Exception {
    raw.flushdb();
    String ns = freshNamespace();
    try (RedisRelayStore s = new RedisRelayStore(server.uri(), LIMITS, ns, Duration.ofSeconds(2))) {
      s.addMembers(session, StoreKeys.members(session), List.of("a"));
      s.enqueue(session, StoreKeys.queue(session, "b", ""), msg("h1"));
      s.putValue(StoreKeys.payload("ab"), "p");
    }
    List<String> all = raw.keys("*");
    assertFalse(all.isEmpty());
    assertTrue(all.stream().allMatch(k -> k.startsWith(ns)), "a key outside the namespace");
    try (RedisRelayStore defaults = new RedisRelayStore(server.uri(), LIMITS);
        RedisRelayStore other = new RedisRelayStore(server.uri(), LIMITS, ns,
            Duration.ofSeconds(2))) {
      defaults.putValue("k", "v");
      assertEquals("v", raw.get(RedisRelayStore.DEFAULT_NAMESPACE + "k"));
      assertEquals(Optional.empty(), other.value("k"), "namespaces are apart");
    } finally {
      raw.del(RedisRelayStore.DEFAULT_NAMESPACE + "k");
    }
  }

  /** The stored JSON has every field in one fixed order, whatever the message. */
  @Test
  void messagesAreStoredAsJsonInAFixedFieldOrder() throws Exception {
    String ns = freshNamespace();
    String q = StoreKeys.queue(session, "b", "m1");
    try (RedisRelayStore s = new RedisRelayStore(server.uri(), LIMITS, ns, Duration.ofSeconds(2))) {
      s.enqueue(session, q, new RelayMessage("", "a", List.of("b", "c"), "", "h1", 7));
    }
    assertEquals("{\"session_id\":\"\",\"from\":\"a\",\"to\":[\"b\",\"c\"],\"body\":\"\","
        + "\"hash\":\"h1\",\"sequence_no\":7}", raw.hget(new RedisKeys(ns).queueMessages(q), "h1"));
    assertEquals(List.of("h1"), raw.lrange(ns + q, 0, -1));
  }

  /** Two stores on one Redis are two relay instances: one session, nothing lost. */
  @Test
  void twoInstancesShareSessionsAndLoseNothing() throws Exception {
    String ns = freshNamespace();
    String key = StoreKeys.members(session);
    String q = StoreKeys.queue(session, "b", "");
    try (RedisRelayStore one = new RedisRelayStore(server.uri(), LIMITS, ns, Duration.ofSeconds(2));
        RedisRelayStore two = new RedisRelayStore(server.uri(), LIMITS, ns, Duration.ofSeconds(2))) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Boolean>> fs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
          int n = i;
          RedisRelayStore s = n % 2 == 0 ? one : two;
          fs.add(pool.submit(() -> {
            s.addMembers(session, key, List.of("p" + n));
            return s.enqueue(session, q, msg("h" + (n % 12)));
          }));
        }
        int queued = 0;
        for (Future<Boolean> f : fs) {
          queued += f.get() ? 1 : 0;
        }
        assertEquals(12, queued);
      } finally {
        pool.shutdownNow();
      }
      assertEquals(24, two.members(key).orElseThrow().size());
      assertEquals(one.queue(q), two.queue(q));
      assertEquals(12, one.queue(q).size());
      assertEquals(1, two.sessionCount());
    }
  }

  /** Scripts survive SCRIPT FLUSH (as after a Redis restart): EVALSHA falls back to EVAL. */
  @Test
  void scriptsReloadAfterAFlush() throws Exception {
    store.addMembers(session, StoreKeys.members(session), List.of("a"));
    raw.scriptFlush();
    store.addMembers(session, StoreKeys.members(session), List.of("b"));
    assertEquals(List.of("a", "b"), store.members(StoreKeys.members(session)).orElseThrow());
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() - deadline < 0, "not within 10 s");
      Thread.sleep(100);
    }
  }
}
