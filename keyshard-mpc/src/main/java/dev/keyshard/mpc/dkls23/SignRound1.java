package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.vss.Lagrange;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.dkls23.SignState.AwaitingRound1;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * DKLs23 Protocol 3.6, round 1, for signer i:
 * <ol>
 *   <li>sample the inversion mask φ_i and the instance key r_i; R_i = r_i·G;
 *   <li>commit to R_i, bound to the session and to i ({@link HashCommitment}); broadcast the
 *       commitment (its consistency is checked by the echo in round 2);
 *   <li>for every other signer j, start F_RVOLE as Bob with j as Alice (Protocol 5.2, round 1) and
 *       send j the extension message.
 * </ol>
 * The key share of the session, sk_i = λ_i·(p(i) + δ) + ζ_i with ζ_i from F_Zero (round 2 in the
 * paper; it needs no message, so it is computed here), and pk_i = sk_i·G: Σ_S sk_i = x + δ, because
 * the λ_i sum to 1 and the ζ_i to 0.
 *
 * <p>Stateless.
 */
final class SignRound1 {
  static final int ROUND = 1;

  private SignRound1() {}

  record Start(AwaitingRound1 state, List<Envelope<Dkls23SignMessage>> out) {}

  static Start start(SignContext ctx, SecureRandom rng) {
    Secp256k1 g = Secp256k1.INSTANCE;
    // Step 1: φ_i, r_i ← Z_q; R_i = r_i·G.
    SecretScalar phi = SecretScalar.random(g, rng);
    SecretScalar r = SecretScalar.random(g, rng);
    Point nonce = r.publicPoint();
    byte[] salt = HashCommitment.salt(rng);
    byte[] commitment = HashCommitment.commit(SignContext.NONCE_COMMITMENT, ctx.binding, ctx.self,
        null, nonce.toBytes(), salt);
    SecretScalar sk = sessionKeyShare(ctx);
    Point publicShare = sk.publicPoint();
    List<Envelope<Dkls23SignMessage>> out = new ArrayList<>();
    out.add(ctx.broadcast(ROUND, new Dkls23SignMessage.Commit(commitment)));
    SortedMap<PartyId, RvoleBob> asBob = new TreeMap<>();
    for (PartyId j : ctx.others) {
      byte[] voleNonce = new byte[VoleBinding.NONCE_LENGTH];
      rng.nextBytes(voleNonce);
      VoleBinding binding = VoleBinding.of(ctx.binding, j, ctx.self, voleNonce);
      RvoleBob bob = RvoleBob.start(ctx.share.peer(j).asBob(), binding, rng);
      asBob.put(j, bob);
      out.add(ctx.send(ROUND, j, new Dkls23SignMessage.Extend(voleNonce, bob.message())));
    }
    return new Start(new AwaitingRound1(r, phi, sk, nonce, publicShare, salt, commitment, asBob),
        out);
  }

  /** sk_i = λ_i·(p(i) + δ) + ζ_i (Protocol 3.6 round 2 with the tweak added before weighting). */
  static SecretScalar sessionKeyShare(SignContext ctx) {
    Secp256k1 g = Secp256k1.INSTANCE;
    List<Scalar> xs = new ArrayList<>();
    ctx.signers.forEach(id -> xs.add(id.toScalar(g)));
    Scalar lambda = Lagrange.coefficient(ctx.self.toScalar(g), xs);
    Map<PartyId, byte[]> seeds = new TreeMap<>();
    ctx.others.forEach(j -> seeds.put(j, ctx.share.peer(j).zeroSeed()));
    try (SecretScalar tweaked = ctx.share.signingShare().add(ctx.tweak);
        SecretScalar weighted = tweaked.multiply(lambda);
        SecretScalar zeta = ZeroShares.share(ctx.self, ctx.signers, seeds, ctx.binding)) {
      return weighted.add(zeta);
    }
  }

  /**
   * A copy of a secret's value as a {@link Scalar}, because the OT layer's transfer takes Scalars
   * (Alice's VOLE inputs r_i and sk_i). Not an export: the copy never leaves this package's
   * computation, and the caller destroys it ({@link SignRound2}).
   */
  static Scalar value(SecretScalar s) {
    return s.value(InsecureSecretAccess.get());
  }
}
