package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link RelayStore} must do; each implementation's test extends this. */
abstract class RelayStoreContract {
  static final RelayLimits LIMITS = new RelayLimits(64 * 1024, 30, 10, Duration.ofMinutes(5));
  RelayStore store;
  String session;

  /** A fresh, empty store with {@code limits}. */
  abstract RelayStore newStore(RelayLimits limits) throws Exception;

  @BeforeEach
  void open() throws Exception {
    store = newStore(LIMITS);
    session = UUID.randomUUID().toString();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static RelayMessage msg(String hash) {
    return new RelayMessage("s", "a", List.of("b"), "body-" + hash, hash, 1);
  }

  @Test
  void membersAreAUnionInJoinOrder() throws Exception {
    String key = StoreKeys.members(session);
    assertEquals(Optional.empty(), store.members(key));
    store.addMembers(session, key, List.of("a", "b"));
    store.addMembers(session, key, List.of("b", "c", "a"));
    assertEquals(List.of("a", "b", "c"), store.members(key).orElseThrow());
    store.deleteSession(session, key);
    assertEquals(Optional.empty(), store.members(key));
  }

  @Test
  void enqueueInSessionNeedsMembersAndQueuesOncePerRecipient() throws Exception {
    String members = StoreKeys.members(session);
    List<String> queues = List.of(StoreKeys.queue(session, "b", ""), StoreKeys.queue(session, "c", ""),
        StoreKeys.queue(session, "b", ""));
    assertEquals(-1, store.enqueueInSession(session, members, queues, msg("h1")));
    assertEquals(List.of(), store.queue(queues.get(0)), "nothing queued without a session");
    store.addMembers(session, members, List.of("a", "b", "c"));
    assertEquals(2, store.enqueueInSession(session, members, queues, msg("h1")));
    assertEquals(0, store.enqueueInSession(session, members, queues, msg("h1")));
    assertEquals(1, store.enqueueInSession(session, members, queues.subList(0, 1), msg("h2")));
    assertEquals(List.of(msg("h1"), msg("h2")), store.queue(queues.get(0)));
    assertEquals(List.of(msg("h1")), store.queue(queues.get(1)));
  }

  @Test
  void enqueueInSessionStopsAtTheMessageQuota() throws Exception {
    String members = StoreKeys.members(session);
    store.addMembers(session, members, List.of("a", "b", "c"));
    String qb = StoreKeys.queue(session, "b", "");
    for (int i = 0; i < LIMITS.maxMessagesPerSession() - 1; i++) {
      assertTrue(store.enqueue(session, qb, msg("f" + i)));
    }
    List<String> both = List.of(StoreKeys.queue(session, "c", ""), qb);
    assertThrows(LimitExceededException.class,
        () -> store.enqueueInSession(session, members, both, msg("last")));
    assertEquals(List.of(msg("last")), store.queue(both.get(0)), "the queue before the limit keeps it");
  }

  @Test
  void queuesKeepOrderAndRefuseDuplicateHashes() throws Exception {
    String q = StoreKeys.queue(session, "b", "");
    assertTrue(store.enqueue(session, q, msg("h1")));
    assertTrue(store.enqueue(session, q, msg("h2")));
    assertFalse(store.enqueue(session, q, msg("h1")));
    assertEquals(List.of(msg("h1"), msg("h2")), store.queue(q));
    store.dequeue(q, "h1");
    store.dequeue(q, "missing");
    assertEquals(List.of(msg("h2")), store.queue(q));
    assertEquals(List.of(), store.queue(StoreKeys.queue(session, "c", "")));
  }

  @Test
  void valuesAndPutIfAbsent() throws Exception {
    String k = StoreKeys.setup(session, "");
    assertEquals(Optional.empty(), store.value(k));
    store.putValue(k, "one");
    store.putValue(k, "two");
    assertEquals(Optional.of("two"), store.value(k));
    String t = StoreKeys.queueToken(session, "a");
    assertEquals("first", store.putValueIfAbsent(t, "first"));
    assertEquals("first", store.putValueIfAbsent(t, "second"));
  }

  @Test
  void theMessageQuotaIsPerSession() throws Exception {
    String q = StoreKeys.queue(session, "b", "");
    for (int i = 0; i < LIMITS.maxMessagesPerSession(); i++) {
      store.enqueue(session, q, msg("h" + i));
    }
    assertThrows(LimitExceededException.class, () -> store.enqueue(session, q, msg("over")));
    String other = UUID.randomUUID().toString();
    assertTrue(store.enqueue(other, StoreKeys.queue(other, "b", ""), msg("h")));
  }

  @Test
  void theSessionQuotaRefusesNewSessionsOnly() throws Exception {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < LIMITS.maxSessions(); i++) {
      String s = UUID.randomUUID().toString();
      sessions.add(s);
      store.addMembers(s, StoreKeys.members(s), List.of("a"));
    }
    assertEquals(LIMITS.maxSessions(), store.sessionCount());
    String extra = UUID.randomUUID().toString();
    assertThrows(LimitExceededException.class,
        () -> store.addMembers(extra, StoreKeys.members(extra), List.of("a")));
    store.addMembers(sessions.get(0), StoreKeys.members(sessions.get(0)), List.of("b"));
  }

  @Test
  void concurrentWritersLoseNothing() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    String key = StoreKeys.members(session);
    String q = StoreKeys.queue(session, "b", "");
    try {
      List<Future<?>> fs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        int n = i;
        fs.add(pool.submit(() -> {
          store.addMembers(session, key, List.of("p" + n));
          return store.enqueue(session, q, msg("h" + (n % 12)));
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(24, store.members(key).orElseThrow().size());
    assertEquals(12, store.queue(q).size());
  }

  @Test
  void isHealthy() {
    assertTrue(store.healthy());
  }
}
