package dev.keyshard.mpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Holds messages that arrive for a later round than the one in progress: a faster peer may finish
 * a round before we have heard from everyone. At most one message per sender and round is kept, and
 * only for rounds the protocol has, so a flood cannot grow it without bound.
 *
 * <p>Not thread-safe; owned by one party.
 */
public final class EarlyMessages<M extends ProtocolMessage> {
  private final ProtocolId protocol;
  private final int lastRound;
  private final Map<Integer, Map<PartyId, Envelope<M>>> byRound = new TreeMap<>();

  public EarlyMessages(ProtocolId protocol, int lastRound) {
    this.protocol = protocol;
    this.lastRound = lastRound;
  }

  /**
   * Keeps {@code in} for later.
   *
   * @throws ProtocolAbort when the round does not exist, or the sender already sent a different
   *     message for it
   */
  public void hold(Envelope<M> in) throws ProtocolAbort {
    if (in.round() > lastRound) {
      throw new ProtocolAbort(protocol, in.round(), AbortReason.WRONG_ROUND, in.from(),
          "the protocol has only " + lastRound + " rounds");
    }
    Map<PartyId, Envelope<M>> round = byRound.computeIfAbsent(in.round(), r -> new TreeMap<>());
    Envelope<M> previous = round.putIfAbsent(in.from(), in);
    if (previous != null && !Objects.equals(previous, in)) {
      throw new ProtocolAbort(protocol, in.round(), AbortReason.EQUIVOCATION, in.from(),
          "two different messages for one round");
    }
  }

  /** Removes and returns the messages held for {@code round}. */
  public List<Envelope<M>> release(int round) {
    Map<PartyId, Envelope<M>> held = byRound.remove(round);
    return held == null ? List.of() : new ArrayList<>(held.values());
  }

  public void clear() {
    byRound.clear();
  }
}
