package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.vss.Polynomial;
import dev.keyshard.crypto.vss.VssCommitment;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.keys.KeyShare;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where one {@link DkgParty} stands. Each state holds only what the next round needs and is
 * replaced, never mutated, by the transition; a state holding a secret destroys it in
 * {@link #destroy()}, which the party calls when it aborts or moves past it.
 *
 * <h2>Security</h2>
 * The secret states (polynomial, own share, key share) never leave the party and print nothing
 * secret.
 */
sealed interface DkgState {

  /** Wipes whatever secret this state holds (best effort). Public states hold none. */
  default void destroy() {}

  /** The outcome of one round: the next state and the messages to send. */
  record Next(DkgState state, List<Envelope<DkgMessage>> out) {
    public Next {
      out = List.copyOf(out);
    }
  }

  /** Before {@link DkgParty#start()}. */
  record NotStarted() implements DkgState {}

  /** Round 1 sent; waiting for every other party's commitment and proof. */
  final class AwaitingCommitments implements DkgState {
    final Polynomial polynomial;
    final DkgMessage.Commitment own;

    AwaitingCommitments(Polynomial polynomial, DkgMessage.Commitment own) {
      this.polynomial = polynomial;
      this.own = own;
    }

    @Override
    public void destroy() {
      polynomial.destroy();
    }

    @Override
    public String toString() {
      return "AwaitingCommitments";
    }
  }

  /** Round 2 sent; every commitment and proof verified; waiting for every echo. */
  final class AwaitingEchoes implements DkgState {
    final Polynomial polynomial;
    /** Every party's verified commitment vector, this party's included. */
    final SortedMap<PartyId, VssCommitment> commitments;
    /** Every party's round-1 digest as this party received it, its own included. */
    final SortedMap<PartyId, byte[]> digests;

    AwaitingEchoes(Polynomial polynomial, Map<PartyId, VssCommitment> commitments,
        Map<PartyId, byte[]> digests) {
      this.polynomial = polynomial;
      this.commitments = Collections.unmodifiableSortedMap(new TreeMap<>(commitments));
      this.digests = Collections.unmodifiableSortedMap(new TreeMap<>(digests));
    }

    @Override
    public void destroy() {
      polynomial.destroy();
    }

    @Override
    public String toString() {
      return "AwaitingEchoes";
    }
  }

  /** Round 3 sent (the polynomial is gone); waiting for every share addressed to this party. */
  final class AwaitingShares implements DkgState {
    /** f_i(i): this party's share of its own polynomial. */
    final SecretScalar ownShare;
    final SortedMap<PartyId, VssCommitment> commitments;
    final SortedMap<PartyId, byte[]> digests;

    AwaitingShares(SecretScalar ownShare, SortedMap<PartyId, VssCommitment> commitments,
        SortedMap<PartyId, byte[]> digests) {
      this.ownShare = ownShare;
      this.commitments = commitments;
      this.digests = digests;
    }

    @Override
    public void destroy() {
      ownShare.destroy();
    }

    @Override
    public String toString() {
      return "AwaitingShares";
    }
  }

  /** Round 4 sent; the key share is computed but withheld until every party confirms it. */
  final class AwaitingConfirmations implements DkgState {
    final KeyShare keyShare;
    final VssCommitment groupCommitment;
    final byte[] confirmation;
    final SortedMap<PartyId, byte[]> digests;

    AwaitingConfirmations(KeyShare keyShare, VssCommitment groupCommitment, byte[] confirmation,
        SortedMap<PartyId, byte[]> digests) {
      this.keyShare = keyShare;
      this.groupCommitment = groupCommitment;
      this.confirmation = confirmation;
      this.digests = digests;
    }

    @Override
    public void destroy() {
      keyShare.destroy();
    }

    @Override
    public String toString() {
      return "AwaitingConfirmations";
    }
  }

  /** Every party confirmed the same result. */
  final class Done implements DkgState {
    final DkgResult result;

    Done(DkgResult result) {
      this.result = result;
    }

    @Override
    public String toString() {
      return "Done";
    }
  }

  /** Terminal after a {@link ProtocolAbort}: every secret was destroyed. */
  record Aborted(ProtocolAbort cause) implements DkgState {}
}
