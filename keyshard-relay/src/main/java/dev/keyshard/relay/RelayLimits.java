package dev.keyshard.relay;

import java.time.Duration;

/**
 * What one relay accepts before it refuses with a clear status: request bodies (413), messages
 * per session, sessions held at once and bytes held in all (429), and how long an idle key lives
 * (Vultisig's relay keeps keys 5 minutes after their last write; so do we by default).
 *
 * @param maxStoredBytes what the in-memory store holds at most, queued messages and stored
 *     values together, so that no client can make the relay run out of memory (a Redis store
 *     leaves this to Redis' own {@code maxmemory})
 */
public record RelayLimits(long maxBodyBytes, int maxMessagesPerSession, int maxSessions,
    Duration ttl, long maxStoredBytes) {
  /** Generous for real sessions: a DKLs23 keygen message of 16 parties is well under 1 MiB. */
  public static final RelayLimits DEFAULT =
      new RelayLimits(8L << 20, 20_000, 10_000, Duration.ofMinutes(5));

  public RelayLimits {
    if (maxBodyBytes < 1024 || maxMessagesPerSession < 1 || maxSessions < 1 || ttl.isNegative()
        || ttl.isZero() || maxStoredBytes < maxBodyBytes) {
      throw new IllegalArgumentException(
          "relay limits must be positive (body at least 1 KiB, memory at least one body)");
    }
  }

  /** With the default memory budget, {@link #defaultStoredBytes}. */
  public RelayLimits(long maxBodyBytes, int maxMessagesPerSession, int maxSessions, Duration ttl) {
    this(maxBodyBytes, maxMessagesPerSession, maxSessions, ttl,
        Math.max(maxBodyBytes, defaultStoredBytes()));
  }

  /** Half of this JVM's heap, at most 1 GiB: room left for everything else the relay holds. */
  public static long defaultStoredBytes() {
    return Math.min(1L << 30, Runtime.getRuntime().maxMemory() / 2);
  }
}
