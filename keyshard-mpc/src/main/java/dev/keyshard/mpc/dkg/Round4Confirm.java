package dev.keyshard.mpc.dkg;

import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkg.DkgState.AwaitingConfirmations;
import dev.keyshard.mpc.dkg.DkgState.Done;
import dev.keyshard.mpc.dkg.DkgState.Next;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DKG round 4 (broadcast): the confirm round. Every party compares each confirmation digest with
 * its own view of (committee, group key, verifying shares); only when all match does any party
 * release its key share. So no party persists a key that another party does not hold (ATTACKS.md,
 * ToB DKLs23: keygen ends with a confirm round; Vultisig ios#229 / android#1857).
 *
 * <p>Stateless.
 */
final class Round4Confirm {
  static final int ROUND = 4;

  private Round4Confirm() {}

  /**
   * @param inbox exactly one confirmation from each other party
   * @return the terminal state holding the result; no messages
   * @throws ProtocolAbort {@code CONFIRMATION_MISMATCH} naming the first party (in id order) whose
   *     confirmation differs from ours
   */
  static Next run(DkgContext ctx, AwaitingConfirmations s,
      Map<PartyId, DkgMessage.Confirmation> inbox) throws ProtocolAbort {
    Checks.requireSenders(ctx, ROUND, inbox.keySet());
    for (Map.Entry<PartyId, DkgMessage.Confirmation> e : new TreeMap<>(inbox).entrySet()) {
      if (!MessageDigest.isEqual(e.getValue().digest(), s.confirmation)) {
        throw Checks.abort(ctx, ROUND, AbortReason.CONFIRMATION_MISMATCH, e.getKey(),
            "confirmed a different group key or verifying shares");
      }
    }
    byte[] transcript = DkgTranscripts.sessionHash(ctx, s.digests, s.confirmation);
    return new Next(
        new Done(new DkgResult(s.keyShare, s.groupCommitment, transcript)), List.of());
  }
}
