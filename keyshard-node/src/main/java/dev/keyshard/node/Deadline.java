package dev.keyshard.node;

import java.time.Duration;

/**
 * An absolute point in time a session step must finish by. Polling does not move it: a session
 * that hears nothing new fails at its deadline, however often it asks.
 */
record Deadline(long atNanos) {
  static Deadline in(Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - atNanos >= 0;
  }

  long remainingMillis() {
    return Math.max(0, (atNanos - System.nanoTime()) / 1_000_000);
  }
}
