package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.SignState.AliceOutputs;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound1;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound2;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKLs23 Protocol 3.6, round 2, for signer i, once every round-1 message is in. For every other
 * signer j:
 * <ol>
 *   <li>run F_RVOLE as Alice with inputs (r_i, sk_i) on j's extension (Protocol 5.2, round 2): the
 *       KOS15 consistency check first, which names j when it fails; outputs c^u_(i,j), c^v_(i,j);
 *   <li>Γ^u_(i,j) = c^u·G, Γ^v_(i,j) = c^v·G, and ψ_(i,j) = φ_i − χ_(i,j), with χ_(i,j) our own
 *       random Bob input in the VOLE where j is Alice;
 *   <li>send j the opening of R_i, pk_i, Γ^u, Γ^v, ψ, the echo of all commitments, and the VOLE
 *       message.
 * </ol>
 *
 * <p>Stateless.
 */
final class SignRound2 {
  static final int ROUND = 2;

  private SignRound2() {}

  record Next(AwaitingRound2 state, List<Envelope<Dkls23SignMessage>> out) {}

  /**
   * @throws ProtocolAbort {@code OT_CONSISTENCY_CHECK_FAILED} (or {@code WRONG_LENGTH}) naming the
   *     first j in id order whose extension fails; our sender setup with j is then burned
   */
  static Next run(SignContext ctx, AwaitingRound1 s,
      Map<PartyId, Dkls23SignMessage.Commit> commits,
      Map<PartyId, Dkls23SignMessage.Extend> extensions, SecureRandom rng) throws ProtocolAbort {
    SortedMap<PartyId, byte[]> commitments = new TreeMap<>();
    commitments.put(ctx.self, s.commitment);
    commits.forEach((j, c) -> commitments.put(j, c.commitment()));
    byte[] echo = echo(commitments);
    Secp256k1 g = Secp256k1.INSTANCE;
    Scalar[] inputs = {SignRound1.value(s.r), SignRound1.value(s.sk)};
    SortedMap<PartyId, AliceOutputs> asAlice = new TreeMap<>();
    List<Envelope<Dkls23SignMessage>> out = new ArrayList<>();
    try {
      for (PartyId j : ctx.others) {
        Dkls23SignMessage.Extend ext = extensions.get(j);
        VoleBinding binding = VoleBinding.of(ctx.binding, ctx.self, j, ext.nonce());
        RvoleAlice.Result vole;
        try {
          vole = RvoleAlice.transfer(ctx.share.peer(j).asAlice(), binding, ext.extend(), inputs,
              rng);
        } catch (OtException e) {
          throw otAbort(ctx, j, e);
        }
        Scalar cu = vole.c()[0];
        Scalar cv = vole.c()[1];
        asAlice.put(j, new AliceOutputs(cu, cv));
        Point gammaU = g.multiplyGenerator(cu);
        Point gammaV = g.multiplyGenerator(cv);
        // ψ_(i,j) = φ_i − χ_(i,j): our Bob input in VOLE(Alice = j, Bob = i).
        Scalar psi;
        try (SecretScalar masked = s.phi.subtract(s.asBob.get(j).input())) {
          psi = masked.declassify();
        }
        out.add(ctx.send(ROUND, j, new Dkls23SignMessage.Reveal(s.nonce, s.salt, s.publicShare,
            gammaU, gammaV, psi, echo, vole.message())));
      }
    } catch (ProtocolAbort a) {
      asAlice.values().forEach(AliceOutputs::destroy);
      throw a;
    } finally {
      inputs[0].destroy();
      inputs[1].destroy();
    }
    return new Next(new AwaitingRound2(s, commitments, echo, asAlice), out);
  }

  /** Every signer's round-1 commitment in id order: t × 32 bytes. */
  static byte[] echo(SortedMap<PartyId, byte[]> commitments) {
    byte[] out = new byte[commitments.size() * HashCommitment.LENGTH];
    int off = 0;
    for (byte[] c : commitments.values()) {
      System.arraycopy(c, 0, out, off, HashCommitment.LENGTH);
      off += HashCommitment.LENGTH;
    }
    return out;
  }

  private static ProtocolAbort otAbort(SignContext ctx, PartyId j, OtException e) {
    switch (e.reason()) {
      case CONSISTENCY_CHECK_FAILED:
        return ctx.abort(ROUND, AbortReason.OT_CONSISTENCY_CHECK_FAILED, j,
            "KOS15 consistency check of " + j + "'s extension failed; the pair is burned");
      case WRONG_LENGTH:
        return ctx.abort(ROUND, AbortReason.WRONG_LENGTH, j, e.getMessage());
      case MALFORMED:
        return ctx.abort(ROUND, AbortReason.MALFORMED, j, e.getMessage());
    }
    throw new dev.keyshard.crypto.internal.KeyshardBug("unmapped OT reason " + e.reason());
  }
}
