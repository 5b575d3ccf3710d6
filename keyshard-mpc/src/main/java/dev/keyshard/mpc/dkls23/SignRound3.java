package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.SignState.AliceOutputs;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound2;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound3;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DKLs23 Protocol 3.6, round 3, for signer i, once every round-2 message is in. For every other
 * signer j, in id order:
 * <ol>
 *   <li>the echo of the round-1 commitments equals ours (broadcast consistency);
 *   <li>R_j opens j's commitment;
 *   <li>F_RVOLE as Bob with j as Alice finishes: Protocol 5.2's check, then d^u_(i,j), d^v_(i,j);
 *   <li>the consistency checks χ_(i,j)·R_j − Γ^u_(j,i) = d^u_(i,j)·G and
 *       χ_(i,j)·pk_j − Γ^v_(j,i) = d^v_(i,j)·G (pk_j where the paper's text has a typo).
 * </ol>
 * Then Σ_S pk_j = P′, R = Σ_S R_j, and the shares u_i = r_i·(φ_i + Σψ_(j,i)) + Σ(c^u + d^u),
 * v_i = sk_i·(φ_i + Σψ_(j,i)) + Σ(c^v + d^v), w_i = m·φ_i + r_x·v_i, broadcast; every secret is
 * destroyed.
 *
 * <p>Stateless.
 */
final class SignRound3 {
  static final int ROUND = 3;

  private SignRound3() {}

  record Next(AwaitingRound3 state, Dkls23SignMessage.Share share) {}

  /**
   * @throws ProtocolAbort naming j: {@code ECHO_MISMATCH} (not identifiable: j or the signer whose
   *     commitment differs lied; both are suspects), {@code INVALID_COMMITMENT},
   *     {@code VOLE_CHECK_FAILED}, {@code NONCE_CONSISTENCY_CHECK_FAILED},
   *     {@code KEY_CONSISTENCY_CHECK_FAILED}; and {@code PUBLIC_KEY_MISMATCH}, not identifiable,
   *     naming every other signer
   */
  static Next run(SignContext ctx, AwaitingRound2 s, Map<PartyId, Dkls23SignMessage.Reveal> inbox,
      SecureRandom rng) throws ProtocolAbort {
    Secp256k1 g = Secp256k1.INSTANCE;
    Map<PartyId, Scalar[]> bobOutputs = new TreeMap<>();
    try {
      for (Map.Entry<PartyId, Dkls23SignMessage.Reveal> e : new TreeMap<>(inbox).entrySet()) {
        PartyId j = e.getKey();
        Dkls23SignMessage.Reveal m = e.getValue();
        checkEcho(ctx, s, j, m.echo());
        HashCommitment.verifyOpening(SignContext.PROTOCOL, ROUND, SignContext.NONCE_COMMITMENT,
            ctx.binding, j, null, s.commitments.get(j), m.nonce().toBytes(), m.salt());
        Scalar[] d;
        try {
          d = s.asBob.get(j).finish(m.vole());
        } catch (VoleCheckException ex) {
          throw ctx.abort(ROUND, AbortReason.VOLE_CHECK_FAILED, j, ex.getMessage());
        } catch (OtException ex) {
          throw ctx.abort(ROUND, AbortReason.WRONG_LENGTH, j, ex.getMessage());
        }
        bobOutputs.put(j, d);
        SecretScalar chi = s.asBob.get(j).input();
        // χ·R_j − Γ^u_(j,i) = d^u·G
        if (!blindedMultiply(chi, m.nonce(), rng).subtract(m.gammaU())
            .equals(g.multiplyGenerator(d[0]))) {
          throw ctx.abort(ROUND, AbortReason.NONCE_CONSISTENCY_CHECK_FAILED, j,
              "Γ^u does not match R_j and the VOLE output");
        }
        // χ·pk_j − Γ^v_(j,i) = d^v·G
        if (!blindedMultiply(chi, m.publicShare(), rng).subtract(m.gammaV())
            .equals(g.multiplyGenerator(d[1]))) {
          throw ctx.abort(ROUND, AbortReason.KEY_CONSISTENCY_CHECK_FAILED, j,
              "Γ^v does not match pk_j and the VOLE output");
        }
      }
      // Σ_S pk_j = P′: each pk_j is only self-consistent, so a failure names no one.
      Point sum = s.publicShare;
      Point bigR = s.nonce;
      for (Dkls23SignMessage.Reveal m : inbox.values()) {
        sum = sum.add(m.publicShare());
        bigR = bigR.add(m.nonce());
      }
      if (!sum.equals(ctx.tweakedKey)) {
        throw ProtocolAbort.unidentified(SignContext.PROTOCOL, ROUND,
            AbortReason.PUBLIC_KEY_MISMATCH, ctx.others, "Σ pk_j differs from the public key");
      }
      if (bigR.isIdentity()) {
        throw ProtocolAbort.unidentified(SignContext.PROTOCOL, ROUND,
            AbortReason.INVALID_COMMITMENT, ctx.others, "R = Σ R_j is the identity");
      }
      return shares(ctx, s, inbox, bobOutputs, (Secp256k1Point) bigR);
    } finally {
      bobOutputs.values().forEach(d -> Arrays.stream(d).forEach(Scalar::destroy));
      s.destroy();
    }
  }

  /**
   * The echo of j must equal ours. Channels are authenticated, so when the first differing entry
   * is our own commitment or j's, j lied and is identified; when it is a third signer k's, either
   * j or k lied, and both are named as suspects.
   */
  private static void checkEcho(SignContext ctx, AwaitingRound2 s, PartyId j, byte[] echo)
      throws ProtocolAbort {
    if (java.security.MessageDigest.isEqual(echo, s.echo)) {
      return;
    }
    int k = 0;
    for (PartyId committer : s.commitments.keySet()) {
      int off = k++ * HashCommitment.LENGTH;
      if (!Arrays.equals(echo, off, off + HashCommitment.LENGTH, s.echo, off,
          off + HashCommitment.LENGTH)) {
        if (committer.equals(ctx.self) || committer.equals(j)) {
          throw ctx.abort(ROUND, AbortReason.ECHO_MISMATCH, j,
              j + " echoed another round-1 commitment of " + committer + " than was sent");
        }
        throw ProtocolAbort.unidentified(SignContext.PROTOCOL, ROUND, AbortReason.ECHO_MISMATCH,
            Set.of(j, committer), j + " saw another round-1 commitment of " + committer);
      }
    }
    throw new dev.keyshard.crypto.internal.KeyshardBug("echoes differ but no entry does");
  }

  /** u_i and w_i; R's recovery id. */
  private static Next shares(SignContext ctx, AwaitingRound2 s,
      Map<PartyId, Dkls23SignMessage.Reveal> inbox, Map<PartyId, Scalar[]> bobOutputs,
      Secp256k1Point bigR) {
    Secp256k1 g = Secp256k1.INSTANCE;
    byte[] x = bigR.xOnly();
    BigInteger xInt = new BigInteger(1, x);
    int recoveryId = (bigR.hasEvenY() ? 0 : 1) | (xInt.compareTo(g.order()) >= 0 ? 2 : 0);
    Scalar rx = g.reduce(x);
    // φ_i + Σ_j ψ_(j,i) = Σ_j φ_j (each ψ_(j,i) = φ_j − χ_(j,i) is masked by our VOLE output).
    try (SecretScalar phiSum = s.phi.add(sumPsi(inbox));
        SecretScalar rPhi = s.r.multiply(phiSum);
        SecretScalar skPhi = s.sk.multiply(phiSum);
        SecretScalar u = rPhi.add(crossTerms(s, bobOutputs, 0));
        SecretScalar v = skPhi.add(crossTerms(s, bobOutputs, 1));
        SecretScalar mPhi = s.phi.multiply(ctx.messageScalar());
        SecretScalar rxV = v.multiply(rx);
        SecretScalar w = mPhi.add(rxV)) {
      // u_i and w_i are published by design (Protocol 3.6, round 3).
      Scalar uPub = u.declassify();
      Scalar wPub = w.declassify();
      return new Next(new AwaitingRound3(bigR, rx, recoveryId, uPub, wPub),
          new Dkls23SignMessage.Share(uPub, wPub));
    }
  }

  private static Scalar sumPsi(Map<PartyId, Dkls23SignMessage.Reveal> inbox) {
    Scalar acc = Secp256k1.INSTANCE.zero();
    for (Dkls23SignMessage.Reveal m : inbox.values()) {
      acc = acc.add(m.psi());
    }
    return acc;
  }

  /** Σ_j (c_(i,j) + d_(i,j)) for input k (0: r_i, 1: sk_i). */
  private static Scalar crossTerms(AwaitingRound2 s, Map<PartyId, Scalar[]> bobOutputs, int k) {
    Scalar acc = Secp256k1.INSTANCE.zero();
    for (Map.Entry<PartyId, AliceOutputs> e : s.asAlice.entrySet()) {
      Scalar c = k == 0 ? e.getValue().cu() : e.getValue().cv();
      acc = acc.add(c).add(bobOutputs.get(e.getKey())[k]);
    }
    return acc;
  }

  /**
   * χ·P for a secret χ and a peer's point, computed as χ₁·P + (χ − χ₁)·P with a fresh random χ₁:
   * each of the two scalars the multiplication sees is uniform and independent of χ on its own
   * (defence in depth; secp256k1's variable-base multiplication is itself constant-time).
   */
  static Point blindedMultiply(SecretScalar chi, Point p, SecureRandom rng) {
    try (SecretScalar mask = SecretScalar.random(Secp256k1.INSTANCE, rng);
        SecretScalar rest = chi.subtract(mask)) {
      return mask.multiply(p).add(rest.multiply(p));
    }
  }
}
