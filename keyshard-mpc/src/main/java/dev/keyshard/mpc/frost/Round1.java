package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Round one, commitment (RFC 9591 §5.1 {@code commit}): two fresh nonces hedged with the signing
 * share, and their commitments. Stateless; the party keeps the returned {@link SigningNonces}.
 */
final class Round1 {
  private Round1() {}

  /** RFC 9591 §5.1 {@code commit(secret_key_i)} with fresh randomness from {@code rng}. */
  static SigningNonces commit(FrostCiphersuite suite, SecretScalar signingShare, SecureRandom rng) {
    // RFC 9591 §4.1 nonce_generate: random_bytes = random_bytes(32)
    byte[] hidingRandomness = new byte[32];
    byte[] bindingRandomness = new byte[32];
    rng.nextBytes(hidingRandomness);
    rng.nextBytes(bindingRandomness);
    try {
      return commit(suite, signingShare, hidingRandomness, bindingRandomness);
    } finally {
      Arrays.fill(hidingRandomness, (byte) 0);
      Arrays.fill(bindingRandomness, (byte) 0);
    }
  }

  /**
   * {@code commit} with given {@code random_bytes} for each nonce. Only for the RFC 9591 test
   * vectors: it exists package-private so that tests can reproduce Appendix E; production code
   * draws fresh randomness through {@link #commit(FrostCiphersuite, SecretScalar, SecureRandom)}.
   */
  static SigningNonces commit(FrostCiphersuite suite, SecretScalar signingShare,
      byte[] hidingRandomness, byte[] bindingRandomness) {
    // §5.1: hiding_nonce = nonce_generate(secret_key_i)
    SecretScalar hiding = suite.hashes().nonceGenerate(hidingRandomness, signingShare);
    // §5.1: binding_nonce = nonce_generate(secret_key_i)
    SecretScalar binding = suite.hashes().nonceGenerate(bindingRandomness, signingShare);
    return new SigningNonces(hiding, binding);
  }
}
