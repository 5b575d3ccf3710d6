package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import javax.security.auth.Destroyable;

/**
 * A signer's secret round-one nonces {@code (d_i, e_i)} (RFC 9591 §5.1, {@code nonce}) with their
 * public {@link SigningCommitments}.
 *
 * <h2>Security</h2>
 * Single-use by construction. RFC 9591 §5.2: "Each participant MUST delete the nonce and
 * corresponding commitment after completing sign, and MUST NOT use the nonce as input more than
 * once to sign" — two signature shares under one nonce pair reveal the signing share (RFC 9591
 * §7.3, nonce reuse). {@link #consume(Scalar, boolean)} is the only way to sign with the nonces;
 * it destroys them, and a second call throws. There is no serialisation, copy or export, so nonces
 * cannot be persisted and restored; {@link #toString()} prints nothing secret.
 *
 * <p>Not thread-safe.
 */
final class SigningNonces implements Destroyable {
  private final SecretScalar hiding;
  private final SecretScalar binding;
  private final SigningCommitments commitments;
  private boolean used;

  /** Takes ownership of both nonces; RFC 9591 §5.1 {@code commit}, last steps. */
  SigningNonces(SecretScalar hiding, SecretScalar binding) {
    this.hiding = hiding;
    this.binding = binding;
    // RFC 9591 §5.1: hiding_nonce_commitment = G.ScalarBaseMult(hiding_nonce), and the same for
    // the binding nonce.
    this.commitments = SigningCommitments.of(hiding.publicPoint(), binding.publicPoint());
  }

  SigningCommitments commitments() {
    return commitments;
  }

  /**
   * Uses the nonces once: returns {@code d_i + e_i·ρ_i} (RFC 9591 §5.2, the nonce part of
   * {@code sig_share}), negated when {@code negate} is set (BIP-340 odd R), then destroys them.
   *
   * @throws IllegalStateException when the nonces were already used or destroyed
   */
  SecretScalar consume(Scalar bindingFactor, boolean negate) {
    if (used || isDestroyed()) {
      throw new IllegalStateException("signing nonces are single-use and were already used");
    }
    used = true;
    try (SecretScalar bound = binding.multiply(bindingFactor)) {
      SecretScalar k = hiding.add(bound);
      if (!negate) {
        return k;
      }
      try (k) {
        return k.negate();
      }
    } finally {
      destroy();
    }
  }

  /** Wipes both nonces (best effort, see {@link SecretScalar#destroy()}); idempotent. */
  @Override
  public void destroy() {
    used = true;
    if (!hiding.isDestroyed()) {
      hiding.destroy();
    }
    if (!binding.isDestroyed()) {
      binding.destroy();
    }
  }

  @Override
  public boolean isDestroyed() {
    return hiding.isDestroyed() && binding.isDestroyed();
  }

  @Override
  public String toString() {
    return "SigningNonces[redacted]";
  }
}
