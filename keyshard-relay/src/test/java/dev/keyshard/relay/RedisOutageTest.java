package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** When Redis goes away the store says so promptly, and works again once Redis is back. */
class RedisOutageTest {
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
  /** Generous: the point is "bounded by the command timeout", not a benchmark. */
  static final Duration PROMPTLY = COMMAND_TIMEOUT.plusSeconds(3);
  static RedisServerProcess redis;

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

  @Test
  void aStoppedRedisIsUnhealthyAndFailsFastThenRecovers() throws Exception {
    String ns = RedisRelayStoreTest.freshNamespace();
    String session = UUID.randomUUID().toString();
    String key = StoreKeys.members(session);
    try (RedisRelayStore store = new RedisRelayStore(redis.uri(), RelayStoreContract.LIMITS, ns,
        COMMAND_TIMEOUT)) {
      store.addMembers(session, key, List.of("a"));
      redis.stop();

      long start = System.nanoTime();
      assertFalse(store.healthy());
      RelayStoreException e = assertThrows(RelayStoreException.class,
          () -> store.addMembers(session, key, List.of("b")));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(PROMPTLY) < 0,
          "not bounded by the command timeout");
      assertFalse(e.getMessage().contains(session), "the message names an id");

      redis.start();
      try (RedisRelayStore fresh = new RedisRelayStore(redis.uri(), RelayStoreContract.LIMITS, ns,
          COMMAND_TIMEOUT)) {
        assertTrue(fresh.healthy());
        fresh.addMembers(session, key, List.of("c"));
        assertEquals(List.of("c"), fresh.members(key).orElseThrow()); // no persistence
      }
      RedisRelayStoreTest.eventually(store::healthy); // the old store reconnects on its own
      assertEquals(List.of("c"), store.members(key).orElseThrow());
    }
  }

  @Test
  void noRedisFailsConstructionWithoutLeakingTheUri() {
    RelayStoreException e = assertThrows(RelayStoreException.class,
        () -> new RedisRelayStore("redis://:secret-password@127.0.0.1:1/0",
            RelayStoreContract.LIMITS, "ns:", COMMAND_TIMEOUT));
    assertFalse(e.getMessage().contains("secret-password"));
  }
}
