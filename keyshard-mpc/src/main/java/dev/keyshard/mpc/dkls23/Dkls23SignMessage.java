package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.ot.KosExtendMessage;
import dev.keyshard.mpc.ProtocolMessage;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bodies of DKLs23 signing (Protocol 3.6), the whole wire surface of {@link Dkls23SignParty}
 * (wire form {@code dkls23.proto}, codec {@link Dkls23SignCodec}). Bodies are not validated here
 * beyond shape: the party checks them and names the sender, so a test can build what an attacker
 * would send. All are public values with value equality.
 */
public sealed interface Dkls23SignMessage extends ProtocolMessage
    permits Dkls23SignMessage.Commit, Dkls23SignMessage.Extend, Dkls23SignMessage.Reveal,
        Dkls23SignMessage.Share {

  /** Round 1, broadcast: the commitment to the instance key R_i (Protocol 3.6, round 1). */
  record Commit(byte[] commitment) implements Dkls23SignMessage {
    public Commit {
      commitment = commitment.clone();
    }

    @Override
    public byte[] commitment() {
      return commitment.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Commit && Arrays.equals(((Commit) o).commitment, commitment);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(commitment);
    }

    @Override
    public String toString() {
      return "Commit";
    }
  }

  /**
   * Round 1, point-to-point: the sender's Bob half of F_RVOLE with the recipient as Alice
   * (Protocol 5.2, round 1: the KOS15 extension message), with Bob's fresh VOLE nonce.
   */
  record Extend(byte[] nonce, KosExtendMessage extend) implements Dkls23SignMessage {
    public Extend {
      nonce = nonce.clone();
      Objects.requireNonNull(extend, "extend");
    }

    @Override
    public byte[] nonce() {
      return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Extend && Arrays.equals(((Extend) o).nonce, nonce)
          && Arrays.equals(((Extend) o).extend.toBytes(), extend.toBytes());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(nonce);
    }

    @Override
    public String toString() {
      return "Extend";
    }
  }

  /**
   * Round 2, point-to-point (Protocol 3.6, round 2): the opening (R_i, salt) of the round-1
   * commitment, pk_i, Γ^u = c^u·G and Γ^v = c^v·G, ψ = φ_i − χ, the echo of every signer's round-1
   * commitment (t × 32 bytes, id order), and Alice's half of F_RVOLE (Protocol 5.2, round 2).
   */
  record Reveal(Point nonce, byte[] salt, Point publicShare, Point gammaU, Point gammaV,
      Scalar psi, byte[] echo, VoleTransfer vole) implements Dkls23SignMessage {
    public Reveal {
      Objects.requireNonNull(nonce, "nonce");
      salt = salt.clone();
      Objects.requireNonNull(publicShare, "publicShare");
      Objects.requireNonNull(gammaU, "gammaU");
      Objects.requireNonNull(gammaV, "gammaV");
      Objects.requireNonNull(psi, "psi");
      echo = echo.clone();
      Objects.requireNonNull(vole, "vole");
    }

    @Override
    public byte[] salt() {
      return salt.clone();
    }

    @Override
    public byte[] echo() {
      return echo.clone();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Reveal)) {
        return false;
      }
      Reveal r = (Reveal) o;
      return r.nonce.equals(nonce) && Arrays.equals(r.salt, salt)
          && r.publicShare.equals(publicShare) && r.gammaU.equals(gammaU)
          && r.gammaV.equals(gammaV) && r.psi.equals(psi) && Arrays.equals(r.echo, echo)
          && r.vole.equals(vole);
    }

    @Override
    public int hashCode() {
      return nonce.hashCode();
    }

    @Override
    public String toString() {
      return "Reveal[R=" + nonce + "]";
    }
  }

  /** Round 3, broadcast: the sender's (u_i, w_i) (Protocol 3.6, round 3). */
  record Share(Scalar u, Scalar w) implements Dkls23SignMessage {
    public Share {
      Objects.requireNonNull(u, "u");
      Objects.requireNonNull(w, "w");
    }

    @Override
    public String toString() {
      return "Share";
    }
  }
}
