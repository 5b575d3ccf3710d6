package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.Party;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.RoundInbox;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Commit;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Extend;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Reveal;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Share;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound1;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound2;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound3;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One signer of DKLs23 threshold ECDSA over secp256k1 (Doerner, Kondi, Lee, shelat, "Threshold
 * ECDSA in Three Rounds", ePrint 2023/765, Protocol 3.6) as a sans-IO state machine:
 * <ol>
 *   <li>{@link SignRound1}: commit to R_i (broadcast), start F_RVOLE as Bob with every other signer;
 *   <li>{@link SignRound2}: F_RVOLE as Alice with inputs (r_i, sk_i) after the KOS15 check; send the
 *       opening of R_i, pk_i, Γ^u, Γ^v, ψ and the echo of the commitments;
 *   <li>{@link SignRound3}: open, finish F_RVOLE as Bob (Protocol 5.2's check), the Γ consistency
 *       checks, Σpk_j = P′; broadcast (u_i, w_i);
 *   <li>{@link SignFinalize}: s = W/U, low S with recovery id, verified by BouncyCastle.
 * </ol>
 * F_RVOLE is DKLs23 Protocol 5.2 over the KOS15 extension of {@code dev.keyshard.crypto.ot}; F_Zero
 * (Functionality 3.4) comes from the key share's pairwise seeds ({@link ZeroShares}).
 *
 * <p>An optional public tweak δ (the summed BIP-32 non-hardened tweak of a derived key) is added
 * to every signer's Lagrange-weighted share, sk_i = λ_i·(p(i) + δ) + ζ_i, so the signature verifies
 * under P′ = P + δ·G.
 *
 * <p>Defences: envelopes are checked by per-round {@link RoundInbox}es before any maths; every hash
 * binds the session ({@link SignContext}); a failure is a typed {@link ProtocolAbort} naming the
 * culprit, or, where the paper says identification is impossible, the suspects with
 * {@link ProtocolAbort#identified()} false. After an abort the party is terminal and its secrets
 * destroyed; a session never restarts with the same nonce material, and the key share refuses a
 * session id it already signed in. Exception messages never carry secrets.
 *
 * <p>Not thread-safe.
 */
public final class Dkls23SignParty implements Party<Dkls23SignMessage, EcdsaSignature> {
  private final SignContext ctx;
  private final SecureRandom rng;
  private final RoundInbox<Commit> commits;
  private final RoundInbox<Extend> extensions;
  private final RoundInbox<Reveal> reveals;
  private final RoundInbox<Share> shares;
  private SignState state = new SignState.Ready();

  /** Signs {@code messageHash} under the key itself (no tweak). */
  public Dkls23SignParty(Dkls23KeyShare share, Set<PartyId> signers, byte[] messageHash,
      SessionId session, SecureRandom rng) {
    this(share, signers, messageHash, null, session, rng);
  }

  /**
   * @param share this party's key share; only read (its pairwise setups are used, not copied)
   * @param signers the signer set S, this party included, at least t committee members
   * @param messageHash the 32-byte hash to sign
   * @param tweak δ, public, or {@code null} for none; the signature verifies under P + δ·G
   * @param session a fresh session id, the same for every signer
   * @throws IllegalArgumentException when the hash is not 32 bytes, S is not a subset of the
   *     committee with at least t members including this party, or P + δ·G is the identity
   * @throws IllegalStateException when a pair with another signer is burned, or this share already
   *     ran this session
   */
  public Dkls23SignParty(Dkls23KeyShare share, Set<PartyId> signers, byte[] messageHash,
      Scalar tweak, SessionId session, SecureRandom rng) {
    Objects.requireNonNull(share, "share");
    Objects.requireNonNull(session, "session");
    this.rng = Objects.requireNonNull(rng, "rng");
    if (messageHash == null || messageHash.length != EcdsaVerifier.HASH_LENGTH) {
      throw new IllegalArgumentException("the message hash must be 32 bytes");
    }
    Secp256k1 g = Secp256k1.INSTANCE;
    Scalar delta = tweak == null ? g.zero() : tweak;
    if (delta.group() != g) {
      throw new IllegalArgumentException("the tweak must be a secp256k1 scalar");
    }
    SortedSet<PartyId> set = new TreeSet<>(Objects.requireNonNull(signers, "signers"));
    Committee committee = share.committee();
    if (!committee.parties().containsAll(set) || set.size() < committee.threshold()
        || !set.contains(share.self())) {
      throw new IllegalArgumentException("signers " + set + " must be at least "
          + committee.threshold() + " members of " + committee + " including " + share.self());
    }
    Point tweaked = share.publicKey().add(g.multiplyGenerator(delta));
    if (tweaked.isIdentity()) {
      throw new IllegalArgumentException("the tweaked public key is the identity");
    }
    SortedSet<PartyId> others = new TreeSet<>(set);
    others.remove(share.self());
    for (PartyId j : others) {
      if (share.peer(j).asAlice().isBurned()) {
        throw new IllegalStateException("the OT setup with " + j
            + " is burned after a failed check; refresh it before signing with " + j);
      }
    }
    this.ctx = new SignContext(share, Collections.unmodifiableSortedSet(set),
        Collections.unmodifiableSortedSet(others), messageHash.clone(), delta, tweaked, session);
    share.claimSignSession(ctx.binding);
    this.commits = inbox(SignRound1.ROUND, true, Commit.class);
    this.extensions = inbox(SignRound1.ROUND, false, Extend.class);
    this.reveals = inbox(SignRound2.ROUND, false, Reveal.class);
    this.shares = inbox(SignRound3.ROUND, true, Share.class);
  }

  private <B extends Dkls23SignMessage> RoundInbox<B> inbox(int round, boolean broadcast,
      Class<B> type) {
    return new RoundInbox<>(ctx.session, SignContext.PROTOCOL, round, ctx.self, broadcast, type,
        ctx.others, Object::equals);
  }

  /** Round 1: the commitment (broadcast) and one VOLE extension per other signer. */
  @Override
  public List<Envelope<Dkls23SignMessage>> start() {
    if (!(state instanceof SignState.Ready)) {
      throw new IllegalStateException("start() was already called");
    }
    SignRound1.Start s = SignRound1.start(ctx, rng);
    state = s.state();
    return s.out();
  }

  /**
   * @throws ProtocolAbort when a message or its sender misbehaves; the party is then terminal and
   *     its secrets destroyed
   * @throws IllegalStateException before {@link #start()} or after an abort
   */
  @Override
  public List<Envelope<Dkls23SignMessage>> receive(Envelope<Dkls23SignMessage> in)
      throws ProtocolAbort {
    Objects.requireNonNull(in, "in");
    if (state instanceof SignState.Aborted) {
      throw new IllegalStateException("the signing session aborted; the party is terminal");
    }
    if (state instanceof SignState.Ready) {
      throw new IllegalStateException("call start() first");
    }
    if (state instanceof SignState.Done) {
      return List.of();
    }
    try {
      if (!accept(in)) {
        return List.of();
      }
      return advance();
    } catch (ProtocolAbort a) {
      state.destroy();
      state = new SignState.Aborted(a);
      throw a;
    } catch (RuntimeException e) {
      // A local failure mid-round: the round state may hold secrets and be half-updated, so it is
      // destroyed and the party is terminal, as for an abort.
      state.destroy();
      state = new SignState.Aborted(e);
      throw e;
    }
  }

  private boolean accept(Envelope<Dkls23SignMessage> in) throws ProtocolAbort {
    Dkls23SignMessage body = in.body();
    BodyShapes.verifySign(body, in.from(), in.round(), ctx.signers.size());
    if (body instanceof Commit) {
      return commits.accept(in);
    }
    if (body instanceof Extend) {
      return extensions.accept(in);
    }
    if (body instanceof Reveal) {
      return reveals.accept(in);
    }
    if (body instanceof Share) {
      return shares.accept(in);
    }
    throw new KeyshardBug("unknown signing body " + body.getClass().getName());
  }

  private List<Envelope<Dkls23SignMessage>> advance() throws ProtocolAbort {
    List<Envelope<Dkls23SignMessage>> out = new ArrayList<>();
    while (true) {
      if (state instanceof AwaitingRound1 && commits.isComplete() && extensions.isComplete()) {
        SignRound2.Next next = SignRound2.run(ctx, (AwaitingRound1) state, commits.messages(),
            extensions.messages(), rng);
        state = next.state();
        out.addAll(next.out());
      } else if (state instanceof AwaitingRound2 && reveals.isComplete()) {
        SignRound3.Next next = SignRound3.run(ctx, (AwaitingRound2) state, reveals.messages(), rng);
        state = next.state();
        out.add(ctx.broadcast(SignRound3.ROUND, next.share()));
      } else if (state instanceof AwaitingRound3 && shares.isComplete()) {
        state = new SignState.Done(
            SignFinalize.run(ctx, (AwaitingRound3) state, shares.messages()));
        return out;
      } else {
        return out;
      }
    }
  }

  @Override
  public boolean isDone() {
    return state instanceof SignState.Done;
  }

  /**
   * The signature: low-S, with its recovery id, verified under P + δ·G.
   *
   * @throws IllegalStateException until {@link #isDone()}
   */
  @Override
  public EcdsaSignature result() {
    if (!(state instanceof SignState.Done)) {
      throw new IllegalStateException("no signature yet: " + state);
    }
    return ((SignState.Done) state).signature();
  }

  /** The key the signature verifies under: P + δ·G. */
  public Point verifyingKey() {
    return ctx.tweakedKey;
  }

  /** The session binding (sid of Protocol 3.6); public data, for tests that play a cheater. */
  byte[] sessionBinding() {
    return ctx.binding.clone();
  }

  @Override
  public Set<PartyId> waitingFor() {
    Set<PartyId> missing = new TreeSet<>();
    if (state instanceof SignState.Ready) {
      missing.addAll(ctx.others);
    } else if (state instanceof AwaitingRound1) {
      missing.addAll(commits.missing());
      missing.addAll(extensions.missing());
    } else if (state instanceof AwaitingRound2) {
      missing.addAll(reveals.missing());
    } else if (state instanceof AwaitingRound3) {
      missing.addAll(shares.missing());
    }
    return missing;
  }

  @Override
  public String toString() {
    return "Dkls23SignParty[" + ctx.self + ", signers " + ctx.signers + ", " + state + "]";
  }
}
