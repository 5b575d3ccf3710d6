package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InMemoryRelayStoreTest extends RelayStoreContract {
  final AtomicLong now = new AtomicLong(1_000_000_000L);

  @Override
  RelayStore newStore(RelayLimits limits) {
    return new InMemoryRelayStore(limits, now::get, false);
  }

  /** Keys live {@code ttl} after their last write, as on Vultisig's relay; then they are gone. */
  @Test
  void keysExpireAfterTheirLastWrite() throws Exception {
    InMemoryRelayStore s = (InMemoryRelayStore) store;
    String key = StoreKeys.members(session);
    s.addMembers(session, key, List.of("a"));
    s.putValue("v", "x");
    now.addAndGet(Duration.ofMinutes(4).toNanos());
    s.addMembers(session, key, List.of("b")); // renews the member list only
    now.addAndGet(Duration.ofMinutes(2).toNanos());
    assertEquals(List.of("a", "b"), s.members(key).orElseThrow());
    assertEquals(Optional.empty(), s.value("v"));
    now.addAndGet(Duration.ofMinutes(4).toNanos());
    assertEquals(Optional.empty(), s.members(key));
    assertEquals(0, s.sessionCount());
    s.sweep();
  }

  /** An expired session frees its place under the session quota. */
  @Test
  void expiredSessionsFreeTheirQuota() throws Exception {
    for (int i = 0; i < LIMITS.maxSessions(); i++) {
      store.addMembers("s" + i, StoreKeys.members("s" + i), List.of("a"));
    }
    now.addAndGet(LIMITS.ttl().toNanos() + 1);
    store.addMembers("fresh", StoreKeys.members("fresh"), List.of("a"));
    assertEquals(1, store.sessionCount());
  }

  /**
   * Queued messages and values share one memory budget: over it, posts and values are refused
   * (429), and deletes, replaced values, deleted sessions and expiry give the room back, to the
   * byte — none of them leaks budget.
   */
  @Test
  void storedBytesStayWithinTheBudgetAndComeBack() throws Exception {
    RelayLimits tight = new RelayLimits(2048, 1000, 10, Duration.ofMinutes(5), 8192);
    InMemoryRelayStore s = new InMemoryRelayStore(tight, now::get, false);
    String members = StoreKeys.members("s");
    s.addMembers("s", members, List.of("a", "b"));
    String q = StoreKeys.queue("s", "b", "");
    int accepted = 0;
    LimitExceededException refused = null;
    for (int i = 0; i < 100 && refused == null; i++) {
      try {
        s.enqueue("s", q, message("h" + i));
        accepted++;
      } catch (LimitExceededException e) {
        refused = e;
      }
    }
    assertTrue(refused != null && refused.getMessage().contains("8192 bytes"), "refused when full");
    assertTrue(s.storedBytes() <= 8192 && s.storedBytes() > 8192 - 1100, "" + s.storedBytes());
    assertThrows(LimitExceededException.class, () -> s.putValue("payload", "p".repeat(2000)));
    // A delete makes room for one more; a duplicate post takes none.
    s.dequeue(q, "h0");
    s.enqueue("s", q, message("zz"));
    long full = s.storedBytes();
    assertEquals(false, s.enqueue("s", q, message("zz")));
    assertEquals(full, s.storedBytes());
    // Every delete returns exactly what its post took.
    for (int i = 1; i < accepted; i++) {
      s.dequeue(q, "h" + i);
    }
    s.dequeue(q, "zz");
    assertEquals(0, s.storedBytes());
    // A replaced value counts once; a kept value (put-if-absent) does not count twice.
    s.putValue("v", "x".repeat(3000));
    s.putValue("v", "y".repeat(1000));
    assertEquals("x", s.putValueIfAbsent("w", "x"));
    assertEquals("x", s.putValueIfAbsent("w", "z".repeat(500)));
    assertEquals(1001, s.storedBytes());
    // Deleting a session frees its member list; expiry frees the rest, swept or overwritten.
    s.deleteSession("s", members);
    now.addAndGet(tight.ttl().toNanos() + 1);
    s.putValue("v", "fresh");
    assertEquals(5 + 1, s.storedBytes());
    s.sweep();
    assertEquals(5, s.storedBytes());
    now.addAndGet(tight.ttl().toNanos() + 1);
    s.sweep();
    assertEquals(0, s.storedBytes());
  }

  private static RelayMessage message(String hash) {
    return new RelayMessage("s", "a", List.of("b"), "c".repeat(900), hash, 0);
  }
}
