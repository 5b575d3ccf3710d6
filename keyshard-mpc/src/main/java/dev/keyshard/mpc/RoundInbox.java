package dev.keyshard.mpc;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * Collects one round's messages, one per expected sender, and applies the checks every round shares
 * before any maths (STYLE.md §2.4): right session, protocol and round; a sender we expect; addressed
 * to us (or a broadcast when the round broadcasts); an identical re-delivery is ignored; a different
 * second message from the same sender is {@link AbortReason#EQUIVOCATION}.
 *
 * <p>Not thread-safe; owned by one party.
 */
public final class RoundInbox<B extends ProtocolMessage> {
  private final SessionId session;
  private final ProtocolId protocol;
  private final int round;
  private final PartyId self;
  private final boolean broadcast;
  private final Class<? extends B> bodyType;
  private final Set<PartyId> expected;
  private final BiPredicate<B, B> sameContent;
  private final Map<PartyId, B> received = new TreeMap<>();

  public RoundInbox(SessionId session, ProtocolId protocol, int round, PartyId self,
      boolean broadcast, Class<? extends B> bodyType, Set<PartyId> expected,
      BiPredicate<B, B> sameContent) {
    this.session = session;
    this.protocol = protocol;
    this.round = round;
    this.self = self;
    this.broadcast = broadcast;
    this.bodyType = bodyType;
    this.expected = Set.copyOf(expected);
    this.sameContent = sameContent;
  }

  public int round() {
    return round;
  }

  /**
   * Stores {@code in}'s body after the header checks.
   *
   * @return true when the message was new, false for an identical re-delivery
   * @throws ProtocolAbort naming the sender when a check fails
   */
  public boolean accept(Envelope<? extends ProtocolMessage> in) throws ProtocolAbort {
    PartyId from = in.from();
    if (!in.session().equals(session) || in.protocol() != protocol) {
      throw new ProtocolAbort(protocol, round, AbortReason.UNEXPECTED_MESSAGE, from,
          "message from another session or protocol");
    }
    if (!expected.contains(from)) {
      throw new ProtocolAbort(protocol, round, AbortReason.UNEXPECTED_MESSAGE, from,
          "sender is not expected in this round");
    }
    if (in.round() != round) {
      throw new ProtocolAbort(protocol, round, AbortReason.WRONG_ROUND, from,
          "message for round " + in.round());
    }
    if (broadcast != in.isBroadcast() || (!broadcast && !self.equals(in.to()))) {
      throw new ProtocolAbort(protocol, round, AbortReason.UNEXPECTED_MESSAGE, from,
          broadcast ? "expected a broadcast" : "message not addressed to " + self);
    }
    if (!bodyType.isInstance(in.body())) {
      throw new ProtocolAbort(protocol, round, AbortReason.MALFORMED, from,
          "unexpected message type " + in.body().getClass().getSimpleName());
    }
    B body = bodyType.cast(in.body());
    B previous = received.get(from);
    if (previous != null) {
      if (sameContent.test(previous, body)) {
        return false;
      }
      throw new ProtocolAbort(protocol, round, AbortReason.EQUIVOCATION, from,
          "two different messages for one round");
    }
    received.put(from, body);
    return true;
  }

  public boolean isComplete() {
    return received.keySet().containsAll(expected);
  }

  /** Senders we still wait for. */
  public Set<PartyId> missing() {
    Set<PartyId> m = new TreeSet<>(expected);
    m.removeAll(received.keySet());
    return m;
  }

  /** The complete inbox, keyed by sender. */
  public Map<PartyId, B> messages() {
    if (!isComplete()) {
      throw new IllegalStateException("round " + round + " still waits for " + missing());
    }
    return Collections.unmodifiableMap(received);
  }
}
