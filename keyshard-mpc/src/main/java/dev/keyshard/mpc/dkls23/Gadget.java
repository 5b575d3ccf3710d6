package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.Transcript;

/**
 * The public gadget vector g ∈ Z_q^ξ of DKLs23 Protocol 5.2 ("Setup: set an arbitrary public
 * gadget vector g"): Bob's random VOLE input is b = Σ_j g_j·β_j. Each g_j is a fixed hash of its
 * index, so no party can choose it (0xCarbon lets Bob pick it at key generation; a fixed vector
 * needs no agreement and cannot be ground). With uniform β the leftover hash lemma makes b
 * 2^-λ_s-close to uniform.
 *
 * <p>Package-private; immutable and thread-safe.
 */
final class Gadget {
  static final String DOMAIN = "keyshard/dkls23/v1/gadget";
  private static final Scalar[] G = build();

  private Gadget() {}

  private static Scalar[] build() {
    Scalar[] g = new Scalar[Dkls23Parameters.EXTENDED_OTS];
    for (int j = 0; j < g.length; j++) {
      g[j] = Transcript.of(DOMAIN).appendInt("index", j).challengeScalar(Secp256k1.INSTANCE);
    }
    return g;
  }

  /** g_j. */
  static Scalar at(int j) {
    return G[j];
  }
}
