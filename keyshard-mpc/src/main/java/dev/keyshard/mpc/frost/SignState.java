package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.RoundInbox;

/**
 * The states of a {@link FrostSignParty}. Each holds only what the next step needs, and a
 * transition replaces it: the signing share and nonces live only until round two, the signing
 * package only until aggregation.
 */
sealed interface SignState permits SignState.Ready, SignState.AwaitingCommitments,
    SignState.AwaitingShares, SignState.Done, SignState.Aborted {

  /** Constructed; holds the (normalised) signing share copy until round 1. */
  final class Ready implements SignState {
    final SecretScalar share;

    Ready(SecretScalar share) {
      this.share = share;
    }
  }

  /** Round 1 sent; waiting for the other signers' commitments. */
  final class AwaitingCommitments implements SignState {
    final SecretScalar share;
    final SigningNonces nonces;
    final RoundInbox<FrostSignMessage.Commitments> inbox;

    AwaitingCommitments(SecretScalar share, SigningNonces nonces,
        RoundInbox<FrostSignMessage.Commitments> inbox) {
      this.share = share;
      this.nonces = nonces;
      this.inbox = inbox;
    }
  }

  /** Round 2 sent; nonces and share destroyed; waiting for the other signers' shares. */
  final class AwaitingShares implements SignState {
    final SigningPackage pkg;
    final SignatureShare own;
    final byte[] viewDigest;
    final RoundInbox<FrostSignMessage.Commitments> commitments;
    final RoundInbox<FrostSignMessage.Share> shares;

    AwaitingShares(SigningPackage pkg, SignatureShare own,
        RoundInbox<FrostSignMessage.Commitments> commitments,
        RoundInbox<FrostSignMessage.Share> shares) {
      this.pkg = pkg;
      this.own = own;
      this.viewDigest = pkg.viewDigest();
      this.commitments = commitments;
      this.shares = shares;
    }
  }

  final class Done implements SignState {
    final Signature signature;

    Done(Signature signature) {
      this.signature = signature;
    }
  }

  final class Aborted implements SignState {
    final ProtocolAbort cause;

    Aborted(ProtocolAbort cause) {
      this.cause = cause;
    }
  }
}
