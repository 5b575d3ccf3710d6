package dev.keyshard.node;

import java.util.List;

/**
 * How a session reaches the others: post a body to some members, poll one's own queue, drop what
 * was handled. Queues are namespaced by phase, so the protocols of one session never mix. The
 * relay behind it is untrusted: bodies are sealed before they get here, and a delivery's claimed
 * sender is checked against the signature inside.
 */
interface Transport {
  /** A body as it came off the queue. */
  record Delivery(String from, String body, String hash) {}

  /**
   * Posts {@code body} to {@code to}; {@code hash} names it (derived from the content, so a
   * re-post is recognised).
   *
   * @throws SessionException when the relay stays unreachable or refuses
   */
  void post(String phase, List<String> to, String body, String hash) throws SessionException;

  /** This member's queue for {@code phase}, oldest first. */
  List<Delivery> poll(String phase) throws SessionException;

  /** Removes a handled delivery from the queue (best effort: a re-delivery is ignored anyway). */
  void ack(String phase, String hash) throws SessionException;
}
