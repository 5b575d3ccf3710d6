package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.PartyId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every hash the DKG computes, in one place so their domain separation can be audited together.
 * All are {@link Transcript}s (length-prefixed items) under the domain tag
 * {@value DkgContext#DOMAIN} that start with the same binding (session id, protocol, group name,
 * threshold, committee ids; see {@link DkgContext#transcript}) and then name their purpose. So
 * nothing computed in one session, protocol, group, committee or purpose matches another
 * (ATTACKS.md, tss-lib proof replay and TSSHOCK ambiguous encoding).
 *
 * <p>Stateless.
 */
final class DkgTranscripts {
  static final String PROOF = "proof-of-knowledge";
  static final String ROUND1 = "round1-digest";
  static final String CONFIRM = "confirmation";
  static final String SESSION = "session-transcript";

  private DkgTranscripts() {}

  /**
   * The context of {@code prover}'s proof of knowledge of a_0. Binding the prover's id stops a
   * proof (or a whole commitment) copied from another party from verifying (the rogue-key attack
   * FROST's proof exists to stop); binding the session stops replay from an earlier session.
   */
  static Transcript proofContext(DkgContext ctx, PartyId prover) {
    return ctx.transcript(PROOF).appendInt("round", 1).appendInt("prover", prover.value());
  }

  /** The digest of {@code sender}'s round-1 message as received, for the echo round. */
  static byte[] round1Digest(DkgContext ctx, PartyId sender, DkgMessage.Commitment message) {
    Transcript t = ctx.transcript(ROUND1).appendInt("sender", sender.value())
        .appendInt("count", message.coefficients().size());
    for (Point c : message.coefficients()) {
      t.appendPoint("coefficient", c);
    }
    return t.append("proof", message.proofOfKnowledge().encode()).digest();
  }

  /** The confirmation digest: this party's view of the public result. */
  static byte[] confirmation(DkgContext ctx, Point groupKey, Map<PartyId, Point> verifyingShares) {
    // The committee (bound below) fixes the key set, so iterating it covers every share in order.
    List<Point> points = new ArrayList<>();
    points.add(groupKey);
    for (PartyId id : ctx.committee().parties()) {
      points.add(verifyingShares.get(id));
    }
    // Fresh sums, none the identity (Round3Shares checked): one inversion encodes them all, and
    // each item is exactly what appendPoint would append.
    Iterator<byte[]> enc = ctx.group().encodeAll(points).iterator();
    Transcript t = ctx.transcript(CONFIRM).append("group-key", enc.next());
    for (PartyId id : ctx.committee().parties()) {
      t.appendInt("party", id.value()).append("verifying-share", enc.next());
    }
    return t.digest();
  }

  /**
   * The session transcript hash handed to later protocols: it binds the context, every party's
   * round-1 digest (equal everywhere once the echo round passed) and the confirmed result.
   */
  static byte[] sessionHash(DkgContext ctx, Map<PartyId, byte[]> round1Digests, byte[] confirmed) {
    Transcript t = ctx.transcript(SESSION);
    for (PartyId id : ctx.committee().parties()) {
      t.appendInt("party", id.value()).append("round1", round1Digests.get(id));
    }
    return t.append("confirmation", confirmed).digest();
  }
}
