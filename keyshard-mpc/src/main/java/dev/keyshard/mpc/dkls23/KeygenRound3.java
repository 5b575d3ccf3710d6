package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound3;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound4;
import dev.keyshard.mpc.dkls23.KeygenState.Round2Peer;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKLs23 key generation, round 3 (beside the DKG's shares): check every opening against its
 * round-1 commitment, derive the chain code (coin flip over all contributions) and each pair's
 * zero-share seed s_ij = seed_i ⊕ seed_j (F_Zero setup, DKLs23 Functionality 3.4), then confirm
 * (DKG result, chain code) in round 4.
 *
 * <p>Stateless.
 */
final class KeygenRound3 {
  static final int ROUND = 3;

  private KeygenRound3() {}

  /**
   * @param dkgConfirmation the DKG's own round-4 confirmation digest (group key and verifying
   *     shares as we computed them)
   * @throws ProtocolAbort {@code INVALID_COMMITMENT} naming the first peer (in id order) whose
   *     chain-code contribution or zero-share seed does not open its commitment
   */
  static AwaitingRound4 run(KeygenContext ctx, AwaitingRound3 s,
      Map<PartyId, Dkls23KeygenMessage.Round3Direct> inbox, byte[] dkgConfirmation)
      throws ProtocolAbort {
    SortedMap<PartyId, byte[]> contributions = new TreeMap<>();
    contributions.put(ctx.self, s.chainCode);
    for (Map.Entry<PartyId, Dkls23KeygenMessage.Round3Direct> e : new TreeMap<>(inbox)
        .entrySet()) {
      PartyId j = e.getKey();
      Dkls23KeygenMessage.Round3Direct m = e.getValue();
      HashCommitment.verifyOpening(KeygenContext.PROTOCOL, ROUND, ChainCode.PURPOSE, ctx.binding,
          j, null, s.chainCodeCommitments.get(j), m.chainCode(), m.chainCodeSalt());
      // The seed was committed for us (recipient bound): a seed opened to another party, or
      // copied from our own commitment, does not open here.
      HashCommitment.verifyOpening(KeygenContext.PROTOCOL, ROUND, KeygenRound1.ZERO_SEED,
          ctx.binding, j, ctx.self, s.peers.get(j).theirZeroCommitment(), m.zeroSeed(),
          m.zeroSeedSalt());
      contributions.put(j, m.chainCode());
    }
    byte[] chainCode = ChainCode.combine(ctx.binding, contributions);
    SortedMap<PartyId, PeerSetup> peers = new TreeMap<>();
    for (Map.Entry<PartyId, Round2Peer> e : s.peers.entrySet()) {
      Round2Peer p = e.getValue();
      byte[] theirs = inbox.get(e.getKey()).zeroSeed();
      byte[] pairSeed = ZeroShares.pairSeed(p.zeroSeed(), theirs);
      java.util.Arrays.fill(theirs, (byte) 0);
      java.util.Arrays.fill(p.zeroSeed(), (byte) 0);
      peers.put(e.getKey(), new PeerSetup(pairSeed, p.asAlice(), p.asBob()));
    }
    return new AwaitingRound4(chainCode, confirmation(ctx, dkgConfirmation, chainCode), peers);
  }

  /** H(binding, DKG confirmation, chain code): what every party must agree on. */
  static byte[] confirmation(KeygenContext ctx, byte[] dkgConfirmation, byte[] chainCode) {
    return Transcript.of(KeygenContext.DOMAIN).append("purpose", "confirmation")
        .append("binding", ctx.binding)
        .append("dkg-confirmation", dkgConfirmation)
        .append("chain-code", chainCode)
        .digest();
  }
}
