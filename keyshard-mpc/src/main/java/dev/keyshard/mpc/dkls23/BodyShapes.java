package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;

/**
 * Shape checks of DKLs23 bodies at the party, before any maths. The codecs enforce the same rules
 * on the wire; they are repeated here because a body can reach a party without a codec
 * (in-process composition, tests), and a wrong length must be a {@link ProtocolAbort} naming the
 * sender, never an unchecked exception (STYLE.md §2.4; ATTACKS.md wrong-length sequences).
 *
 * <p>Stateless.
 */
final class BodyShapes {
  private BodyShapes() {}

  static void verifySign(Dkls23SignMessage body, PartyId from, int round, int signers)
      throws ProtocolAbort {
    ProtocolId p = SignContext.PROTOCOL;
    if (body instanceof Dkls23SignMessage.Commit) {
      length(p, round, from, ((Dkls23SignMessage.Commit) body).commitment(),
          HashCommitment.LENGTH);
    } else if (body instanceof Dkls23SignMessage.Extend) {
      Dkls23SignMessage.Extend e = (Dkls23SignMessage.Extend) body;
      length(p, round, from, e.nonce(), VoleBinding.NONCE_LENGTH);
      if (e.extend().kappa() != Dkls23Parameters.BASE_OTS) {
        throw wrong(p, round, from, "extension for another number of base OTs");
      }
    } else if (body instanceof Dkls23SignMessage.Reveal) {
      Dkls23SignMessage.Reveal r = (Dkls23SignMessage.Reveal) body;
      length(p, round, from, r.salt(), HashCommitment.SALT_LENGTH);
      length(p, round, from, r.echo(), signers * HashCommitment.LENGTH);
      length(p, round, from, r.vole().mu(), Dkls23Parameters.VOLE_CHECK_HASH_BYTES);
      length(p, round, from, r.vole().aliceNonce(), VoleBinding.NONCE_LENGTH);
      if (r.vole().eta().length != Dkls23Parameters.CHECK_PADS) {
        throw wrong(p, round, from, "VOLE eta of the wrong length");
      }
      for (Point point : new Point[] {r.nonce(), r.publicShare(), r.gammaU(), r.gammaV()}) {
        if (point.group() != Secp256k1.INSTANCE || point.isIdentity()) {
          throw new ProtocolAbort(p, round, AbortReason.MALFORMED, from,
              "a point is the identity or of another group");
        }
      }
    }
  }

  static void verifyKeygen(Dkls23KeygenMessage body, PartyId from, int round)
      throws ProtocolAbort {
    ProtocolId p = KeygenContext.PROTOCOL;
    if (body instanceof Dkls23KeygenMessage.Round1Broadcast) {
      length(p, round, from, ((Dkls23KeygenMessage.Round1Broadcast) body).chainCodeCommitment(),
          HashCommitment.LENGTH);
    } else if (body instanceof Dkls23KeygenMessage.Round1Direct) {
      Dkls23KeygenMessage.Round1Direct d = (Dkls23KeygenMessage.Round1Direct) body;
      length(p, round, from, d.zeroSeedCommitment(), HashCommitment.LENGTH);
      if (d.asReceiver().count() != Dkls23Parameters.BASE_OTS) {
        throw wrong(p, round, from, "base-OT message for another number of OTs");
      }
    } else if (body instanceof Dkls23KeygenMessage.Round2Broadcast) {
      length(p, round, from, ((Dkls23KeygenMessage.Round2Broadcast) body).chainCodeEcho(), 32);
    } else if (body instanceof Dkls23KeygenMessage.Round3Direct) {
      Dkls23KeygenMessage.Round3Direct d = (Dkls23KeygenMessage.Round3Direct) body;
      length(p, round, from, d.chainCode(), ChainCode.LENGTH);
      length(p, round, from, d.chainCodeSalt(), HashCommitment.SALT_LENGTH);
      length(p, round, from, d.zeroSeed(), ZeroShares.SEED_LENGTH);
      length(p, round, from, d.zeroSeedSalt(), HashCommitment.SALT_LENGTH);
    } else if (body instanceof Dkls23KeygenMessage.Round4Broadcast) {
      length(p, round, from, ((Dkls23KeygenMessage.Round4Broadcast) body).confirmation(), 32);
    }
  }

  private static void length(ProtocolId p, int round, PartyId from, byte[] b, int expected)
      throws ProtocolAbort {
    if (b.length != expected) {
      throw wrong(p, round, from, "a field of " + b.length + " bytes, expected " + expected);
    }
  }

  private static ProtocolAbort wrong(ProtocolId p, int round, PartyId from, String detail) {
    return new ProtocolAbort(p, round, AbortReason.WRONG_LENGTH, from, detail);
  }
}
