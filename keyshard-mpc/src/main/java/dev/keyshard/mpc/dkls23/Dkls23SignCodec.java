package dev.keyshard.mpc.dkls23;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.crypto.ot.KosExtendMessage;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.mpc.MessageCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Commit;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Extend;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Reveal;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Share;
import dev.keyshard.mpc.proto.Dkls23SignBodyProto;
import dev.keyshard.mpc.proto.Dkls23SignCommitProto;
import dev.keyshard.mpc.proto.Dkls23SignExtendProto;
import dev.keyshard.mpc.proto.Dkls23SignRevealProto;
import dev.keyshard.mpc.proto.Dkls23SignShareProto;

/**
 * DKLs23 signing bodies to protobuf ({@code dkls23.proto}) and back, for a session of {@code t}
 * signers. Strict ({@link WireChecks}): a body larger than its round's honest size is refused
 * before parsing; the oneof case must belong to the envelope's round; every field has its exact
 * length before anything is decoded (the KOS message for κ base OTs and ξ OTs, ã for ξ × (ℓ+ρ)
 * scalars, the echo for t commitments); points are on secp256k1 and not the identity, scalars
 * below q. Every failure names the sender ({@code MALFORMED} or {@code WRONG_LENGTH}).
 *
 * <p>Immutable and thread-safe.
 */
public final class Dkls23SignCodec implements MessageCodec<Dkls23SignMessage> {
  private static final int POINT = 33;
  private static final int SCALAR = 32;
  private static final int FRAMING = 64;
  /** Bytes of a KOS15 extension message for κ base OTs and ξ extended OTs (one 208-bit pad). */
  static final int EXTEND_BYTES = Dkls23Parameters.BASE_OTS * (rowBytes() + 26) + 26;
  static final int A_TILDE_BYTES =
      Dkls23Parameters.EXTENDED_OTS * Dkls23Parameters.OT_WIDTH * SCALAR;

  private final int signers;

  /**
   * @param signers t, the number of signers of the session (fixes the echo length)
   */
  public Dkls23SignCodec(int signers) {
    if (signers < 2) {
      throw new IllegalArgumentException("a signing session has at least 2 signers");
    }
    this.signers = signers;
  }

  private static int rowBytes() {
    int blocks = (Dkls23Parameters.EXTENDED_OTS + 207) / 208;
    return (blocks + 1) * 26;
  }

  @Override
  public byte[] encode(Dkls23SignMessage body) {
    Dkls23SignBodyProto.Builder b = Dkls23SignBodyProto.newBuilder();
    if (body instanceof Commit) {
      b.setCommit(Dkls23SignCommitProto.newBuilder()
          .setCommitment(bytes(((Commit) body).commitment())));
    } else if (body instanceof Extend) {
      Extend m = (Extend) body;
      b.setExtend(Dkls23SignExtendProto.newBuilder()
          .setNonce(bytes(m.nonce()))
          .setExtend(bytes(m.extend().toBytes())));
    } else if (body instanceof Reveal) {
      Reveal m = (Reveal) body;
      byte[] eta = new byte[m.vole().eta().length * SCALAR];
      for (int k = 0; k < m.vole().eta().length; k++) {
        System.arraycopy(m.vole().eta()[k].toBytes(), 0, eta, k * SCALAR, SCALAR);
      }
      b.setReveal(Dkls23SignRevealProto.newBuilder()
          .setNoncePoint(bytes(m.nonce().toBytes()))
          .setSalt(bytes(m.salt()))
          .setPublicShare(bytes(m.publicShare().toBytes()))
          .setGammaU(bytes(m.gammaU().toBytes()))
          .setGammaV(bytes(m.gammaV().toBytes()))
          .setPsi(bytes(m.psi().toBytes()))
          .setEcho(bytes(m.echo()))
          .setATilde(bytes(m.vole().aTildeBytesShared()))
          .setEta(bytes(eta))
          .setMu(bytes(m.vole().mu()))
          .setAliceNonce(bytes(m.vole().aliceNonce())));
    } else if (body instanceof Share) {
      Share m = (Share) body;
      b.setShare(Dkls23SignShareProto.newBuilder()
          .setU(bytes(m.u().toBytes()))
          .setW(bytes(m.w().toBytes())));
    } else {
      throw new KeyshardBug("unknown signing body " + body.getClass().getName());
    }
    return b.build().toByteArray();
  }

