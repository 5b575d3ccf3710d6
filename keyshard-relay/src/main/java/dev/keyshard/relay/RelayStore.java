package dev.keyshard.relay;

import java.util.List;
import java.util.Optional;

/**
 * Where a relay keeps its state: lists of party ids (session members, started and completed
 * committees), per-recipient message queues, and plain values (setup messages, payloads, keysign
 * results, queue tokens). Keys are built by the server; every write renews its key's time to
 * live, and a key not written for {@link RelayLimits#ttl()} disappears.
 *
 * <p>Implementations are thread-safe, and each operation is atomic on its own, also across relay
 * instances sharing one store (Redis): two parties joining at once both end up members, and the
 * same message posted twice is queued once.
 */
public interface RelayStore extends AutoCloseable {
  /**
   * Appends the ids not yet in the list at {@code key}, creating it.
   *
   * @param session the session the list belongs to, for the session quota
   * @throws LimitExceededException when creating a new session would exceed the quota
   */
  void addMembers(String session, String key, List<String> ids) throws LimitExceededException;

  /** The list at {@code key}, if it exists. */
  Optional<List<String>> members(String key);

  /** True when the list at {@code key} exists (cheaper than {@link #members} on the hot path). */
  default boolean hasMembers(String key) {
    return members(key).isPresent();
  }

  /** Removes a session's member list; its queues and values expire on their own. */
  void deleteSession(String session, String key);

  /**
   * Queues {@code message} at {@code queueKey} unless a message with its hash is already there.
   *
   * @return false for a duplicate (nothing changes)
   * @throws LimitExceededException when the session already holds its quota of messages
   */
  boolean enqueue(String session, String queueKey, RelayMessage message) throws LimitExceededException;

  /**
   * Queues {@code message} at each of {@code queueKeys} (one per recipient), as {@link #enqueue}
   * does, but only while the list at {@code membersKey} exists.
   *
   * @return how many queues took the message (the others held it already), or -1 when the
   *     session has no members (nothing changes)
   * @throws LimitExceededException as {@link #enqueue}; the queues before the one refused keep it
   */
  default int enqueueInSession(String session, String membersKey, List<String> queueKeys,
      RelayMessage message) throws LimitExceededException {
    if (!hasMembers(membersKey)) {
      return -1;
    }
    int queued = 0;
    for (String key : queueKeys) {
      if (enqueue(session, key, message)) {
        queued++;
      }
    }
    return queued;
  }

  /** The messages queued at {@code queueKey}, oldest first (empty when none). */
  List<RelayMessage> queue(String queueKey);

  /**
   * The queue at {@code queueKey} as the {@code GET /message} answer: UTF-8 JSON exactly as
   * {@link RelayMessageJson#writeQueue} writes it. A store that keeps each message encoded
   * answers by copying bytes.
   */
  default EncodedQueue encodedQueue(String queueKey) {
    List<RelayMessage> q = queue(queueKey);
    return new EncodedQueue(q.size(),
        RelayMessageJson.writeQueue(q).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** A queue ready to send: how many messages, and the JSON array of them. */
  record EncodedQueue(int messages, byte[] json) {}

  /** Removes the message with {@code hash} from {@code queueKey}, if present. */
  void dequeue(String queueKey, String hash);

  /** Sets a value. */
  void putValue(String key, String value) throws LimitExceededException;

  /**
   * Sets a value only if the key has none.
   *
   * @return the value now stored: {@code value}, or the one that was there
   */
  String putValueIfAbsent(String key, String value) throws LimitExceededException;

  /** The value at {@code key}, if any. */
  Optional<String> value(String key);

  /** Sessions currently held (for the health endpoint and the quota). */
  int sessionCount();

  /** True when the store answers (the health endpoint). */
  boolean healthy();

  /**
   * True when an operation may wait on a network round trip (Redis): the server then runs
   * requests on threads of their own rather than on its event loops. True unless a store says
   * otherwise.
   */
  default boolean waitsOnNetwork() {
    return true;
  }

  @Override
  void close();
}
