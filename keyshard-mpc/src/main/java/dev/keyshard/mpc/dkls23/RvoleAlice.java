package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.KosExtendMessage;
import dev.keyshard.crypto.ot.KosSender;
import dev.keyshard.crypto.ot.KosSenderSetup;
import dev.keyshard.crypto.ot.OtException;
import java.security.SecureRandom;

/**
 * Alice's side of F_RVOLE (DKLs23 Functionality 3.5) by DKLs23 Protocol 5.2, "OT-Based Random
 * Vector OLE", on the KOS15 extension of the OT layer. Alice inputs a ∈ Z_q^ℓ and gets c ∈ Z_q^ℓ;
 * Bob gets his random b and d with a_i·b = c_i + d_i.
 *
 * <p>Step 2.1 is the extension: {@link KosSender#check} runs the KOS15 consistency check on Bob's
 * message, then {@link KosSender#transfer} with the correlation (a_1 … a_ℓ, â_1 … â_ρ) gives Alice
 * α⁰ and the correction ã = α⁰ − α¹ + (a ‖ â) (steps 2.1 and 2.4). Steps 2.2 and 2.5 to 2.8 are
 * here.
 *
 * <p>Stateless. The returned outputs c are secret shares.
 */
final class RvoleAlice {
  private RvoleAlice() {}

  /** Alice's result: her message for Bob, and her output shares c (secret). */
  record Result(VoleTransfer message, Scalar[] c) {}

  /**
   * @param inputs a_1 … a_ℓ (not consumed)
   * @throws OtException from the extension: WRONG_LENGTH or CONSISTENCY_CHECK_FAILED, culprit Bob;
   *     the setup is then burned
   */
  static Result transfer(KosSenderSetup setup, VoleBinding binding, KosExtendMessage fromBob,
      Scalar[] inputs, SecureRandom rng) throws OtException {
    int l = Dkls23Parameters.VOLE_LENGTH;
    int rho = Dkls23Parameters.CHECK_PADS;
    int xi = Dkls23Parameters.EXTENDED_OTS;
    if (inputs.length != l) {
      throw new IllegalArgumentException("Alice has " + l + " VOLE inputs");
    }
    KosSender sender = KosSender.check(setup, binding.otSession(), xi, fromBob);
    // Alice's fresh contribution: bound into her random-OT pads, θ and μ, it makes this VOLE
    // session unique even if the signing session id is reused and Bob replays his old extension
    // (otherwise the pads repeat and ã′ − ã reveals the difference of her inputs).
    byte[] aliceNonce = new byte[VoleBinding.NONCE_LENGTH];
    rng.nextBytes(aliceNonce);
    VoleBinding fresh = binding.withAliceNonce(aliceNonce);
    // Step 2.3: â ← Z_q^ρ.
    Scalar[] correlation = new Scalar[l + rho];
    System.arraycopy(inputs, 0, correlation, 0, l);
    for (int k = 0; k < rho; k++) {
      correlation[l + k] = Secp256k1.INSTANCE.randomScalar(rng);
    }
    // Steps 2.1 and 2.4: α⁰ and ã_(j,·) = α⁰_j − α¹_j + (a ‖ â).
    KosSender.Transfer transfer = sender.transfer(correlation, aliceNonce);
    Scalar[][] alpha0 = transfer.outputs();
    VoleTransfer partial = VoleTransfer.of(aliceNonce, transfer.message(), new Scalar[0],
        new byte[0]);
    byte[] aTilde = partial.aTildeBytesShared();
    // Step 2.5: θ = H(sid ‖ ã), after ã is fixed.
    Scalar[][] theta = RvoleHashes.theta(fresh.digest(), aTilde);
    // Step 2.2: c_i = −Σ_j g_j·α⁰_(j,i).
    Scalar[] c = new Scalar[l];
    for (int i = 0; i < l; i++) {
      Scalar acc = Secp256k1.INSTANCE.zero();
      for (int j = 0; j < xi; j++) {
        acc = acc.add(Gadget.at(j).multiply(alpha0[j][i]));
      }
      c[i] = acc.negate();
    }
    // Step 2.6: η_k = â_k + Σ_i θ_(i,k)·a_i.
    Scalar[] eta = new Scalar[rho];
    for (int k = 0; k < rho; k++) {
      Scalar acc = correlation[l + k];
      for (int i = 0; i < l; i++) {
        acc = acc.add(theta[i][k].multiply(inputs[i]));
      }
      eta[k] = acc;
    }
    // Step 2.7: μ⃗_(j,k) = α⁰_(j,ℓ+k) + Σ_i θ_(i,k)·α⁰_(j,i); step 2.8: μ = H(sid ‖ μ⃗).
    Scalar[][] muVector = new Scalar[xi][rho];
    for (int j = 0; j < xi; j++) {
      for (int k = 0; k < rho; k++) {
        Scalar acc = alpha0[j][l + k];
        for (int i = 0; i < l; i++) {
          acc = acc.add(theta[i][k].multiply(alpha0[j][i]));
        }
        muVector[j][k] = acc;
      }
    }
    byte[] mu = RvoleHashes.mu(fresh.digest(), muVector);
    transfer.destroy();
    destroy(muVector);
    for (int k = 0; k < rho; k++) {
      correlation[l + k].destroy();
    }
    return new Result(partial.withCheck(eta, mu), c);
  }

  static void destroy(Scalar[][] m) {
    for (Scalar[] row : m) {
      for (Scalar s : row) {
        s.destroy();
      }
    }
  }
}
