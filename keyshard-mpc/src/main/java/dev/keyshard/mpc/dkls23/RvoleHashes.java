package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.Transcript;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The two random oracles of DKLs23 Protocol 5.2, each bound to one VOLE instance (its binding
 * digest names the signing session, Alice, Bob, Bob's fresh nonce and Alice's, see
 * {@link VoleBinding#withAliceNonce}):
 * <ul>
 *   <li>θ = H_{Z_q^(ℓ×ρ)}(sid ‖ ã): the check challenge, derived <em>after</em> Alice fixed her
 *       correction vector ã (step 2.5 of Protocol 5.2). A challenge fixed before ã (0xCarbon derives
 *       it from Bob's message only) would let Alice choose inconsistent correlations that pass the
 *       check ({@code /work/dkls23-design.md} §1.2 item 1).
 *   <li>μ = H_{2κ}(sid ‖ μ⃗): the hash of the ξ·ρ check values (step 2.8; Bob recomputes it in step
 *       3.6), sent instead of the vector (DKLs23 §5.1).
 * </ul>
 * ã is first compressed with SHA-512 and then absorbed by a {@link Transcript}: in the random
 * oracle model this is the same oracle on a collision-resistant encoding, and it hashes the 40 KB
 * once instead of twice.
 *
 * <p>Stateless and thread-safe.
 */
final class RvoleHashes {
  static final String THETA_DOMAIN = "keyshard/dkls23/v1/rvole/theta";
  static final String MU_DOMAIN = "keyshard/dkls23/v1/rvole/mu";

  private RvoleHashes() {}

  /** θ_(i,k) for i &lt; ℓ, k &lt; ρ, row-major. */
  static Scalar[][] theta(byte[] binding, byte[] aTildeEncoded) {
    byte[] compressed = new byte[64];
    SHA512Digest d = new SHA512Digest();
    d.update(aTildeEncoded, 0, aTildeEncoded.length);
    d.doFinal(compressed, 0);
    Transcript base = Transcript.of(THETA_DOMAIN)
        .append("vole", binding)
        .appendInt("a-tilde-bytes", aTildeEncoded.length)
        .append("a-tilde-sha512", compressed);
    Scalar[][] theta = new Scalar[Dkls23Parameters.VOLE_LENGTH][Dkls23Parameters.CHECK_PADS];
    for (int i = 0; i < theta.length; i++) {
      for (int k = 0; k < theta[i].length; k++) {
        theta[i][k] = base.copy().appendInt("i", i).appendInt("k", k)
            .challengeScalar(Secp256k1.INSTANCE);
      }
    }
    return theta;
  }

  /** μ = H(sid ‖ μ⃗), with μ⃗ the ξ·ρ check scalars in row-major order; wipes the encoding. */
  static byte[] mu(byte[] binding, Scalar[][] checkValues) {
    byte[] all = new byte[checkValues.length * checkValues[0].length * 32];
    int off = 0;
    for (Scalar[] row : checkValues) {
      for (Scalar v : row) {
        byte[] b = v.toBytes();
        System.arraycopy(b, 0, all, off, 32);
        Arrays.fill(b, (byte) 0);
        off += 32;
      }
    }
    byte[] mu = Transcript.of(MU_DOMAIN).append("vole", binding).append("mu", all).digest();
    Arrays.fill(all, (byte) 0);
    return mu;
  }
}
