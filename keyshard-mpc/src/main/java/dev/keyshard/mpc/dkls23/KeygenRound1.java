package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.ot.BaseOtReceiverOutput;
import dev.keyshard.crypto.ot.BaseOtSenderOutput;
import dev.keyshard.crypto.ot.EndemicOtReceiver;
import dev.keyshard.crypto.ot.EndemicOtSender;
import dev.keyshard.crypto.ot.KosReceiverSetup;
import dev.keyshard.crypto.ot.KosSenderSetup;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound1;
import dev.keyshard.mpc.dkls23.KeygenState.AwaitingRound2;
import dev.keyshard.mpc.dkls23.KeygenState.Round1Peer;
import dev.keyshard.mpc.dkls23.KeygenState.Round2Peer;
import java.security.SecureRandom;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKLs23 key generation, round 1 (beside the DKG's round 1): the pairwise setup of DKLs23
 * Protocol 3.6 "Init" that the DKG does not do.
 * <ul>
 *   <li>the chain-code contribution, committed (broadcast; opened in round 3);
 *   <li>for every peer j, both base-OT batches of F_RVOLE's setup (Protocol 5.2 "Setup"): as
 *       base-OT sender for the pair (j → i) where j is Alice, and as base-OT receiver, choosing Δ,
 *       for the pair (i → j) where i is Alice. Endemic OT has one flight each way and the sender's
 *       flight does not depend on the receiver's, so both go out now;
 *   <li>for every peer j, a commitment to our zero-share seed for the pair (F_Zero setup,
 *       Functionality 3.4; opened in round 3).
 * </ul>
 * When all round-1 messages are in, {@link #finish} completes both base-OT batches per peer and
 * echoes the chain-code commitments.
 *
 * <p>Stateless.
 */
final class KeygenRound1 {
  static final int ROUND = 1;
  static final String ZERO_SEED = "zero-seed";

  private KeygenRound1() {}

  /** Our round-1 additions: the state, the chain-code commitment and one direct body per peer. */
  record Start(AwaitingRound1 state, byte[] chainCodeCommitment,
      Map<PartyId, Dkls23KeygenMessage.Round1Direct> direct) {}

  static Start start(KeygenContext ctx, SecureRandom rng) {
    byte[] chainCode = new byte[ChainCode.LENGTH];
    rng.nextBytes(chainCode);
    byte[] ccSalt = HashCommitment.salt(rng);
    byte[] ccCommitment = HashCommitment.commit(ChainCode.PURPOSE, ctx.binding, ctx.self, null,
        chainCode, ccSalt);
    SortedMap<PartyId, Round1Peer> peers = new TreeMap<>();
    Map<PartyId, Dkls23KeygenMessage.Round1Direct> direct = new TreeMap<>();
    for (PartyId j : ctx.others) {
      // Pair (j → i): j is Alice, we are Bob and so the base-OT sender.
      EndemicOtSender sender =
          EndemicOtSender.start(ctx.baseOt(j, ctx.self), Dkls23Parameters.BASE_OTS, rng);
      // Pair (i → j): we are Alice and so the base-OT receiver; our choice bits become Δ.
      EndemicOtReceiver receiver =
          EndemicOtReceiver.start(ctx.baseOt(ctx.self, j), Dkls23Parameters.BASE_OTS, rng);
      byte[] seed = new byte[ZeroShares.SEED_LENGTH];
      rng.nextBytes(seed);
      byte[] salt = HashCommitment.salt(rng);
      byte[] commitment = HashCommitment.commit(ZERO_SEED, ctx.binding, ctx.self, j, seed, salt);
      peers.put(j, new Round1Peer(sender, receiver, seed, salt));
      direct.put(j, new Dkls23KeygenMessage.Round1Direct(sender.message(), receiver.message(),
          commitment));
    }
    return new Start(new AwaitingRound1(chainCode, ccSalt, ccCommitment, peers), ccCommitment,
        direct);
  }

  /**
   * Completes every base-OT batch and echoes the chain-code commitments.
   *
   * @throws ProtocolAbort {@code MALFORMED} or {@code WRONG_LENGTH} naming the peer whose base-OT
   *     message is unusable
   */
  static AwaitingRound2 finish(KeygenContext ctx, AwaitingRound1 s,
      Map<PartyId, Dkls23KeygenMessage.Round1Broadcast> broadcasts,
      Map<PartyId, Dkls23KeygenMessage.Round1Direct> direct) throws ProtocolAbort {
    SortedMap<PartyId, byte[]> commitments = new TreeMap<>();
    commitments.put(ctx.self, s.chainCodeCommitment);
    broadcasts.forEach((id, b) -> commitments.put(id, b.chainCodeCommitment()));
    SortedMap<PartyId, Round2Peer> peers = new TreeMap<>();
    for (Map.Entry<PartyId, Round1Peer> e : s.peers.entrySet()) {
      PartyId j = e.getKey();
      Round1Peer mine = e.getValue();
      Dkls23KeygenMessage.Round1Direct theirs = direct.get(j);
      BaseOtSenderOutput keys;
      try {
        keys = mine.baseSender().finish(theirs.asReceiver());
      } catch (OtException ex) {
        peers.values().forEach(Round2Peer::destroy);
        throw ctx.abort(ROUND, ex.reason() == OtException.Reason.WRONG_LENGTH
            ? AbortReason.WRONG_LENGTH : AbortReason.MALFORMED, j, "base OT: " + ex.getMessage());
      }
      KosReceiverSetup asBob = KosReceiverSetup.from(keys);
      keys.destroy();
      BaseOtReceiverOutput received = mine.baseReceiver().finish(theirs.asSender());
      KosSenderSetup asAlice = KosSenderSetup.from(received);
      received.destroy();
      peers.put(j, new Round2Peer(asAlice, asBob, mine.zeroSeed(), mine.zeroSalt(),
          theirs.zeroSeedCommitment()));
    }
    return new AwaitingRound2(s.chainCode, s.chainCodeSalt, commitments,
        echo(ctx, commitments), peers);
  }

  /** The digest of every party's chain-code commitment, in id order (our own included). */
  static byte[] echo(KeygenContext ctx, SortedMap<PartyId, byte[]> commitments) {
    Transcript t = Transcript.of(KeygenContext.DOMAIN).append("purpose", "chain-code-echo")
        .append("binding", ctx.binding);
    commitments.forEach((id, c) -> t.appendInt("party", id.value()).append("commitment", c));
    return t.digest();
  }

}
