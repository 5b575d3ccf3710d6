package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.ot.EndemicOtReceiver;
import dev.keyshard.crypto.ot.EndemicOtSender;
import dev.keyshard.crypto.ot.KosReceiverSetup;
import dev.keyshard.crypto.ot.KosSenderSetup;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import java.util.Arrays;
import java.util.SortedMap;

/**
 * Where one {@link Dkls23KeygenParty} stands in its DKLs23 additions (the embedded DKG keeps its own
 * state). Each state holds only what the next round needs; a transition replaces it and the party
 * destroys the state it leaves or aborts in.
 *
 * <h2>Security</h2>
 * The states hold base-OT secrets, OT setups, zero-share seeds and chain-code contributions; none
 * is printed.
 */
sealed interface KeygenState {

  /** Wipes what this state holds (best effort). */
  default void destroy() {}

  record NotStarted() implements KeygenState {}

  /** Our round-1 secrets towards one peer. */
  record Round1Peer(EndemicOtSender baseSender, EndemicOtReceiver baseReceiver, byte[] zeroSeed,
      byte[] zeroSalt) {
    @Override
    public String toString() {
      return "Round1Peer[redacted]";
    }
  }

  /** Round 1 sent; waiting for every round-1 broadcast and direct message. */
  final class AwaitingRound1 implements KeygenState {
    final byte[] chainCode;
    final byte[] chainCodeSalt;
    final byte[] chainCodeCommitment;
    final SortedMap<PartyId, Round1Peer> peers;

    AwaitingRound1(byte[] chainCode, byte[] chainCodeSalt, byte[] chainCodeCommitment,
        SortedMap<PartyId, Round1Peer> peers) {
      this.chainCode = chainCode;
      this.chainCodeSalt = chainCodeSalt;
      this.chainCodeCommitment = chainCodeCommitment;
      this.peers = peers;
    }

    @Override
    public void destroy() {
      Arrays.fill(chainCode, (byte) 0);
      peers.values().forEach(p -> Arrays.fill(p.zeroSeed(), (byte) 0));
    }

    @Override
    public String toString() {
      return "AwaitingRound1";
    }
  }

  /** Our state towards one peer once the base OTs are done. */
  record Round2Peer(KosSenderSetup asAlice, KosReceiverSetup asBob, byte[] zeroSeed,
      byte[] zeroSalt, byte[] theirZeroCommitment) {
    void destroy() {
      asAlice.destroy();
      asBob.destroy();
      Arrays.fill(zeroSeed, (byte) 0);
    }

    @Override
    public String toString() {
      return "Round2Peer[redacted]";
    }
  }

  /** Round 2 sent (our echo); waiting for every echo. */
  final class AwaitingRound2 implements KeygenState {
    final byte[] chainCode;
    final byte[] chainCodeSalt;
    final SortedMap<PartyId, byte[]> chainCodeCommitments;
    final byte[] chainCodeEcho;
    final SortedMap<PartyId, Round2Peer> peers;

    AwaitingRound2(byte[] chainCode, byte[] chainCodeSalt,
        SortedMap<PartyId, byte[]> chainCodeCommitments, byte[] chainCodeEcho,
        SortedMap<PartyId, Round2Peer> peers) {
      this.chainCode = chainCode;
      this.chainCodeSalt = chainCodeSalt;
      this.chainCodeCommitments = chainCodeCommitments;
      this.chainCodeEcho = chainCodeEcho;
      this.peers = peers;
    }

    @Override
    public void destroy() {
      Arrays.fill(chainCode, (byte) 0);
      peers.values().forEach(Round2Peer::destroy);
    }

    @Override
    public String toString() {
      return "AwaitingRound2";
    }
  }

  /** Round 3 sent (openings); waiting for every opening. */
  final class AwaitingRound3 implements KeygenState {
    final byte[] chainCode;
    final SortedMap<PartyId, byte[]> chainCodeCommitments;
    final SortedMap<PartyId, Round2Peer> peers;

    AwaitingRound3(byte[] chainCode, SortedMap<PartyId, byte[]> chainCodeCommitments,
        SortedMap<PartyId, Round2Peer> peers) {
      this.chainCode = chainCode;
      this.chainCodeCommitments = chainCodeCommitments;
      this.peers = peers;
    }

    @Override
    public void destroy() {
      peers.values().forEach(Round2Peer::destroy);
    }

    @Override
    public String toString() {
      return "AwaitingRound3";
    }
  }

  /** Round 4 sent (confirmation); the pairwise setups wait for every party's confirmation. */
  final class AwaitingRound4 implements KeygenState {
    final byte[] chainCode;
    final byte[] confirmation;
    final SortedMap<PartyId, PeerSetup> peers;

    AwaitingRound4(byte[] chainCode, byte[] confirmation, SortedMap<PartyId, PeerSetup> peers) {
      this.chainCode = chainCode;
      this.confirmation = confirmation;
      this.peers = peers;
    }

    @Override
    public void destroy() {
      peers.values().forEach(PeerSetup::destroy);
    }

    @Override
    public String toString() {
      return "AwaitingRound4";
    }
  }

  record Done(Dkls23KeyShare share) implements KeygenState {}

  record Aborted(ProtocolAbort cause) implements KeygenState {}
}
