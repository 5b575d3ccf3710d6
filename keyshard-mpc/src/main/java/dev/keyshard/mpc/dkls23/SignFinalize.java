package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound3;
import java.util.Map;

/**
 * DKLs23 Protocol 3.6, output: with every signer's (u_j, w_j), s = Σw_j / Σu_j (= (m + r_x·x′)/k),
 * normalised to low S with the recovery id flipped, and verified under P′ by BouncyCastle
 * ({@link EcdsaVerifier}) before anything is returned. No invalid signature leaves this class.
 *
 * <p>Stateless.
 */
final class SignFinalize {
  static final int ROUND = 3;

  private SignFinalize() {}

  /**
   * @throws ProtocolAbort {@code INVALID_SIGNATURE}, not identifiable (DKLs23 has no per-party
   *     check of (u_j, w_j)), naming every other signer as a suspect, when U = 0, s = 0 or the
   *     signature does not verify
   */
  static EcdsaSignature run(SignContext ctx, AwaitingRound3 s,
      Map<PartyId, Dkls23SignMessage.Share> inbox) throws ProtocolAbort {
    Scalar u = s.u;
    Scalar w = s.w;
    for (Dkls23SignMessage.Share share : inbox.values()) {
      u = u.add(share.u());
      w = w.add(share.w());
    }
    if (u.isZero()) {
      throw invalid(ctx, "Σ u_j is zero");
    }
    Scalar sig = w.multiply(u.invert());
    if (sig.isZero() || s.rx.isZero()) {
      throw invalid(ctx, "r or s is zero");
    }
    EcdsaSignature signature = EcdsaSignature.of(s.rx, sig, s.recoveryId).normalizeLowS();
    try {
      EcdsaVerifier.verify(signature, ctx.tweakedKey, ctx.messageHash);
    } catch (InvalidEcdsaSignatureException e) {
      throw invalid(ctx, e.getMessage());
    }
    return signature;
  }

  private static ProtocolAbort invalid(SignContext ctx, String detail) {
    return ProtocolAbort.unidentified(SignContext.PROTOCOL, ROUND, AbortReason.INVALID_SIGNATURE,
        ctx.others, detail);
  }
}
