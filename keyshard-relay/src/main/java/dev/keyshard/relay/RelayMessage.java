package dev.keyshard.relay;

import java.util.List;
import java.util.Objects;

/**
 * One message as the Vultisig relay carries it: {@code {session_id, from, to[], body, hash,
 * sequence_no}}. The body is the client's ciphertext; the relay never looks inside it. {@code hash}
 * names the message within its queue (a re-post with the same hash is the same message).
 */
public record RelayMessage(String sessionId, String from, List<String> to, String body, String hash,
    long sequenceNo) {
  public RelayMessage {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(hash, "hash");
    sessionId = sessionId == null ? "" : sessionId;
    to = List.copyOf(to);
  }

  /** Bytes this message holds in a store, for the per-session quota. */
  long size() {
    long n = sessionId.length() + from.length() + body.length() + hash.length() + 16;
    for (String t : to) {
      n += t.length();
    }
    return n;
  }

  @Override
  public String toString() {
    // Never the body: it is ciphertext, but logs are no place for it.
    return "RelayMessage[from " + from + ", to " + to + ", hash " + hash + ", seq " + sequenceNo
        + ", " + body.length() + " chars]";
  }
}
