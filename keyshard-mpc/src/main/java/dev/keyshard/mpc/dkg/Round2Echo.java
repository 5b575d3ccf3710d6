package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkg.DkgState.AwaitingEchoes;
import dev.keyshard.mpc.dkg.DkgState.AwaitingShares;
import dev.keyshard.mpc.dkg.DkgState.Next;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * DKG round 2 (broadcast): the echo. Each party broadcast the digests of every round-1 message as
 * it received them; here we compare each echo with our own digests, then deal the shares.
 *
 * <p>The FROST paper assumes a broadcast channel for round 1; over a relay a sender can equivocate,
 * showing different commitments to different parties, who would then derive different keys. The
 * echo turns that into an abort naming the equivocator (ATTACKS.md, ToB DKLs23 broadcast
 * consistency; ZF frost leaves this to the caller, STYLE.md §3). Shares go out only after the
 * echo passed, so no secret share is dealt against a commitment others did not see.
 *
 * <p>Stateless.
 */
final class Round2Echo {
  static final int ROUND = 2;

  private Round2Echo() {}

  /**
   * Compares every echo with our digests; on success evaluates the polynomial at every other
   * party's id (FROST KeyGen round 2, step 1) and destroys it.
   *
   * @param inbox exactly one echo from each other party
   * @return the round-3 shares, one point-to-point envelope per other party
   * @throws ProtocolAbort {@code WRONG_LENGTH} naming the echoer when its echo does not cover
   *     exactly the committee; {@code ECHO_MISMATCH} naming the echoer and the round-1 sender
   *     whose digest differs (not us: we know what we sent)
   */
  static Next run(DkgContext ctx, AwaitingEchoes s, Map<PartyId, DkgMessage.Echo> inbox)
      throws ProtocolAbort {
    Checks.requireSenders(ctx, ROUND, inbox.keySet());
    for (Map.Entry<PartyId, DkgMessage.Echo> e : new TreeMap<>(inbox).entrySet()) {
      PartyId echoer = e.getKey();
      DkgMessage.Echo echo = e.getValue();
      // An echo must cover exactly the committee: a missing entry must not pass vacuously.
      if (!echo.digests().keySet().equals(ctx.committee().parties())) {
        throw Checks.abort(ctx, ROUND, AbortReason.WRONG_LENGTH, echoer,
            "echo covers " + echo.digests().keySet() + ", not the committee");
      }
      for (Map.Entry<PartyId, byte[]> mine : s.digests.entrySet()) {
        PartyId sender = mine.getKey();
        if (!MessageDigest.isEqual(mine.getValue(), echo.digest(sender))) {
          // Either the sender showed the echoer another round-1 message, or the echoer lies.
          TreeSet<PartyId> culprits = new TreeSet<>(List.of(echoer, sender));
          culprits.remove(ctx.self());
          throw Checks.abort(ctx, ROUND, AbortReason.ECHO_MISMATCH, culprits,
              "echo of " + sender + "'s round-1 message differs");
        }
      }
    }
    // Round 2, step 1: "Each P_i securely sends to each other participant P_ℓ a secret share
    // (ℓ, f_i(ℓ)), deleting f_i and each share afterward except for (i, f_i(i))".
    List<Envelope<DkgMessage>> out = new ArrayList<>(ctx.committee().size() - 1);
    for (PartyId other : ctx.others()) {
      SecretScalar share = s.polynomial.evaluate(other.toScalar(ctx.group()));
      out.add(ctx.send(Round3Shares.ROUND, other, new DkgMessage.Share(share)));
    }
    SecretScalar own = s.polynomial.evaluate(ctx.self().toScalar(ctx.group()));
    s.polynomial.destroy();
    return new Next(new AwaitingShares(own, s.commitments, s.digests), out);
  }
}
