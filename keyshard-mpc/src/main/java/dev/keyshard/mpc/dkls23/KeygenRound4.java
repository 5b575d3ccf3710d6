package dev.keyshard.mpc.dkls23;

import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkg.DkgResult;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound4;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * DKLs23 key generation, round 4 (beside the DKG's confirm round): every party confirmed the same
 * (group key, verifying shares, chain code); only then is the key share released (ATTACKS.md, ToB
 * DKLs23 row: keygen ends with a confirm round).
 *
 * <p>Stateless.
 */
final class KeygenRound4 {
  static final int ROUND = 4;

  private KeygenRound4() {}

  /**
   * @param dkg the DKG's confirmed result
   * @throws ProtocolAbort {@code CONFIRMATION_MISMATCH} naming the first party (in id order) whose
   *     confirmation differs from ours
   */
  static Dkls23KeyShare run(KeygenContext ctx, AwaitingRound4 s,
      Map<PartyId, Dkls23KeygenMessage.Round4Broadcast> inbox, DkgResult dkg)
      throws ProtocolAbort {
    for (Map.Entry<PartyId, Dkls23KeygenMessage.Round4Broadcast> e : new TreeMap<>(inbox)
        .entrySet()) {
      if (!MessageDigest.isEqual(e.getValue().confirmation(), s.confirmation)) {
        throw ctx.abort(ROUND, AbortReason.CONFIRMATION_MISMATCH, e.getKey(),
            "confirmed a different key or chain code");
      }
    }
    return new Dkls23KeyShare(dkg.keyShare(), dkg.transcriptHash(), s.chainCode, s.peers);
  }
}
