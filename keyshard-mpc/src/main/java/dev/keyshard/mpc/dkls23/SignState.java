package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import java.util.SortedMap;

/**
 * Where one {@link Dkls23SignParty} stands. Each state holds only what the next round needs and is
 * replaced by the transition; the party destroys the state it aborts in.
 *
 * <h2>Security</h2>
 * The states hold the instance key r_i, the inversion mask φ_i, sk_i and the VOLE secrets: never
 * printed, destroyed after round 3 or on abort. They are single-use: a session never restarts.
 */
sealed interface SignState {

  default void destroy() {}

  /** Constructed; nothing sampled yet. */
  record Ready() implements SignState {}

  /** Round 1 sent (commitment, Bob's extensions). */
  final class AwaitingRound1 implements SignState {
    final SecretScalar r;
    final SecretScalar phi;
    final SecretScalar sk;
    final Point nonce;
    final Point publicShare;
    final byte[] salt;
    final byte[] commitment;
    /** Our Bob side of VOLE(Alice = j, Bob = us), per peer j. */
    final SortedMap<PartyId, RvoleBob> asBob;

    AwaitingRound1(SecretScalar r, SecretScalar phi, SecretScalar sk, Point nonce,
        Point publicShare, byte[] salt, byte[] commitment, SortedMap<PartyId, RvoleBob> asBob) {
      this.r = r;
      this.phi = phi;
      this.sk = sk;
      this.nonce = nonce;
      this.publicShare = publicShare;
      this.salt = salt;
      this.commitment = commitment;
      this.asBob = asBob;
    }

    @Override
    public void destroy() {
      r.destroy();
      phi.destroy();
      sk.destroy();
      asBob.values().forEach(RvoleBob::destroy);
    }

    @Override
    public String toString() {
      return "AwaitingRound1";
    }
  }

  /** Our Alice outputs of VOLE(Alice = us, Bob = j): c^u and c^v (secret). */
  record AliceOutputs(Scalar cu, Scalar cv) {
    void destroy() {
      cu.destroy();
      cv.destroy();
    }

    @Override
    public String toString() {
      return "AliceOutputs[redacted]";
    }
  }

  /** Round 2 sent (reveals, Alice's transfers). */
  final class AwaitingRound2 implements SignState {
    final SecretScalar r;
    final SecretScalar phi;
    final SecretScalar sk;
    final Point nonce;
    final Point publicShare;
    final SortedMap<PartyId, byte[]> commitments;
    final byte[] echo;
    final SortedMap<PartyId, AliceOutputs> asAlice;
    final SortedMap<PartyId, RvoleBob> asBob;

    AwaitingRound2(AwaitingRound1 s, SortedMap<PartyId, byte[]> commitments, byte[] echo,
        SortedMap<PartyId, AliceOutputs> asAlice) {
      this.r = s.r;
      this.phi = s.phi;
      this.sk = s.sk;
      this.nonce = s.nonce;
      this.publicShare = s.publicShare;
      this.asBob = s.asBob;
      this.commitments = commitments;
      this.echo = echo;
      this.asAlice = asAlice;
    }

    @Override
    public void destroy() {
      r.destroy();
      phi.destroy();
      sk.destroy();
      asBob.values().forEach(RvoleBob::destroy);
      asAlice.values().forEach(AliceOutputs::destroy);
    }

    @Override
    public String toString() {
      return "AwaitingRound2";
    }
  }

  /** Round 3 sent (our u_i, w_i); every secret is gone. */
  final class AwaitingRound3 implements SignState {
    final Point bigR;
    final Scalar rx;
    final int recoveryId;
    final Scalar u;
    final Scalar w;

    AwaitingRound3(Point bigR, Scalar rx, int recoveryId, Scalar u, Scalar w) {
      this.bigR = bigR;
      this.rx = rx;
      this.recoveryId = recoveryId;
      this.u = u;
      this.w = w;
    }

    @Override
    public String toString() {
      return "AwaitingRound3";
    }
  }

  record Done(EcdsaSignature signature) implements SignState {}

  /** Terminal: {@code cause} is the {@link ProtocolAbort}, or the RuntimeException of a local failure. */
  record Aborted(Exception cause) implements SignState {}
}