  /**
   * @throws ProtocolAbort {@code WRONG_LENGTH} or {@code MALFORMED} naming {@code sender}
   */
  @Override
  public Dkls23SignMessage decode(PartyId sender, int round, byte[] bytes) throws ProtocolAbort {
    WireChecks w = new WireChecks(SignContext.PROTOCOL, sender, round);
    if (round < 1 || round > 3) {
      throw w.malformed("DKLs23 signing has no round " + round);
    }
    w.maxSize(bytes, maxBodyBytes(round));
    Dkls23SignBodyProto p;
    try {
      p = w.canonical(Dkls23SignBodyProto.parseFrom(bytes), bytes);
    } catch (InvalidProtocolBufferException e) {
      throw w.malformed("body does not parse");
    }
    switch (p.getBodyCase()) {
      case COMMIT:
        requireRound(w, round, 1);
        return new Commit(w.exact(p.getCommit().getCommitment(), HashCommitment.LENGTH,
            "commitment"));
      case EXTEND:
        requireRound(w, round, 1);
        return extend(w, p.getExtend());
      case REVEAL:
        requireRound(w, round, 2);
        return reveal(w, p.getReveal());
      case SHARE:
        requireRound(w, round, 3);
        return new Share(w.scalar(p.getShare().getU(), "u"), w.scalar(p.getShare().getW(), "w"));
      case BODY_NOT_SET:
        throw w.malformed("empty body");
    }
    throw w.malformed("unknown body");
  }

  private static Extend extend(WireChecks w, Dkls23SignExtendProto m) throws ProtocolAbort {
    byte[] nonce = w.exact(m.getNonce(), VoleBinding.NONCE_LENGTH, "VOLE nonce");
    byte[] ext = w.exact(m.getExtend(), EXTEND_BYTES, "KOS extension message");
    try {
      return new Extend(nonce, KosExtendMessage.decode(ext, Dkls23Parameters.BASE_OTS,
          Dkls23Parameters.EXTENDED_OTS));
    } catch (OtException e) {
      throw w.ot(e);
    }
  }

  private Reveal reveal(WireChecks w, Dkls23SignRevealProto m) throws ProtocolAbort {
    // Lengths first, for every field, before any point or scalar is decoded.
    byte[] echo = w.exact(m.getEcho(), signers * HashCommitment.LENGTH, "echo");
    byte[] aTilde = w.exact(m.getATilde(), A_TILDE_BYTES, "VOLE correction vector");
    byte[] eta = w.exact(m.getEta(), Dkls23Parameters.CHECK_PADS * SCALAR, "VOLE eta");
    byte[] mu = w.exact(m.getMu(), Dkls23Parameters.VOLE_CHECK_HASH_BYTES, "VOLE mu");
    byte[] salt = w.exact(m.getSalt(), HashCommitment.SALT_LENGTH, "salt");
    byte[] aliceNonce = w.exact(m.getAliceNonce(), VoleBinding.NONCE_LENGTH, "Alice's VOLE nonce");
    Scalar[] etaScalars = new Scalar[Dkls23Parameters.CHECK_PADS];
    for (int k = 0; k < etaScalars.length; k++) {
      etaScalars[k] = w.scalar(ByteString.copyFrom(eta, k * SCALAR, SCALAR), "VOLE eta");
    }
    VoleTransfer vole;
    try {
      vole = VoleTransfer.decode(aliceNonce, aTilde, etaScalars, mu);
    } catch (OtException e) {
      throw w.ot(e);
    }
    return new Reveal(w.point(m.getNoncePoint(), "R_i"), salt,
        w.point(m.getPublicShare(), "pk_i"), w.point(m.getGammaU(), "Γ^u"),
        w.point(m.getGammaV(), "Γ^v"), w.scalar(m.getPsi(), "ψ"), echo,
        vole);
  }

  private static void requireRound(WireChecks w, int round, int expected) throws ProtocolAbort {
    if (round != expected) {
      throw w.malformed("a round-" + expected + " body in a round-" + round + " envelope");
    }
  }

  /** The largest honest body of each round plus protobuf framing. */
  int maxBodyBytes(int round) {
    switch (round) {
      case 1:
        return Math.max(HashCommitment.LENGTH, VoleBinding.NONCE_LENGTH + EXTEND_BYTES) + FRAMING;
      case 2:
        return 4 * POINT + 2 * SCALAR + signers * HashCommitment.LENGTH + A_TILDE_BYTES
            + Dkls23Parameters.CHECK_PADS * SCALAR + Dkls23Parameters.VOLE_CHECK_HASH_BYTES
            + VoleBinding.NONCE_LENGTH + FRAMING;
      case 3:
        return 2 * SCALAR + FRAMING;
      default:
        return 0;
    }
  }

  private static ByteString bytes(byte[] b) {
    return ByteString.copyFrom(b);
  }
}
