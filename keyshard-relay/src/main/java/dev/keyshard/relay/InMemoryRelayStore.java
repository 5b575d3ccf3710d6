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
import java.util.function.LongSupplier;

/**
 * The default store: everything in this process, each key with a deadline renewed on write. Reads
 * ignore expired keys; a background sweep frees them. Each operation runs under its key's lock
 * ({@link ConcurrentHashMap#compute}), so concurrent joins and posts never lose an update.
 */
public final class InMemoryRelayStore implements RelayStore {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Map<String, SessionQuota> sessions = new ConcurrentHashMap<>();
  private final RelayLimits limits;
  private final LongSupplier nanos;
  private final ScheduledExecutorService sweeper;

  /** A list, a queue or a value, and when it expires. Guarded by the map's per-key lock. */
  private static final class Entry {
    final List<String> members = new ArrayList<>();
    /** Each message as its {@code GET /message} JSON: one compact array, encoded once. */
    final List<Queued> queue = new ArrayList<>();
    /** The hashes in {@link #queue}, so a duplicate is found without a scan. */
    final java.util.Set<String> hashes = new java.util.HashSet<>();
    String value;
    long expiresAt;
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
    entries.remove(key);
  }

  @Override
  public boolean enqueue(String session, String queueKey, RelayMessage message)
      throws LimitExceededException {
    boolean[] added = {false};
    Queued queued = new Queued(message.hash(), RelayMessageJson.writeQueueEntry(message));
    SessionQuota q = touchSession(session);
    synchronized (q) {
      if (q.messages >= limits.maxMessagesPerSession()) {
        throw new LimitExceededException("session holds its limit of "
            + limits.maxMessagesPerSession() + " messages");
      }
      entries.compute(queueKey, (k, e) -> {
        Entry live = fresh(e);
        if (live.hashes.add(message.hash())) {
          live.queue.add(queued);
          added[0] = true;
        }
        live.expiresAt = deadline();
        return live;
      });
      if (added[0]) {
        q.messages++;
      }
    }
    return added[0];
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
        e.queue.removeIf(m -> m.hash().equals(hash));
      }
      return e;
    });
  }

  @Override
  public void putValue(String key, String value) {
    entries.compute(key, (k, e) -> {
      Entry live = fresh(e);
      live.value = value;
      live.expiresAt = deadline();
      return live;
    });
  }

  @Override
  public String putValueIfAbsent(String key, String value) {
    String[] now = new String[1];
    entries.compute(key, (k, e) -> {
      Entry live = fresh(e);
      if (live.value == null) {
        live.value = value;
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
    entries.entrySet().removeIf(en -> en.getValue().expiresAt - now <= 0);
    sessions.entrySet().removeIf(en -> en.getValue().expiresAt - now <= 0);
  }

  @Override
  public void close() {
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    entries.clear();
    sessions.clear();
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

  private Entry fresh(Entry e) {
    return e == null || e.expiresAt - nanos.getAsLong() <= 0 ? new Entry() : e;
  }

  private long deadline() {
    return nanos.getAsLong() + limits.ttl().toNanos();
  }
}
