package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.Party;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.RoundInbox;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkg.DkgState.Aborted;
import dev.keyshard.mpc.dkg.DkgState.AwaitingCommitments;
import dev.keyshard.mpc.dkg.DkgState.AwaitingConfirmations;
import dev.keyshard.mpc.dkg.DkgState.AwaitingEchoes;
import dev.keyshard.mpc.dkg.DkgState.AwaitingShares;
import dev.keyshard.mpc.dkg.DkgState.Done;
import dev.keyshard.mpc.dkg.DkgState.Next;
import dev.keyshard.mpc.dkg.DkgState.NotStarted;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One party of the dealerless Pedersen DKG with proofs of knowledge (FROST KeyGen, Komlo–Goldberg
 * ePrint 2020/852 Figure 1; RFC 9591 Appendix C), generic over the {@link Group}, as a sans-IO
 * state machine. Four rounds:
 * <ol>
 *   <li>broadcast a Feldman commitment to a random degree t−1 polynomial and a Schnorr proof of
 *       knowledge of its constant term ({@link Round1Commit});
 *   <li>broadcast an echo of every round-1 message's digest ({@link Round2Echo});
 *   <li>send each other party its share f_i(j) ({@link Round3Shares});
 *   <li>broadcast a confirmation of the resulting public key package ({@link Round4Confirm}).
 * </ol>
 * The result ({@link DkgResult}) is available only after every party confirmed the same group key
 * and verifying shares.
 *
 * <p>Every message passes its round's {@link RoundInbox} before any maths: session, protocol,
 * round, a sender from the committee, the recipient, one message per sender (an identical copy is
 * ignored, a different one is {@code EQUIVOCATION}). A message for a later round is checked and
 * held in that round's inbox until the round starts; one for an earlier round is compared with what
 * that round received. Any failure raises a {@link ProtocolAbort} naming the culprit, after which
 * the party is terminal and its secrets are destroyed.
 *
 * <p>The round-3 envelopes {@link #receive} returns carry secret shares: the caller encrypts them
 * for their recipient, sends them, and may then destroy their bodies.
 *
 * <p>Not thread-safe.
 */
public final class DkgParty implements Party<DkgMessage, DkgResult> {
  private final DkgContext ctx;
  private final SecureRandom rng;
  private final RoundInbox<DkgMessage.Commitment> commitments;
  private final RoundInbox<DkgMessage.Echo> echoes;
  private final RoundInbox<DkgMessage.Share> shares;
  private final RoundInbox<DkgMessage.Confirmation> confirmations;
  /** Every share body accepted, so it can be destroyed on completion or abort. */
  private final List<DkgMessage.Share> receivedShares = new ArrayList<>();
  private DkgState state = new NotStarted();

  /**
   * A FROST DKG party ({@link ProtocolId#FROST_DKG}).
   *
   * @throws IllegalArgumentException when {@code self} is not in the committee
   */
  public DkgParty(
      Group group, Committee committee, PartyId self, SessionId session, SecureRandom rng) {
    this(ProtocolId.FROST_DKG, group, committee, self, session, rng);
  }

  /**
   * A DKG party running under another protocol's tag, for protocols that embed this DKG (DKLs23
   * keygen). The tag is bound into every envelope and transcript.
   *
   * @throws IllegalArgumentException when {@code self} is not in the committee
   */
  public DkgParty(ProtocolId protocol, Group group, Committee committee, PartyId self,
      SessionId session, SecureRandom rng) {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(committee, "committee");
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(session, "session");
    this.rng = Objects.requireNonNull(rng, "rng");
    committee.requireMember(self);
    this.ctx = new DkgContext(protocol, group, committee, self, session);
    Set<PartyId> others = ctx.others();
    this.commitments = new RoundInbox<>(session, protocol, Round1Commit.ROUND, self, true,
        DkgMessage.Commitment.class, others, Object::equals);
    this.echoes = new RoundInbox<>(session, protocol, Round2Echo.ROUND, self, true,
        DkgMessage.Echo.class, others, Object::equals);
    this.shares = new RoundInbox<>(session, protocol, Round3Shares.ROUND, self, false,
        DkgMessage.Share.class, others, Object::equals);
    this.confirmations = new RoundInbox<>(session, protocol, Round4Confirm.ROUND, self, true,
        DkgMessage.Confirmation.class, others, Object::equals);
  }

  /**
   * Samples the polynomial and returns the round-1 broadcast.
   *
   * @throws IllegalStateException when called twice
   */
  @Override
  public List<Envelope<DkgMessage>> start() {
    if (!(state instanceof NotStarted)) {
      throw new IllegalStateException("start() was already called");
    }
    Next next = Round1Commit.start(ctx, rng);
    state = next.state();
    return next.out();
  }

  /**
   * Checks and stores one message; when it completes the current round (and possibly, with held
   * messages, later ones), returns the next rounds' messages. After the party is done, messages are
   * ignored: its result is final and every party confirmed it.
   *
   * @throws ProtocolAbort when the message or its sender misbehaves, naming the culprit; the party
   *     is then terminal and its secrets are destroyed
   * @throws IllegalStateException before {@link #start()} or after an abort
   */
  @Override
  public List<Envelope<DkgMessage>> receive(Envelope<DkgMessage> in) throws ProtocolAbort {
    Objects.requireNonNull(in, "in");
    if (state instanceof Aborted) {
      throw new IllegalStateException("the DKG aborted; the party is terminal");
    }
    if (state instanceof NotStarted) {
      throw new IllegalStateException("call start() before receive()");
    }
    if (state instanceof Done) {
      return List.of();
    }
    try {
      if (!accept(in)) {
        return List.of();
      }
      return advance();
    } catch (ProtocolAbort a) {
      abort(a);
      throw a;
    }
  }

  @Override
  public boolean isDone() {
    return state instanceof Done;
  }

  /**
   * The result, once every party confirmed it.
   *
   * @throws IllegalStateException before then, and forever after an abort
   */
  @Override
  public DkgResult result() {
    if (state instanceof Done) {
      return ((Done) state).result;
    }
    throw new IllegalStateException("no DKG result: " + state);
  }

  @Override
  public Set<PartyId> waitingFor() {
    if (state instanceof NotStarted) {
      return ctx.others();
    }
    if (state instanceof AwaitingCommitments) {
      return commitments.missing();
    }
    if (state instanceof AwaitingEchoes) {
      return echoes.missing();
    }
    if (state instanceof AwaitingShares) {
      return shares.missing();
    }
    if (state instanceof AwaitingConfirmations) {
      return confirmations.missing();
    }
    return Set.of();
  }

  @Override
  public String toString() {
    return "DkgParty[" + ctx.self() + ", " + ctx.committee() + ", " + ctx.group().name() + ", "
        + state + "]";
  }

  /** Routes {@code in} to its round's inbox; false for an identical re-delivery. */
  private boolean accept(Envelope<DkgMessage> in) throws ProtocolAbort {
    switch (in.round()) {
      case Round1Commit.ROUND:
        return commitments.accept(in);
      case Round2Echo.ROUND:
        return echoes.accept(in);
      case Round3Shares.ROUND:
        boolean fresh = shares.accept(in);
        if (fresh) {
          receivedShares.add((DkgMessage.Share) in.body());
        }
        return fresh;
      case Round4Confirm.ROUND:
        return confirmations.accept(in);
      default:
        throw new ProtocolAbort(ctx.protocol(), Math.max(1, currentRound()),
            AbortReason.WRONG_ROUND, in.from(), "the DKG has rounds 1 to 4, got " + in.round());
    }
  }

  /** Runs every round whose inbox is complete, in order. */
  private List<Envelope<DkgMessage>> advance() throws ProtocolAbort {
    List<Envelope<DkgMessage>> out = new ArrayList<>();
    while (true) {
      Next next;
      if (state instanceof AwaitingCommitments && commitments.isComplete()) {
        next = Round1Commit.run(ctx, (AwaitingCommitments) state, commitments.messages());
      } else if (state instanceof AwaitingEchoes && echoes.isComplete()) {
        next = Round2Echo.run(ctx, (AwaitingEchoes) state, echoes.messages());
      } else if (state instanceof AwaitingShares && shares.isComplete()) {
        next = Round3Shares.run(ctx, (AwaitingShares) state, shares.messages());
      } else if (state instanceof AwaitingConfirmations && confirmations.isComplete()) {
        next = Round4Confirm.run(ctx, (AwaitingConfirmations) state, confirmations.messages());
      } else {
        return out;
      }
      state = next.state();
      out.addAll(next.out());
      if (state instanceof Done) {
        destroyReceivedShares();
        return out;
      }
    }
  }

  private int currentRound() {
    if (state instanceof AwaitingCommitments) {
      return Round1Commit.ROUND;
    }
    if (state instanceof AwaitingEchoes) {
      return Round2Echo.ROUND;
    }
    if (state instanceof AwaitingShares) {
      return Round3Shares.ROUND;
    }
    if (state instanceof AwaitingConfirmations) {
      return Round4Confirm.ROUND;
    }
    return 0;
  }

  private void abort(ProtocolAbort cause) {
    state.destroy();
    destroyReceivedShares();
    state = new Aborted(cause);
  }

  private void destroyReceivedShares() {
    for (DkgMessage.Share s : receivedShares) {
      s.destroy();
    }
    receivedShares.clear();
  }
}
