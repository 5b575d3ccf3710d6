package dev.keyshard.node;

/** Lines for the user about a session's progress (who joined, which step runs). */
@FunctionalInterface
public interface Progress {
  void report(String line);
}
