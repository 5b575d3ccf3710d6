package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.EarlyMessages;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.Party;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.RoundInbox;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.keys.KeyShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One signer of a FROST two-round threshold Schnorr signature (RFC 9591 §5) as a sans-IO state
 * machine. There is no coordinator: every signer broadcasts its commitments (round 1) and its
 * signature share (round 2), aggregates (§5.3) and verifies the signature before
 * {@link #result()} returns it, checking the shares one by one (§5.4) when it does not verify.
 *
 * <p>Defences: envelopes must carry this session and come from the other signers only
 * ({@link RoundInbox}); a second, different message for a round is
 * {@link AbortReason#EQUIVOCATION}; a share whose echoed view digest differs from ours is
 * {@link AbortReason#ECHO_MISMATCH} (someone sent different commitments to different signers, or
 * the signers were given different messages), checked as each share arrives; when the aggregate
 * signature does not verify, every share that fails §5.4 is
 * {@link AbortReason#INVALID_SIGNATURE_SHARE}, all bad signers named at once. Share maths waits
 * for the last share (one verification instead of one per share), so a bad share is named only
 * once every signer has sent one; until then the node's timeout names whoever is silent. The
 * nonces are used once and destroyed after round two or on abort.
 *
 * <p>The echoed view digest travels beside the share; nothing outside RFC 9591's computation enters
 * the signature, so the RFC test vectors hold. One limit of the sans-IO contract: when the shares
 * that arrived early already make a party abort as it enters round two, it throws instead of
 * sending its own share, and the other signers wait for it until the node's timeout names it.
 *
 * <p>Not thread-safe. After an abort the party is terminal.
 */
public final class FrostSignParty implements Party<FrostSignMessage, Signature> {
  static final int ROUND_COMMIT = 1;
  static final int ROUND_SHARE = 2;
  private static final ProtocolId PROTOCOL = ProtocolId.FROST_SIGN;

  private final FrostCiphersuite suite;
  private final PartyId self;
  private final SortedSet<PartyId> others;
  private final byte[] message;
  private final SessionId session;
  private final SecureRandom rng;
  private final VerifyingKeys keys;
  private final EarlyMessages<FrostSignMessage> early = new EarlyMessages<>(PROTOCOL, ROUND_SHARE);
  private SignState state;

  /**
   * @param suite the ciphersuite; must match the key's group
   * @param share this party's key share; not modified or destroyed (the party signs with a copy)
   * @param signers the parties that sign this message, including this one
   * @param message the message to sign, of any length (RFC 9591 §7.6: callers may pre-hash)
   * @param session the session id every envelope must carry
   * @param rng the randomness for the nonces
   * @throws IllegalArgumentException when the key is of another group, {@code signers} is not a
   *     subset of the committee, has fewer than t members, or does not contain this party
   */
  public FrostSignParty(FrostCiphersuite suite, KeyShare share, Set<PartyId> signers,
      byte[] message, SessionId session, SecureRandom rng) {
    this.suite = Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(share, "share");
    this.session = Objects.requireNonNull(session, "session");
    this.rng = Objects.requireNonNull(rng, "rng");
    this.message = Objects.requireNonNull(message, "message").clone();
    this.self = share.self();
    TreeSet<PartyId> set = new TreeSet<>(Objects.requireNonNull(signers, "signers"));
    var committee = share.publicKeys().committee();
    if (!committee.parties().containsAll(set)) {
      throw new IllegalArgumentException("signers " + set + " are not all in " + committee);
    }
    if (set.size() < committee.threshold()) {
      throw new IllegalArgumentException(set.size() + " signers cannot sign for " + committee);
    }
    if (!set.contains(self)) {
      throw new IllegalArgumentException(self + " is not among the signers " + set);
    }
    set.remove(self);
    this.others = Collections.unmodifiableSortedSet(set);
    this.keys = VerifyingKeys.of(suite, share.publicKeys());
    // ZF pre_sign: with a negated (BIP-340 even-y) key, sign with −s_i.
    SecretScalar signingShare = keys.negated()
        ? share.signingShare().negate() : share.signingShare().copy();
    this.state = new SignState.Ready(signingShare);
  }

  /** Round 1: commits to fresh nonces and broadcasts the commitments. */
  @Override
  public List<Envelope<FrostSignMessage>> start() {
    if (!(state instanceof SignState.Ready)) {
      throw new IllegalStateException("start() was already called");
    }
    SecretScalar share = ((SignState.Ready) state).share;
    // RFC 9591 §5.1: (nonce, comm) = commit(secret_key_i)
    SigningNonces nonces = Round1.commit(suite, share, rng);
    RoundInbox<FrostSignMessage.Commitments> inbox = new RoundInbox<>(session, PROTOCOL,
        ROUND_COMMIT, self, true, FrostSignMessage.Commitments.class, others, Object::equals);
    state = new SignState.AwaitingCommitments(share, nonces, inbox);
    return List.of(new Envelope<>(session, PROTOCOL, ROUND_COMMIT, self, null,
        new FrostSignMessage.Commitments(nonces.commitments())));
  }

  /**
   * @throws ProtocolAbort when a message or its sender misbehaves; the party is then terminal and
   *     its nonces destroyed
   * @throws IllegalStateException before {@link #start()} or after an abort
   */
  @Override
  public List<Envelope<FrostSignMessage>> receive(Envelope<FrostSignMessage> in)
      throws ProtocolAbort {
    Objects.requireNonNull(in, "in");
    if (state instanceof SignState.Aborted) {
      throw new IllegalStateException("the party aborted", ((SignState.Aborted) state).cause);
    }
    if (state instanceof SignState.Ready) {
      throw new IllegalStateException("call start() first");
    }
    if (state instanceof SignState.Done) {
      return List.of(); // late re-deliveries after the signature is out
    }
    try {
      return dispatch(in);
    } catch (ProtocolAbort a) {
      abort(a);
      throw a;
    }
  }

  private List<Envelope<FrostSignMessage>> dispatch(Envelope<FrostSignMessage> in)
      throws ProtocolAbort {
    if (state instanceof SignState.AwaitingCommitments) {
      SignState.AwaitingCommitments s = (SignState.AwaitingCommitments) state;
      if (in.round() == ROUND_COMMIT) {
        s.inbox.accept(in);
        return s.inbox.isComplete() ? enterRound2(s) : List.of();
      }
      holdEarly(in);
      return List.of();
    }
    if (state instanceof SignState.AwaitingShares) {
      SignState.AwaitingShares s = (SignState.AwaitingShares) state;
      if (in.round() == ROUND_COMMIT) {
        s.commitments.accept(in); // a re-delivery is ignored, a different one is EQUIVOCATION
      } else if (in.round() == ROUND_SHARE) {
        if (s.shares.accept(in)) {
          processShares(s, List.of(in));
        }
      } else {
        early.hold(in); // throws WRONG_ROUND: the protocol has two rounds
      }
      return List.of();
    }
    throw new KeyshardBug("unhandled state " + state.getClass().getSimpleName());
  }

  /** A share that arrived before our round 1 completed: check the header, keep it for later. */
  private void holdEarly(Envelope<FrostSignMessage> in) throws ProtocolAbort {
    if (!in.session().equals(session) || in.protocol() != PROTOCOL || !others.contains(in.from())
        || !in.isBroadcast()) {
      throw new ProtocolAbort(PROTOCOL, in.round(), AbortReason.UNEXPECTED_MESSAGE, in.from(),
          "early message from another session, protocol or sender");
    }
    early.hold(in);
  }

  /** Round 2 (RFC 9591 §5.2): every commitment is in; sign and broadcast the share. */
  private List<Envelope<FrostSignMessage>> enterRound2(SignState.AwaitingCommitments s)
      throws ProtocolAbort {
    Map<PartyId, SigningCommitments> all = new TreeMap<>();
    for (Map.Entry<PartyId, FrostSignMessage.Commitments> e : s.inbox.messages().entrySet()) {
      if (e.getValue().value().group() != suite.group()) {
        throw new ProtocolAbort(PROTOCOL, ROUND_COMMIT, AbortReason.MALFORMED, e.getKey(),
            "commitments of another group");
      }
      all.put(e.getKey(), e.getValue().value());
    }
    all.put(self, s.nonces.commitments());
    SigningPackage pkg = SigningPackage.build(keys, all, message, self, s.nonces);
    SignatureShare own = Round2.sign(pkg, self, s.share, s.nonces);
    s.share.destroy();
    RoundInbox<FrostSignMessage.Share> shares = new RoundInbox<>(session, PROTOCOL, ROUND_SHARE,
        self, true, FrostSignMessage.Share.class, others, Object::equals);
    SignState.AwaitingShares next = new SignState.AwaitingShares(pkg, own, s.inbox, shares);
    state = next;
    List<Envelope<FrostSignMessage>> out = List.of(new Envelope<>(session, PROTOCOL, ROUND_SHARE,
        self, null, new FrostSignMessage.Share(own, next.viewDigest)));
    List<Envelope<FrostSignMessage>> fresh = new ArrayList<>();
    for (Envelope<FrostSignMessage> held : early.release(ROUND_SHARE)) {
      if (shares.accept(held)) {
        fresh.add(held);
      }
    }
    processShares(next, fresh);
    return out;
  }

  /**
   * Checks the echoed view of newly arrived shares; when all are in, aggregates and verifies
   * (RFC 9591 §5.3), checking shares one by one (§5.4) only if the signature fails.
   */
  private void processShares(SignState.AwaitingShares s, List<Envelope<FrostSignMessage>> fresh)
      throws ProtocolAbort {
    Set<PartyId> diverged = new TreeSet<>();
    for (Envelope<FrostSignMessage> e : fresh) {
      if (!((FrostSignMessage.Share) e.body()).sameView(s.viewDigest)) {
        diverged.add(e.from());
      }
    }
    if (!diverged.isEmpty()) {
      // Without transferable signatures on round-1 messages nobody can tell whether the echoer
      // or an earlier sender lied; the echoer is named and the reason says views diverged.
      throw new ProtocolAbort(PROTOCOL, ROUND_SHARE, AbortReason.ECHO_MISMATCH, diverged,
          "signed a different message or commitment list than ours");
    }
    if (!s.shares.isComplete()) {
      return;
    }
    Map<PartyId, SignatureShare> all = new TreeMap<>();
    s.shares.messages().forEach((id, m) -> all.put(id, m.value()));
    all.put(self, s.own);
    state = new SignState.Done(Aggregator.aggregateAndVerify(s.pkg, all, self));
  }

  private void abort(ProtocolAbort cause) {
    if (state instanceof SignState.Ready) {
      ((SignState.Ready) state).share.destroy();
    } else if (state instanceof SignState.AwaitingCommitments) {
      ((SignState.AwaitingCommitments) state).share.destroy();
      ((SignState.AwaitingCommitments) state).nonces.destroy();
    }
    early.clear();
    state = new SignState.Aborted(cause);
  }

  @Override
  public boolean isDone() {
    return state instanceof SignState.Done;
  }

  /**
   * @throws IllegalStateException until {@link #isDone()}
   */
  @Override
  public Signature result() {
    if (!(state instanceof SignState.Done)) {
      throw new IllegalStateException("no signature yet");
    }
    return ((SignState.Done) state).signature;
  }

  @Override
  public Set<PartyId> waitingFor() {
    if (state instanceof SignState.Ready) {
      return others;
    }
    if (state instanceof SignState.AwaitingCommitments) {
      return ((SignState.AwaitingCommitments) state).inbox.missing();
    }
    if (state instanceof SignState.AwaitingShares) {
      return ((SignState.AwaitingShares) state).shares.missing();
    }
    return Set.of();
  }

  @Override
  public String toString() {
    return "FrostSignParty[" + suite.contextString() + ", " + self + ", "
        + state.getClass().getSimpleName() + "]";
  }
}
