package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.vss.Polynomial;
import dev.keyshard.crypto.vss.VssCommitment;
import dev.keyshard.crypto.zk.InvalidProofException;
import dev.keyshard.crypto.zk.SchnorrProof;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkg.DkgState.AwaitingCommitments;
import dev.keyshard.mpc.dkg.DkgState.AwaitingEchoes;
import dev.keyshard.mpc.dkg.DkgState.Next;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKG round 1 (broadcast): commit to a random polynomial and prove knowledge of its constant term;
 * then, once every party's round-1 message is in, verify each one and echo their digests. Implements
 * KeyGen round 1 of the FROST paper (Komlo–Goldberg, ePrint 2020/852, Figure 1), as RFC 9591
 * Appendix C and ZF {@code frost-core::keys::dkg::part1/part2} do.
 *
 * <p>Stateless: the party passes its state in and installs the state that comes out.
 */
final class Round1Commit {
  static final int ROUND = 1;

  private Round1Commit() {}

  /** Samples the polynomial and builds this party's round-1 broadcast. */
  static Next start(DkgContext ctx, SecureRandom rng) {
    Polynomial polynomial;
    // Round 1, step 1: "Every participant P_i samples t random values (a_i0, …, a_i(t−1)) ← Z_q".
    try (SecretScalar a0 = SecretScalar.random(ctx.group(), rng)) {
      polynomial = Polynomial.random(ctx.group(), ctx.threshold() - 1, a0, rng);
    }
    // Round 1, step 3: "C_i = ⟨φ_i0, …, φ_i(t−1)⟩, where φ_ij = g^a_ij": exactly t points.
    VssCommitment commitment = polynomial.commitment();
    // Round 1, step 2: a proof of knowledge of a_i0, under a context that binds session, protocol,
    // group, committee and our id, so it cannot be replayed elsewhere (ATTACKS.md, proof replay).
    SchnorrProof proof;
    try (SecretScalar a0 = polynomial.constantTerm()) {
      proof = SchnorrProof.prove(a0, commitment.groupKey(),
          DkgTranscripts.proofContext(ctx, ctx.self()), rng);
    }
    DkgMessage.Commitment own = new DkgMessage.Commitment(commitment.coefficients(), proof);
    return new Next(new AwaitingCommitments(polynomial, own), List.of(ctx.broadcast(ROUND, own)));
  }

  /**
   * Verifies every other party's commitment and proof (round 1, step 5) and returns the round-2
   * echo of everyone's round-1 digests.
   *
   * @param inbox exactly one round-1 body from each other party (checked by the party's inbox)
   * @throws ProtocolAbort {@code WRONG_LENGTH} for a commitment vector of length ≠ t,
   *     {@code MALFORMED} for an identity or foreign point, {@code INVALID_PROOF} for a proof that
   *     does not verify; each naming the sender. Senders are checked in id order.
   */
  static Next run(DkgContext ctx, AwaitingCommitments s, Map<PartyId, DkgMessage.Commitment> inbox)
      throws ProtocolAbort {
    Checks.requireSenders(ctx, ROUND, inbox.keySet());
    SortedMap<PartyId, VssCommitment> commitments = new TreeMap<>();
    SortedMap<PartyId, byte[]> digests = new TreeMap<>();
    commitments.put(ctx.self(), new VssCommitment(s.own.coefficients()));
    digests.put(ctx.self(), DkgTranscripts.round1Digest(ctx, ctx.self(), s.own));
    for (Map.Entry<PartyId, DkgMessage.Commitment> e : new TreeMap<>(inbox).entrySet()) {
      PartyId sender = e.getKey();
      DkgMessage.Commitment message = e.getValue();
      VssCommitment commitment = checkShape(ctx, sender, message);
      // Round 1, step 5: "P_i verifies σ_ℓ = (R_ℓ, μ_ℓ), aborting on failure", with σ_ℓ sent as
      // (c_ℓ, μ_ℓ) and R_ℓ recomputed (SchnorrProof). The context names the sender: a proof copied
      // from another party's message does not verify here.
      try {
        message.proofOfKnowledge().verify(
            commitment.groupKey(), DkgTranscripts.proofContext(ctx, sender));
      } catch (InvalidProofException ex) {
        throw Checks.abort(ctx, ROUND, AbortReason.INVALID_PROOF, sender,
            "proof of knowledge of a_0 does not verify");
      }
      commitments.put(sender, commitment);
      digests.put(sender, DkgTranscripts.round1Digest(ctx, sender, message));
    }
    DkgMessage.Echo echo = new DkgMessage.Echo(digests);
    return new Next(new AwaitingEchoes(s.polynomial, commitments, digests),
        List.of(ctx.broadcast(Round2Echo.ROUND, echo)));
  }

  /**
   * Length and point checks before any maths. The codec already enforces them on the wire; they are
   * repeated here because a body can reach the party without the codec (in-process composition).
   */
  private static VssCommitment checkShape(
      DkgContext ctx, PartyId sender, DkgMessage.Commitment message) throws ProtocolAbort {
    List<Point> points = message.coefficients();
    // Reject a vector of length ≠ t: a longer one silently raises the threshold, a shorter one
    // lowers it, and an empty one would let every later check pass vacuously (ATTACKS.md, Pedersen
    // DKG threshold-raise; mpcsec wrong-length sequence).
    if (points.size() != ctx.threshold()) {
      throw Checks.abort(ctx, ROUND, AbortReason.WRONG_LENGTH, sender,
          "commitment has " + points.size() + " points, the threshold is " + ctx.threshold());
    }
    for (Point p : points) {
      // An identity entry has no encoding and commits to a zero coefficient (MALFORMED, as the
      // codec's strict point decoding reports it).
      if (p.group() != ctx.group() || p.isIdentity()) {
        throw Checks.abort(ctx, ROUND, AbortReason.MALFORMED, sender,
            "commitment entry is the identity or of another group");
      }
    }
    if (message.proofOfKnowledge().group() != ctx.group()) {
      throw Checks.abort(ctx, ROUND, AbortReason.MALFORMED, sender, "proof of another group");
    }
    return new VssCommitment(points);
  }
}
