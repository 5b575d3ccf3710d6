package dev.keyshard.mpc.dkls23;

import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound2;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound3;
import java.security.MessageDigest;
import java.util.Map;
import java.util.TreeMap;

/**
 * DKLs23 key generation, round 2 (beside the DKG's echo): every party echoed the digest of the
 * chain-code commitments it received. Only when every echo matches ours are the contributions and
 * the zero-share seeds opened (round 3), so no party can pick its contribution after seeing another
 * one and nobody was shown a different commitment (ATTACKS.md, ToB DKLs23 broadcast consistency).
 *
 * <p>Stateless.
 */
final class KeygenRound2 {
  static final int ROUND = 2;

  private KeygenRound2() {}

  /** Our round-3 additions: the state, and per peer the openings to send. */
  record Next(AwaitingRound3 state, Map<PartyId, Openings> openings) {}

  /** What we open to one peer in round 3. */
  record Openings(byte[] chainCode, byte[] chainCodeSalt, byte[] zeroSeed, byte[] zeroSalt) {}

  /**
   * @throws ProtocolAbort {@code ECHO_MISMATCH} when an echo differs from ours; the echoer or any
   *     committer may have lied, so the abort is not identifiable and names the other parties as
   *     suspects
   */
  static Next run(KeygenContext ctx, AwaitingRound2 s,
      Map<PartyId, Dkls23KeygenMessage.Round2Broadcast> inbox) throws ProtocolAbort {
    for (Map.Entry<PartyId, Dkls23KeygenMessage.Round2Broadcast> e : new TreeMap<>(inbox)
        .entrySet()) {
      if (!MessageDigest.isEqual(e.getValue().chainCodeEcho(), s.chainCodeEcho)) {
        throw ProtocolAbort.unidentified(KeygenContext.PROTOCOL, ROUND, AbortReason.ECHO_MISMATCH,
            ctx.others, e.getKey() + " saw other chain-code commitments than we did");
      }
    }
    Map<PartyId, Openings> openings = new TreeMap<>();
    s.peers.forEach((j, p) -> openings.put(j,
        new Openings(s.chainCode, s.chainCodeSalt, p.zeroSeed(), p.zeroSalt())));
    return new Next(new AwaitingRound3(s.chainCode, s.chainCodeCommitments, s.peers), openings);
  }
}
