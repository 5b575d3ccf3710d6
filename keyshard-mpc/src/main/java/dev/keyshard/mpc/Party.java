package dev.keyshard.mpc;

import java.util.List;
import java.util.Set;

/**
 * One party of a protocol as a sans-IO state machine: messages in, messages out. No threads,
 * clocks, sockets or logging; randomness comes in through the constructor. Not thread-safe.
 *
 * <p>After a {@link ProtocolAbort} the party is terminal: further calls throw
 * {@link IllegalStateException}, and its secret round state has been destroyed.
 */
public interface Party<M extends ProtocolMessage, R> {

  /** The first round's outgoing messages. Call once. */
  List<Envelope<M>> start();

  /**
   * Validates and stores one incoming message; when it completes a round, returns the next round's
   * outgoing messages (otherwise an empty list). An identical re-delivery is ignored.
   *
   * @throws ProtocolAbort when the message or its sender misbehaves; the party is then terminal
   */
  List<Envelope<M>> receive(Envelope<M> in) throws ProtocolAbort;

  boolean isDone();

  /** The output; {@link IllegalStateException} until {@link #isDone()}. */
  R result();

  /** Parties whose message for the current round has not arrived, so a timeout can name them. */
  Set<PartyId> waitingFor();
}
