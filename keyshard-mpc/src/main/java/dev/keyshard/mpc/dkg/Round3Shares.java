package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.vss.VssCommitment;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkg.DkgState.AwaitingConfirmations;
import dev.keyshard.mpc.dkg.DkgState.AwaitingShares;
import dev.keyshard.mpc.dkg.DkgState.Next;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKG round 3 (point-to-point): receive the shares f_ℓ(i), check them against the senders'
 * commitments, and compute the signing share, the group key and every verifying share (FROST
 * KeyGen round 2, steps 2–4; ZF {@code frost-core::keys::dkg::part3}). Then broadcast the
 * confirmation digest of that public result; the key share stays withheld until round 4.
 *
 * <p>Share check, fast path: with PK_i = Σ_m (Σ_ℓ C_ℓ,m)·i^m, one comparison s_i·G = PK_i checks
 * all shares at once (it is the sum of the per-sender checks). Only when it fails is each sender
 * checked alone, to name the culprit.
 *
 * <p>Stateless.
 */
final class Round3Shares {
  static final int ROUND = 3;

  private Round3Shares() {}

  /**
   * @param inbox exactly one share from each other party, addressed to us
   * @return the round-4 confirmation broadcast
   * @throws ProtocolAbort {@code INVALID_SHARE} naming the first sender (in id order) whose share
   *     does not match its commitment; {@code MALFORMED} for a share of another group;
   *     {@code INVALID_COMMITMENT} naming every other party when the summed commitment holds the
   *     identity (a zero group key or a lowered threshold) or a verifying share is the identity
   */
  static Next run(DkgContext ctx, AwaitingShares s, Map<PartyId, DkgMessage.Share> inbox)
      throws ProtocolAbort {
    Checks.requireSenders(ctx, ROUND, inbox.keySet());
    SortedMap<PartyId, DkgMessage.Share> shares = new TreeMap<>(inbox);
    for (Map.Entry<PartyId, DkgMessage.Share> e : shares.entrySet()) {
      if (e.getValue().value().group() != ctx.group()) {
        throw Checks.abort(ctx, ROUND, AbortReason.MALFORMED, e.getKey(), "share of another group");
      }
    }
    // The group commitment: sum the commitment vectors first, then evaluate once per party.
    List<List<Point>> vectors = new ArrayList<>();
    s.commitments.values().forEach(c -> vectors.add(c.coefficients()));
    List<Point> summed = VerifyingShares.sum(vectors, ctx.threshold());
    for (Point p : summed) {
      // C_0 = identity is a zero group key; a zero top entry silently lowers the threshold. With
      // one honest party any identity entry is negligible, so it means collusion: refuse them all.
      if (p.isIdentity()) {
        throw Checks.abort(ctx, ROUND, AbortReason.INVALID_COMMITMENT, ctx.others(),
            "the summed commitment holds the identity");
      }
    }
    // Round 2, step 4: "Each P_i calculates their public verification share Y_i = g^s_i", and
    // everyone else's as Y_j = Σ_m (Σ_ℓ φ_ℓm)·j^m.
    SortedMap<PartyId, Point> verifying = new TreeMap<>();
    for (PartyId id : ctx.committee().parties()) {
      Point y = VerifyingShares.evaluate(summed, id);
      if (y.isIdentity()) {
        throw Checks.abort(ctx, ROUND, AbortReason.INVALID_COMMITMENT, ctx.others(),
            "the verifying share of " + id + " is the identity");
      }
      verifying.put(id, y);
    }
    KeyShare keyShare = signingShare(ctx, s, shares, verifying, summed.get(0));
    s.ownShare.destroy();
    byte[] confirmation = DkgTranscripts.confirmation(ctx, summed.get(0), verifying);
    return new Next(
        new AwaitingConfirmations(keyShare, new VssCommitment(summed), confirmation, s.digests),
        List.of(ctx.broadcast(Round4Confirm.ROUND, new DkgMessage.Confirmation(confirmation))));
  }

  /** Round 2, steps 2–3: s_i = Σ_ℓ f_ℓ(i), checked against Y_i; blames a sender on failure. */
  private static KeyShare signingShare(DkgContext ctx, AwaitingShares s,
      SortedMap<PartyId, DkgMessage.Share> shares, SortedMap<PartyId, Point> verifying,
      Point groupKey) throws ProtocolAbort {
    SecretScalar sum = s.ownShare.copy();
    try {
      for (DkgMessage.Share share : shares.values()) {
        SecretScalar next = sum.add(share.value());
        sum.destroy();
        sum = next;
      }
      if (!sum.publicPoint().equals(verifying.get(ctx.self()))) {
        throw blame(ctx, s, shares);
      }
      PublicKeyPackage publicKeys =
          new PublicKeyPackage(ctx.group(), ctx.committee(), groupKey, verifying);
      KeyShare keyShare = new KeyShare(ctx.self(), sum, publicKeys);
      sum = null; // owned by keyShare now
      return keyShare;
    } finally {
      if (sum != null) {
        sum.destroy();
      }
    }
  }

  /**
   * Round 2, step 2, per sender: "g^f_ℓ(i) ≟ Π_k φ_ℓk^(i^k)", in id order. Our own share is
   * consistent by construction, so some other sender must fail.
   */
  private static ProtocolAbort blame(
      DkgContext ctx, AwaitingShares s, SortedMap<PartyId, DkgMessage.Share> shares) {
    for (Map.Entry<PartyId, DkgMessage.Share> e : shares.entrySet()) {
      PartyId sender = e.getKey();
      Point expected =
          VerifyingShares.evaluate(s.commitments.get(sender).coefficients(), ctx.self());
      if (!e.getValue().value().publicPoint().equals(expected)) {
        return Checks.abort(ctx, ROUND, AbortReason.INVALID_SHARE, sender,
            "share does not match the sender's commitment");
      }
    }
    throw new KeyshardBug("every DKG share verified but their sum does not");
  }
}
