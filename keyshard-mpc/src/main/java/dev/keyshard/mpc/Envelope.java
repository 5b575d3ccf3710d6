package dev.keyshard.mpc;

import java.util.Objects;

/**
 * One protocol message with its routing header. {@code to} is null for a broadcast. A party checks
 * session, protocol, round, sender and recipient before it looks at the body.
 */
public record Envelope<M extends ProtocolMessage>(
    SessionId session, ProtocolId protocol, int round, PartyId from, PartyId to, M body) {

  public Envelope {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(body, "body");
    if (round < 1) {
      throw new IllegalArgumentException("rounds count from 1");
    }
    if (from.equals(to)) {
      throw new IllegalArgumentException("a party does not send to itself");
    }
  }

  public boolean isBroadcast() {
    return to == null;
  }

  @Override
  public String toString() {
    return protocol + " round " + round + " " + from + "->" + (to == null ? "all" : to) + " "
        + body.getClass().getSimpleName();
  }
}
