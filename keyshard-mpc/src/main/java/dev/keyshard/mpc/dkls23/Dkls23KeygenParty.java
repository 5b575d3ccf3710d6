package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.Party;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.RoundInbox;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkg.DkgMessage;
import dev.keyshard.mpc.dkg.DkgParty;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round1Broadcast;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round1Direct;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round2Broadcast;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round3Direct;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round4Broadcast;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound1;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound2;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound3;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound4;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One party of DKLs23 key generation over secp256k1 (DKLs23 Protocol 3.6, "Init"), as a sans-IO
 * state machine. It composes the Pedersen DKG ({@link DkgParty}, run under
 * {@link dev.keyshard.mpc.ProtocolId#DKLS23_KEYGEN}) and adds, in the DKG's own four rounds:
 * <ol>
 *   <li>broadcast: a commitment to a chain-code contribution; point-to-point: the Endemic base OTs
 *       of both ordered pairs with each peer (F_RVOLE setup, Protocol 5.2) and a commitment to a
 *       zero-share seed (F_Zero setup, Functionality 3.4) — {@link KeygenRound1};
 *   <li>broadcast: an echo of the chain-code commitments — {@link KeygenRound2};
 *   <li>point-to-point: the openings of the contribution and the seed — {@link KeygenRound3};
 *   <li>broadcast: a confirmation of (group key, verifying shares, chain code) —
 *       {@link KeygenRound4}.
 * </ol>
 * The result ({@link Dkls23KeyShare}) exists only after every party confirmed the same key and
 * chain code. Each message passes its round's {@link RoundInbox} (session, protocol, round, sender,
 * recipient, one message per sender) before any maths, and the DKG part of it goes to the embedded
 * DKG, which applies its own checks. Any failure is a {@link ProtocolAbort} naming the culprit;
 * the party is then terminal and its secrets are destroyed.
 *
 * <p>A deviating base-OT party is not caught here: base OTs have no checkable output. It is caught
 * at its first signing by the KOS15 consistency check, which names it
 * ({@link dev.keyshard.mpc.AbortReason#OT_CONSISTENCY_CHECK_FAILED}).
 *
 * <p>Round-3 envelopes carry secrets (DKG shares, zero-share seeds): the transport encrypts them.
 * Any 2 ≤ t ≤ n ≤ 16 ({@link Committee}). Not thread-safe.
 */
public final class Dkls23KeygenParty implements Party<Dkls23KeygenMessage, Dkls23KeyShare> {
  private final KeygenContext ctx;
  private final SecureRandom rng;
  private final DkgParty dkg;
  private final RoundInbox<Round1Broadcast> round1Broadcasts;
  private final RoundInbox<Round1Direct> round1Direct;
  private final RoundInbox<Round2Broadcast> round2Broadcasts;
  private final RoundInbox<Round3Direct> round3Direct;
  private final RoundInbox<Round4Broadcast> round4Broadcasts;
  /** The DKG's outgoing envelopes, by round, until our additions for that round are ready. */
  private final Map<Integer, List<Envelope<DkgMessage>>> dkgOut = new TreeMap<>();
  private final List<Round3Direct> secretsReceived = new ArrayList<>();
  private KeygenState state = new KeygenState.NotStarted();

  /**
   * @throws IllegalArgumentException when {@code self} is not in the committee
   */
  public Dkls23KeygenParty(Committee committee, PartyId self, SessionId session,
      SecureRandom rng) {
    Objects.requireNonNull(committee, "committee");
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(session, "session");
    this.rng = Objects.requireNonNull(rng, "rng");
    committee.requireMember(self);
    this.ctx = new KeygenContext(committee, self, session);
    this.dkg = new DkgParty(KeygenContext.PROTOCOL, Secp256k1.INSTANCE, committee, self, session,
        rng);
    Set<PartyId> others = ctx.others;
    this.round1Broadcasts = inbox(1, true, Round1Broadcast.class, others);
    this.round1Direct = inbox(1, false, Round1Direct.class, others);
    this.round2Broadcasts = inbox(2, true, Round2Broadcast.class, others);
    this.round3Direct = inbox(3, false, Round3Direct.class, others);
    this.round4Broadcasts = inbox(4, true, Round4Broadcast.class, others);
  }

  private <B extends Dkls23KeygenMessage> RoundInbox<B> inbox(int round, boolean broadcast,
      Class<B> type, Set<PartyId> others) {
    return new RoundInbox<>(ctx.session, KeygenContext.PROTOCOL, round, ctx.self, broadcast, type,
        others, Object::equals);
  }

  /**
   * Round 1: the DKG commitment with our chain-code commitment (broadcast), and per peer the
   * base-OT flights and the zero-seed commitment.
   *
   * @throws IllegalStateException when called twice
   */
  @Override
  public List<Envelope<Dkls23KeygenMessage>> start() {
    if (!(state instanceof KeygenState.NotStarted)) {
      throw new IllegalStateException("start() was already called");
    }
    collect(dkg.start());
    KeygenRound1.Start s = KeygenRound1.start(ctx, rng);
    state = s.state();
    List<Envelope<Dkls23KeygenMessage>> out = new ArrayList<>();
    out.add(ctx.broadcast(1, new Round1Broadcast(
        (DkgMessage.Commitment) takeDkg(1).get(0).body(), s.chainCodeCommitment())));
    s.direct().forEach((j, body) -> out.add(ctx.send(1, j, body)));
    return out;
  }

  /**
   * @throws ProtocolAbort when the message or its sender misbehaves, naming the culprit; the party
   *     is then terminal and its secrets are destroyed
   * @throws IllegalStateException before {@link #start()} or after an abort
   */
  @Override
  public List<Envelope<Dkls23KeygenMessage>> receive(Envelope<Dkls23KeygenMessage> in)
      throws ProtocolAbort {
    Objects.requireNonNull(in, "in");
    if (state instanceof KeygenState.Aborted) {
      throw new IllegalStateException("key generation aborted; the party is terminal");
    }
    if (state instanceof KeygenState.NotStarted) {
      throw new IllegalStateException("call start() before receive()");
    }
    if (state instanceof KeygenState.Done) {
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

  /** Header checks in the body's inbox, then the DKG part to the DKG; false for a re-delivery. */
  private boolean accept(Envelope<Dkls23KeygenMessage> in) throws ProtocolAbort {
    Dkls23KeygenMessage body = in.body();
    BodyShapes.verifyKeygen(body, in.from(), in.round());
    boolean fresh;
    if (body instanceof Round1Broadcast) {
      fresh = round1Broadcasts.accept(in);
    } else if (body instanceof Round1Direct) {
      fresh = round1Direct.accept(in);
    } else if (body instanceof Round2Broadcast) {
      fresh = round2Broadcasts.accept(in);
    } else if (body instanceof Round3Direct) {
      fresh = round3Direct.accept(in);
      if (fresh) {
        secretsReceived.add((Round3Direct) body);
      }
    } else if (body instanceof Round4Broadcast) {
      fresh = round4Broadcasts.accept(in);
    } else {
      throw new KeyshardBug("unknown keygen body " + body.getClass().getName());
    }
    if (fresh && body.dkg() != null) {
      collect(dkg.receive(new Envelope<>(in.session(), in.protocol(), in.round(), in.from(),
          in.to(), body.dkg())));
    }
    return fresh;
  }

  /** Runs every round whose inputs (our inboxes and the DKG's output) are complete, in order. */
  private List<Envelope<Dkls23KeygenMessage>> advance() throws ProtocolAbort {
    List<Envelope<Dkls23KeygenMessage>> out = new ArrayList<>();
    while (true) {
      if (state instanceof AwaitingRound1 && round1Broadcasts.isComplete()
          && round1Direct.isComplete() && dkgOut.containsKey(2)) {
        AwaitingRound2 next = KeygenRound1.finish(ctx, (AwaitingRound1) state,
            round1Broadcasts.messages(), round1Direct.messages());
        state = next;
        out.add(ctx.broadcast(2, new Round2Broadcast(
            (DkgMessage.Echo) takeDkg(2).get(0).body(), next.chainCodeEcho)));
      } else if (state instanceof AwaitingRound2 && round2Broadcasts.isComplete()
          && dkgOut.containsKey(3)) {
        KeygenRound2.Next next =
            KeygenRound2.run(ctx, (AwaitingRound2) state, round2Broadcasts.messages());
        state = next.state();
        for (Envelope<DkgMessage> share : takeDkg(3)) {
          KeygenRound2.Openings o = next.openings().get(share.to());
          out.add(ctx.send(3, share.to(), new Round3Direct((DkgMessage.Share) share.body(),
              o.chainCode(), o.chainCodeSalt(), o.zeroSeed(), o.zeroSalt())));
        }
      } else if (state instanceof AwaitingRound3 && round3Direct.isComplete()
          && dkgOut.containsKey(4)) {
        DkgMessage.Confirmation confirmation =
            (DkgMessage.Confirmation) takeDkg(4).get(0).body();
        AwaitingRound4 next = KeygenRound3.run(ctx, (AwaitingRound3) state,
            round3Direct.messages(), confirmation.digest());
        state = next;
        out.add(ctx.broadcast(4, new Round4Broadcast(confirmation, next.confirmation)));
      } else if (state instanceof AwaitingRound4 && round4Broadcasts.isComplete()
          && dkg.isDone()) {
        state = new KeygenState.Done(KeygenRound4.run(ctx, (AwaitingRound4) state,
            round4Broadcasts.messages(), dkg.result()));
        destroyReceivedSecrets();
        return out;
      } else {
        return out;
      }
    }
  }

  private void collect(List<Envelope<DkgMessage>> fromDkg) {
    for (Envelope<DkgMessage> e : fromDkg) {
      dkgOut.computeIfAbsent(e.round(), r -> new ArrayList<>()).add(e);
    }
  }

  private List<Envelope<DkgMessage>> takeDkg(int round) {
    List<Envelope<DkgMessage>> l = dkgOut.remove(round);
    if (l == null || l.isEmpty()) {
      throw new KeyshardBug("the DKG produced no round-" + round + " message");
    }
    return l;
  }

  private void abort(ProtocolAbort cause) {
    state.destroy();
    destroyReceivedSecrets();
    dkgOut.clear();
    state = new KeygenState.Aborted(cause);
  }

  private void destroyReceivedSecrets() {
    secretsReceived.forEach(Round3Direct::destroy);
    secretsReceived.clear();
  }

  @Override
  public boolean isDone() {
    return state instanceof KeygenState.Done;
  }

  /**
   * The key share, once every party confirmed it.
   *
   * @throws IllegalStateException before then, and forever after an abort
   */
  @Override
  public Dkls23KeyShare result() {
    if (state instanceof KeygenState.Done) {
      return ((KeygenState.Done) state).share();
    }
    throw new IllegalStateException("no key share: " + state);
  }

  @Override
  public Set<PartyId> waitingFor() {
    Set<PartyId> missing = new TreeSet<>();
    if (state instanceof KeygenState.NotStarted) {
      missing.addAll(ctx.others);
    } else if (state instanceof AwaitingRound1) {
      missing.addAll(round1Broadcasts.missing());
      missing.addAll(round1Direct.missing());
    } else if (state instanceof AwaitingRound2) {
      missing.addAll(round2Broadcasts.missing());
    } else if (state instanceof AwaitingRound3) {
      missing.addAll(round3Direct.missing());
    } else if (state instanceof AwaitingRound4) {
      missing.addAll(round4Broadcasts.missing());
    }
    return missing;
  }

  @Override
  public String toString() {
    return "Dkls23KeygenParty[" + ctx.self + ", " + ctx.committee + ", " + state + "]";
  }
}
