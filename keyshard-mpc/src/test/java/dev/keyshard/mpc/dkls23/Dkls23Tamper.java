package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.KosExtendMessage;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Reveal;
import java.util.function.UnaryOperator;

/** Builders of the messages a cheating signer would send. Test-only. */
final class Dkls23Tamper {
  static final Secp256k1 G = Secp256k1.INSTANCE;

  private Dkls23Tamper() {}

  static Envelope<Dkls23SignMessage> withBody(Envelope<Dkls23SignMessage> e,
      Dkls23SignMessage body) {
    return new Envelope<>(e.session(), e.protocol(), e.round(), e.from(), e.to(), body);
  }

  /** True for {@code from}'s messages of body type {@code type} (to {@code to} when not null). */
  static boolean is(Envelope<Dkls23SignMessage> e, PartyId from, PartyId to,
      Class<? extends Dkls23SignMessage> type) {
    return e.from().equals(from) && type.isInstance(e.body()) && (to == null || to.equals(e.to()));
  }

  static Reveal reveal(Reveal r, UnaryOperator<RevealParts> change) {
    RevealParts p = change.apply(new RevealParts(r.nonce(), r.salt(), r.publicShare(), r.gammaU(),
        r.gammaV(), r.psi(), r.echo(), r.vole()));
    return new Reveal(p.nonce, p.salt, p.publicShare, p.gammaU, p.gammaV, p.psi, p.echo, p.vole);
  }

  /** The fields of a {@link Reveal}, to change one at a time. */
  record RevealParts(Point nonce, byte[] salt, Point publicShare, Point gammaU, Point gammaV,
      Scalar psi, byte[] echo, VoleTransfer vole) {
    RevealParts nonce(Point v) {
      return new RevealParts(v, salt, publicShare, gammaU, gammaV, psi, echo, vole);
    }

    RevealParts salt(byte[] v) {
      return new RevealParts(nonce, v, publicShare, gammaU, gammaV, psi, echo, vole);
    }

    RevealParts publicShare(Point v) {
      return new RevealParts(nonce, salt, v, gammaU, gammaV, psi, echo, vole);
    }

    RevealParts gammaU(Point v) {
      return new RevealParts(nonce, salt, publicShare, v, gammaV, psi, echo, vole);
    }

    RevealParts gammaV(Point v) {
      return new RevealParts(nonce, salt, publicShare, gammaU, v, psi, echo, vole);
    }

    RevealParts echo(byte[] v) {
      return new RevealParts(nonce, salt, publicShare, gammaU, gammaV, psi, v, vole);
    }

    RevealParts vole(VoleTransfer v) {
      return new RevealParts(nonce, salt, publicShare, gammaU, gammaV, psi, echo, v);
    }
  }

  /** ã with {@code delta} added to scalar k of every extended OT in [from, to). */
  static VoleTransfer shiftATilde(VoleTransfer v, int from, int to, int k, Scalar delta)
      throws Exception {
    byte[] tau = v.aTildeBytes();
    for (int j = from; j < to; j++) {
      int off = (j * Dkls23Parameters.OT_WIDTH + k) * 32;
      byte[] one = java.util.Arrays.copyOfRange(tau, off, off + 32);
      System.arraycopy(G.decodeScalar(one).add(delta).toBytes(), 0, tau, off, 32);
    }
    return VoleTransfer.decode(v.aliceNonce(), tau, v.eta(), v.mu());
  }

  /** The KOS extension with one bit of its u matrix flipped. */
  static KosExtendMessage flipExtendBit(KosExtendMessage m, int byteIndex) throws OtException {
    byte[] b = m.toBytes();
    b[byteIndex] ^= 1;
    return KosExtendMessage.decode(b, Dkls23Parameters.BASE_OTS, Dkls23Parameters.EXTENDED_OTS);
  }
}
