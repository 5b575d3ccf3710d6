package dev.keyshard.relay;

/**
 * Where {@link RedisRelayStore} keeps things inside its namespace. A {@link StoreKeys} key goes
 * under the namespace as it is; the store's own keys use kinds StoreKeys never makes
 * ("sessions", "session-messages", "queue-messages"), so the two cannot meet.
 */
final class RedisKeys {
  private static final char SEP = '\0';
  private final String namespace;

  RedisKeys(String namespace) {
    this.namespace = namespace;
  }

  /** A member list, a value, or a queue's order (its message hashes, oldest first). */
  String data(String storeKey) {
    return namespace + storeKey;
  }

  /** A queue's messages as JSON, by hash: the duplicate check and the bodies in one place. */
  String queueMessages(String queueKey) {
    return namespace + "queue-messages" + SEP + queueKey;
  }

  /** The sorted set of live sessions, each scored by the Redis time (ms) it expires at. */
  String sessions() {
    return namespace + "sessions";
  }

  /** How many messages a session has queued while it lived (the per-session quota). */
  String sessionMessages(String session) {
    return namespace + "session-messages" + SEP + session;
  }
}
