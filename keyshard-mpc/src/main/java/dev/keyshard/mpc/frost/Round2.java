package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.PartyId;

/**
 * Round two, signature share generation (RFC 9591 §5.2 {@code sign}). Stateless: the binding
 * factors, group commitment, challenge and λ_i come precomputed in the {@link SigningPackage}.
 */
final class Round2 {
  private Round2() {}

  /**
   * {@code sig_share = hiding_nonce + binding_nonce·binding_factor
   * + lambda_i·secret_key_i·challenge}
   * (RFC 9591 §5.2), with the nonce part negated when the suite needs an even-y R (BIP-340, ZF
   * {@code compute_signature_share}). Consumes and destroys {@code nonces}.
   *
   * @param signingShare {@code secret_key_i}, already normalised for the suite; not destroyed here
   * @throws IllegalArgumentException when {@code self}'s commitments in the package are not the
   *     ones these nonces committed to (§5.2: "each participant MUST ensure that its identifier and
   *     commitments (from the first round) appear in commitment_list")
   * @throws IllegalStateException when the nonces were already used
   */
  static SignatureShare sign(SigningPackage pkg, PartyId self, SecretScalar signingShare,
      SigningNonces nonces) {
    if (!nonces.commitments().equals(pkg.commitments().get(self))) {
      nonces.destroy();
      throw new IllegalArgumentException(self + "'s commitments are not in the signing package");
    }
    // §5.2: binding_factor = binding_factor_for_participant(binding_factor_list, identifier)
    Scalar rho = pkg.bindingFactors().of(self);
    // §5.2: lambda_i * challenge, public
    Scalar lambdaC = pkg.interpolatingValue(self).multiply(pkg.challenge());
    // §5.2: sig_share = hiding_nonce + (binding_nonce * binding_factor)
    //     + (lambda_i * secret_key_i * challenge)
    try (SecretScalar k = nonces.consume(rho, pkg.negateNonces());
        SecretScalar keyPart = signingShare.multiply(lambdaC);
        SecretScalar z = k.add(keyPart)) {
      return SignatureShare.of(z.declassify());
    }
  }
}
