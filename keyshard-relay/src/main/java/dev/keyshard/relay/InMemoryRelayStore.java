package dev.keyshard.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The default store: everything in this process, each key with a deadline renewed on write. Reads
 * ignore expired keys; a background sweep frees them. Each operation runs under its key's lock
 * ({@link ConcurrentHashMap#compute}), so concurrent joins and posts never lose an update.
 *
 * <p>Queued messages and stored values count against one budget ({@link
 * RelayLimits#maxStoredBytes}): a post or value that would exceed it is refused (429) until
 * deletes or expiry free room, so no client can exhaust the relay's memory.
 */
public final class InMemoryRelayStore implements RelayStore {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, SessionQuota> sessions = new ConcurrentHashMap<>();
  private final RelayLimits limits;
  private final LongSupplier nanos;
  private final ScheduledExecutorService sweeper;
  /** Bytes held by the entries in {@link #entries} (the sum of their {@link Entry#bytes}). */
  private final AtomicLong stored = new AtomicLong();

  /** A list, a queue or a value, and when it expires. Guarded by the map's per-key lock. */
  private static final class Entry {
    final List<String> members = new ArrayList<>();
    /** Each message as its {@code GET /message} JSON: one compact array, encoded once. */
    final List<Queued> queue = new ArrayList<>();
    /** The hashes in {@link #queue}, so a duplicate is found without a scan. */
    final java.util.Set<String> hashes = new java.util.HashSet<>();
    String value;
    long expiresAt;
    /** What this entry counts against the budget: its queued JSON and its value. */
    long bytes;
  }

  /** A queued message: its hash, and its entry of the queue's JSON answer. */
  private record Queued(String hash, byte[] json) {}

  private static final class SessionQuota {
    int messages;
    long expiresAt;
  }

  public InMemoryRelayStore(RelayLimits limits) {
    this(limits, System::nanoTime, true);
  }

  /** For tests: a clock to move by hand, and no background sweep. */
  InMemoryRelayStore(RelayLimits limits, LongSupplier nanos, boolean sweep) {
    this.limits = limits;
    this.nanos = nanos;
    if (sweep) {
      sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "relay-store-sweep");
        t.setDaemon(true);
        return t;
      });
      long every = Math.max(1, limits.ttl().toMillis() / 10);
      sweeper.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.MILLISECONDS);
    } else {
      sweeper = null;
    }
  }

  @Override
  public void addMembers(String session, String key, List<String> ids) throws LimitExceededException {
    touchSession(session);
    entries.compute(key, (k, e) -> {
      Entry live = fresh(e);
      for (String id : ids) {
        if (!live.members.contains(id)) {
          live.members.add(id);
        }
      }
      live.expiresAt = deadline();
      return live;
    });
  }

  @Override
  public Optional<List<String>> members(String key) {
    return Optional.ofNullable(read(key, e -> e.members.isEmpty() ? null : List.copyOf(e.members)));
  }

  @Override
  public boolean hasMembers(String key) {
    return Boolean.TRUE.equals(read(key, e -> e.members.isEmpty() ? null : Boolean.TRUE));
  }

  @Override
  public void deleteSession(String session, String key) {
    entries.computeIfPresent(key, (k, e) -> release(e));
  }

  @Override
  public boolean enqueue(String session, String queueKey, RelayMessage message)
      throws LimitExceededException {
    Queued queued = new Queued(message.hash(), RelayMessageJson.writeQueueEntry(message));
    SessionQuota q = touchSession(session);
    long size = queued.json().length;
    try {
      reserve(size);
    } catch (LimitExceededException full) {
      // A re-post of a queued message takes no room: it is a success even when the relay is full.
      if (Boolean.TRUE.equals(read(queueKey, e -> e.hashes.contains(message.hash())))) {
        return false;
      }
      throw full;
    }
    boolean added = false;
    try {
      synchronized (q) {
        if (q.messages >= limits.maxMessagesPerSession()) {
          throw new LimitExceededException("session holds its limit of "
              + limits.maxMessagesPerSession() + " messages");
        }
        boolean[] isNew = {false};
        entries.compute(queueKey, (k, e) -> {
          Entry live = fresh(e);
          if (live.hashes.add(message.hash())) {
            live.queue.add(queued);
            live.bytes += size;
            isNew[0] = true;
          }
          live.expiresAt = deadline();
          return live;
        });
        added = isNew[0];
        if (added) {
          q.messages++;
        }
      }
    } finally {
      if (!added) {
        stored.addAndGet(-size);
      }
    }
    return added;
  }

  @Override
  public List<RelayMessage> queue(String queueKey) {
    try {
      return RelayMessageJson.readQueue(new String(encodedQueue(queueKey).json(),
          StandardCharsets.UTF_8));
    } catch (MalformedRelayJsonException e) {
      throw new IllegalStateException("the store encoded a message it cannot read", e);
    }
  }

  @Override
  public EncodedQueue encodedQueue(String queueKey) {
    EncodedQueue q = read(queueKey, e -> {
      List<byte[]> entries = new ArrayList<>(e.queue.size());
      for (Queued m : e.queue) {
        entries.add(m.json());
      }
      return new EncodedQueue(entries.size(), RelayMessageJson.joinQueue(entries));
    });
    return q == null ? new EncodedQueue(0, RelayMessageJson.joinQueue(List.of())) : q;
  }

  @Override
  public void dequeue(String queueKey, String hash) {
    entries.computeIfPresent(queueKey, (k, e) -> {
      if (e.hashes.remove(hash)) {
        for (java.util.Iterator<Queued> it = e.queue.iterator(); it.hasNext(); ) {
          Queued m = it.next();
          if (m.hash().equals(hash)) {
            it.remove();
            free(e, m.json().length);
            break;
          }
        }
      }
      return e;
    });
  }

  @Override
  public void putValue(String key, String value) throws LimitExceededException {
    long size = value.length();
    reserve(size);
    entries.compute(key, (k, e) -> {
      Entry live = fresh(e);
      if (live.value != null) {
        free(live, live.value.length());
      }
      live.value = value;
      live.bytes += size;
      live.expiresAt = deadline();
      return live;
    });
  }

  @Override
  public String putValueIfAbsent(String key, String value) throws LimitExceededException {
    long size = value.length();
    reserve(size);
    String[] now = new String[1];
    entries.compute(key, (k, e) -> {
      Entry live = fresh(e);
      if (live.value == null) {
        live.value = value;
        live.bytes += size;
      } else {
        stored.addAndGet(-size);
      }
      live.expiresAt = deadline();
      now[0] = live.value;
      return live;
    });
    return now[0];
  }

  @Override
  public Optional<String> value(String key) {
    return Optional.ofNullable(read(key, e -> e.value));
  }

  @Override
  public int sessionCount() {
    long now = nanos.getAsLong();
    return (int) sessions.values().stream().filter(q -> q.expiresAt - now > 0).count();
  }

  @Override
  public boolean healthy() {
    return true;
  }

  /** Never: every operation is a short update of a map in this JVM. */
  @Override
  public boolean waitsOnNetwork() {
    return false;
  }

  /** Frees expired keys and sessions. */
  void sweep() {
    long now = nanos.getAsLong();
    for (String key : entries.keySet()) {
      entries.computeIfPresent(key, (k, e) -> e.expiresAt - now <= 0 ? release(e) : e);
    }
    sessions.entrySet().removeIf(en -> en.getValue().expiresAt - now <= 0);
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    entries.clear();
    sessions.clear();
    stored.set(0);
  }

  /** The session's quota record, renewed; a new one only within the session limit. */
  private SessionQuota touchSession(String session) throws LimitExceededException {
    long now = nanos.getAsLong();
    SessionQuota existing = sessions.get(session);
    if (existing == null || existing.expiresAt - now <= 0) {
      if (sessionCount() >= limits.maxSessions()) {
        sweep();
        if (sessionCount() >= limits.maxSessions()) {
          throw new LimitExceededException("the relay holds its limit of " + limits.maxSessions()
              + " sessions");
        }
      }
    }
    SessionQuota q = sessions.compute(session, (k, old) -> {
      SessionQuota live = old == null || old.expiresAt - now <= 0 ? new SessionQuota() : old;
      live.expiresAt = now + limits.ttl().toNanos();
      return live;
    });
    return q;
  }

  /** Reads a live entry under its key's lock (the same lock every write takes). */
  private <T> T read(String key, java.util.function.Function<Entry, T> f) {
    Object[] out = new Object[1];
    entries.computeIfPresent(key, (k, e) -> {
      if (e.expiresAt - nanos.getAsLong() > 0) {
        out[0] = f.apply(e);
      }
      return e;
    });
    @SuppressWarnings("unchecked")
    T t = (T) out[0];
    return t;
  }

  /** A live entry: e, or a new one in place of an expired e (whose bytes are released). */
  private Entry fresh(Entry e) {
    if (e == null) {
      return new Entry();
    }
    if (e.expiresAt - nanos.getAsLong() <= 0) {
      release(e);
      return new Entry();
    }
    return e;
  }

  /** Frees what e counted against the budget; null, to drop it from the map. */
  private Entry release(Entry e) {
    free(e, e.bytes);
    return null;
  }

  /** Gives back n of the bytes e counts against the budget (under e's lock). */
  private void free(Entry e, long n) {
    e.bytes -= n;
    stored.addAndGet(-n);
  }

  /**
   * Takes size bytes of the budget, or refuses. Expired entries are swept first when the budget
   * looks full, as the session limit does.
   */
  private void reserve(long size) throws LimitExceededException {
    if (stored.addAndGet(size) <= limits.maxStoredBytes()) {
      return;
    }
    stored.addAndGet(-size);
    sweep();
    if (stored.addAndGet(size) > limits.maxStoredBytes()) {
      stored.addAndGet(-size);
      long max = limits.maxStoredBytes();
      throw new LimitExceededException("the relay holds its limit of "
          + (max >= 1L << 20 ? (max >> 20) + " MiB" : max + " bytes")
          + " of messages and values; try again later");
    }
  }

  /** Bytes counted against the budget now (for tests). */
  long storedBytes() {
    return stored.get();
  }

  private long deadline() {
    return nanos.getAsLong() + limits.ttl().toNanos();
  }
}
