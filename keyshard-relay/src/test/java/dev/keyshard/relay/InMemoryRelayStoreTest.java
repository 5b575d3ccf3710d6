package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
