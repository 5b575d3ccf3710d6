package dev.keyshard.relay;

import java.time.Duration;

/**
 * What one relay accepts before it refuses with a clear status: request bodies (413), messages
 * held per session and sessions held at once (429), and how long an idle key lives (Vultisig's
 * relay keeps keys 5 minutes after their last write; so do we by default).
 */
public record RelayLimits(long maxBodyBytes, int maxMessagesPerSession, int maxSessions,
    Duration ttl) {
  /** Generous for real sessions: a DKLs23 keygen message of 16 parties is well under 1 MiB. */
  public static final RelayLimits DEFAULT =
      new RelayLimits(8L << 20, 20_000, 10_000, Duration.ofMinutes(5));

  public RelayLimits {
    if (maxBodyBytes < 1024 || maxMessagesPerSession < 1 || maxSessions < 1 || ttl.isNegative()
        || ttl.isZero()) {
      throw new IllegalArgumentException("relay limits must be positive (body at least 1 KiB)");
    }
  }
}
