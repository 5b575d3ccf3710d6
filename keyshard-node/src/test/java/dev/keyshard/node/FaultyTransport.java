package dev.keyshard.node;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Transport} between one member and the relay that misbehaves as networks and relays do:
 * duplicates and reorders deliveries, holds them back, fails calls, loses a post, or goes down.
 * Every knob is off until a test turns it on.
 */
class FaultyTransport implements Transport {
  private final Transport inner;
  private final Random random = new Random(7);
  /** Each poll returns every delivery twice, and the previous batch again. */
  volatile boolean duplicate;
  /** Each poll's batch is shuffled. */
  volatile boolean reorder;
  /** A delivery is handed over only this long after the relay first showed it. */
  volatile long delayMs;
  /**
   * About one call in n (post, poll, ack) throws, drawn from a seeded generator; 0 = never. Random
   * rather than periodic: a fixed period can lock onto a retry loop's own rhythm, which no real
   * network does.
   */
  volatile int failEvery;
  private final java.util.Random faults = new java.util.Random(20261202);
  /** Until this System.nanoTime() every call throws; forever when {@link #downForever}. */
  volatile long downUntilNanos; // 0: not down
  volatile boolean downForever;
  /** Called on every outgoing body; may rewrite it (an insider) or return null to drop it. */
  volatile Rewrite rewrite = (phase, to, body, index) -> body;

  @FunctionalInterface
  interface Rewrite {
    /** @param index this member's post count in {@code phase} so far (first post = 0; re-posts count) */
    String apply(String phase, List<String> to, String body, int index);
  }

  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();
  private final Map<String, Integer> firstHeardAtPoll = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> postsByPhase = new ConcurrentHashMap<>();
  private final Map<String, Long> firstSeen = new HashMap<>();
  private final Map<String, List<Delivery>> previous = new HashMap<>();
  /** Bodies posted so far, by phase, with distinct hashes (the original posts, not re-posts). */
  final Map<String, List<String>> posted = new ConcurrentHashMap<>();
  final AtomicInteger dropped = new AtomicInteger();
  final AtomicInteger failed = new AtomicInteger();

  FaultyTransport(Transport inner) {
    this.inner = inner;
  }

  /** Down for {@code ms} from now, then back. */
  void downFor(long ms) {
    downUntilNanos = System.nanoTime() + ms * 1_000_000;
  }

  private void maybeFail(String what) throws SessionException {
    long until = downUntilNanos;
    if (downForever || (until != 0 && System.nanoTime() - until < 0)) {
      failed.incrementAndGet();
      throw new SessionException("relay unreachable (" + what + ", injected: down)", List.of());
    }
    int n = failEvery;
    calls.incrementAndGet();
    boolean fail;
    synchronized (faults) {
      fail = n > 0 && faults.nextInt(n) == 0;
    }
    if (fail) {
      failed.incrementAndGet();
      throw new SessionException("relay unreachable (" + what + ", injected)", List.of());
    }
  }

  @Override
  public void post(String phase, List<String> to, String body, String hash) throws SessionException {
    maybeFail("post");
    int index = postsByPhase.computeIfAbsent(phase, p -> new AtomicInteger()).getAndIncrement();
    List<String> bodies = posted.computeIfAbsent(phase, p -> Collections.synchronizedList(new ArrayList<>()));
    if (!bodies.contains(body)) {
      bodies.add(body);
    }
    String out = rewrite.apply(phase, to, body, index);
    if (out == null) {
      dropped.incrementAndGet();
      return;
    }
    inner.post(phase, to, out, out.equals(body) ? hash : SessionHarness.name(out));
  }

  @Override
  public List<Delivery> poll(String phase) throws SessionException {
    maybeFail("poll");
    List<Delivery> batch = new ArrayList<>(inner.poll(phase));
    long now = System.nanoTime();
    if (delayMs > 0) {
      List<Delivery> ready = new ArrayList<>();
      for (Delivery d : batch) {
        long seen = firstSeen.computeIfAbsent(phase + "\n" + d.hash(), k -> now);
        if ((now - seen) / 1_000_000 >= delayMs) {
          ready.add(d);
        }
      }
      batch = ready;
    }
    if (duplicate) {
      List<Delivery> twice = new ArrayList<>(previous.getOrDefault(phase, List.of()));
      for (Delivery d : batch) {
        twice.add(d);
        twice.add(d);
      }
      previous.put(phase, List.copyOf(batch));
      batch = twice;
    }
    if (reorder) {
      Collections.shuffle(batch, random);
    }
    int n = polls.incrementAndGet();
    for (Delivery d : batch) {
      firstHeardAtPoll.putIfAbsent(d.from(), n);
    }
    return batch;
  }

  /**
   * True once a poll returned something from {@code member} and a later poll followed: the session
   * polls again only after it handled the batch, so by then it has handled that delivery.
   */
  boolean handledFrom(String member) {
    Integer at = firstHeardAtPoll.get(member);
    return at != null && polls.get() > at;
  }

  @Override
  public void ack(String phase, String hash) throws SessionException {
    maybeFail("ack");
    inner.ack(phase, hash);
  }

}
