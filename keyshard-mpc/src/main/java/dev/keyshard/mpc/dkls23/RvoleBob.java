package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.KosExtendMessage;
import dev.keyshard.crypto.ot.KosReceiver;
import dev.keyshard.crypto.ot.KosReceiverSetup;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.crypto.ot.OtRole;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * Bob's side of F_RVOLE by DKLs23 Protocol 5.2 (see {@link RvoleAlice}): round 1 samples his
 * choice bits β ∈ {0,1}^ξ and starts the KOS15 extension (steps 1.1 to 1.4); his input is
 * b = Σ_j g_j·β_j. Round 3 ({@link #finish}) receives Alice's (ã, η, μ), recomputes θ, checks μ and
 * outputs d with a_i·b = c_i + d_i (steps 3.1 to 3.7).
 *
 * <p>Single use. Not thread-safe.
 *
 * <h2>Security</h2>
 * Holds β and b; never printed. {@link #destroy()} wipes them (best effort).
 */
final class RvoleBob implements Destroyable {
  private final VoleBinding binding;
  private final KosReceiver receiver;
  private final byte[] beta;
  private final SecretScalar b;
  private boolean destroyed;

  private RvoleBob(VoleBinding binding, KosReceiver receiver, byte[] beta, SecretScalar b) {
    this.binding = binding;
    this.receiver = receiver;
    this.beta = beta;
    this.b = b;
  }

  /** Steps 1.1 to 1.3: β, the extension message, and b = Σ g_j·β_j (constant-time in β). */
  static RvoleBob start(KosReceiverSetup setup, VoleBinding binding, SecureRandom rng) {
    int xi = Dkls23Parameters.EXTENDED_OTS;
    byte[] beta = new byte[(xi + 7) / 8];
    rng.nextBytes(beta);
    KosReceiver receiver = KosReceiver.extend(setup, binding.otSession(), beta, xi, rng);
    Secp256k1 g = Secp256k1.INSTANCE;
    Scalar acc = g.zero();
    for (int j = 0; j < xi; j++) {
      Scalar bit = g.scalarOf(bit(beta, j));
      acc = acc.add(Gadget.at(j).multiply(bit));
    }
    return new RvoleBob(binding, receiver, beta, SecretScalar.wrap(acc));
  }

  /** Step 1.4: the message γ to Alice. */
  KosExtendMessage message() {
    return receiver.message();
  }

  /** b: Bob's random input (DKLs23 Protocol 3.6 calls it χ_(i,j)); owned by this object. */
  SecretScalar input() {
    return b;
  }

  /**
   * Steps 3.1 to 3.7.
   *
   * @return d_1 … d_ℓ (secret shares)
   * @throws VoleCheckException when μ′ ≠ μ (Alice's correction is inconsistent)
   * @throws OtException WRONG_LENGTH, culprit Alice, when ã is for another number of OTs or
   *     width, or η has the wrong length
   */
  Scalar[] finish(VoleTransfer fromAlice) throws OtException, VoleCheckException {
    int l = Dkls23Parameters.VOLE_LENGTH;
    int rho = Dkls23Parameters.CHECK_PADS;
    int xi = Dkls23Parameters.EXTENDED_OTS;
    if (fromAlice.aTilde().width() != l + rho || fromAlice.eta().length != rho) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.SENDER,
          "Alice's VOLE message has the wrong width or number of check values");
    }
    // Steps 3.2 and 3.4: ḋ_(j,·) = γ_j + β_j·ã_j, from the extension.
    // Alice's fresh nonce: the same pads, θ and μ as she derived (see VoleBinding).
    byte[] aliceNonce = fromAlice.aliceNonce();
    VoleBinding fresh = binding.withAliceNonce(aliceNonce);
    Scalar[][] dDot = receiver.finish(fromAlice.aTilde(), aliceNonce);
    Scalar[][] theta = RvoleHashes.theta(fresh.digest(), fromAlice.aTildeBytesShared());
    Scalar[] eta = fromAlice.eta();
    Secp256k1 g = Secp256k1.INSTANCE;
    // Step 3.5: μ⃗′_(j,k) = ḋ_(j,ℓ+k) + Σ_i θ_(i,k)·ḋ_(j,i) − β_j·η_k.
    Scalar[][] muVector = new Scalar[xi][rho];
    for (int j = 0; j < xi; j++) {
      Scalar bj = g.scalarOf(bit(beta, j));
      for (int k = 0; k < rho; k++) {
        Scalar acc = dDot[j][l + k].subtract(bj.multiply(eta[k]));
        for (int i = 0; i < l; i++) {
          acc = acc.add(theta[i][k].multiply(dDot[j][i]));
        }
        muVector[j][k] = acc;
      }
    }
    // Steps 3.6 and 3.7: μ′ = H(sid ‖ μ⃗′) must equal μ (constant-time comparison).
    byte[] mu = RvoleHashes.mu(fresh.digest(), muVector);
    RvoleAlice.destroy(muVector);
    if (!MessageDigest.isEqual(mu, fromAlice.mu())) {
      RvoleAlice.destroy(dDot);
      throw new VoleCheckException("random VOLE check failed: mu' differs from mu");
    }
    // Step 3.3: d_i = Σ_j g_j·ḋ_(j,i).
    Scalar[] d = new Scalar[l];
    for (int i = 0; i < l; i++) {
      Scalar acc = g.zero();
      for (int j = 0; j < xi; j++) {
        acc = acc.add(Gadget.at(j).multiply(dDot[j][i]));
      }
      d[i] = acc;
    }
    RvoleAlice.destroy(dDot);
    return d;
  }

  private static int bit(byte[] packed, int i) {
    return (packed[i >>> 3] >>> (i & 7)) & 1;
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(beta, (byte) 0);
    b.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "RvoleBob[redacted]";
  }
}
