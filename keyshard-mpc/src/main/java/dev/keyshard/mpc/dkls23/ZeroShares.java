package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.PartyId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * F_Zero, DKLs23 Functionality 3.4 ("Zero-sharing sampling"), instantiated as the paper suggests:
 * at key generation every pair {i, j} commits to a random seed each, then opens it; the pair's
 * seed is s_ij = seed_i ⊕ seed_j (the paper adds the seeds; over bit strings XOR is that sum, as
 * 0xCarbon does too). Neither party fixes s_ij alone, because each committed before seeing the
 * other's value.
 *
 * <p>For a signing session with signer set S, party i's zero share is
 * ζ_i = Σ_{j∈S, j≠i} ±PRF(s_ij, sid), + when i &lt; j and − otherwise, with PRF a SHA-512
 * transcript reduced mod q. Each pair's term appears once with each sign, so Σ_{i∈S} ζ_i = 0, and
 * to anyone missing one seed of an honest party's pairs the shares look uniform. The session
 * binding makes the shares of two sessions independent.
 *
 * <p>Stateless and thread-safe.
 */
final class ZeroShares {
  static final String DOMAIN = "keyshard/dkls23/v1/zero-share";
  /** Bytes of a seed: 2λ_c = 256 bits (DKLs23 F_Zero setup). */
  static final int SEED_LENGTH = 32;

  private ZeroShares() {}

  /** s_ij = seed_i ⊕ seed_j; symmetric, so both parties of the pair compute the same value. */
  static byte[] pairSeed(byte[] mine, byte[] theirs) {
    if (mine.length != SEED_LENGTH || theirs.length != SEED_LENGTH) {
      throw new IllegalArgumentException("zero-share seeds must be " + SEED_LENGTH + " bytes");
    }
    byte[] out = new byte[SEED_LENGTH];
    for (int k = 0; k < SEED_LENGTH; k++) {
      out[k] = (byte) (mine[k] ^ theirs[k]);
    }
    return out;
  }

  /**
   * ζ_self for {@code signers} in the session bound by {@code sessionBinding}.
   *
   * @param pairSeeds s_(self, j) for at least every other signer j
   * @throws IllegalArgumentException when a signer's seed is missing or self is not a signer
   */
  static SecretScalar share(PartyId self, Set<PartyId> signers, Map<PartyId, byte[]> pairSeeds,
      byte[] sessionBinding) {
    Objects.requireNonNull(sessionBinding, "sessionBinding");
    if (!signers.contains(self)) {
      throw new IllegalArgumentException(self + " is not a signer");
    }
    Secp256k1 group = Secp256k1.INSTANCE;
    // A fresh zero: intermediate sums are destroyed, and group.zero() is a shared constant.
    Scalar sum = group.zero().add(group.zero());
    for (PartyId j : signers) {
      if (j.equals(self)) {
        continue;
      }
      byte[] seed = pairSeeds.get(j);
      if (seed == null) {
        throw new IllegalArgumentException("no zero-share seed with " + j);
      }
      PartyId low = self.compareTo(j) < 0 ? self : j;
      PartyId high = self.compareTo(j) < 0 ? j : self;
      Scalar fragment = Transcript.of(DOMAIN)
          .append("session", sessionBinding)
          .appendInt("low", low.value())
          .appendInt("high", high.value())
          .append("seed", seed)
          .challengeScalar(group);
      Scalar next = self.equals(low) ? sum.add(fragment) : sum.subtract(fragment);
      sum.destroy();
      fragment.destroy();
      sum = next;
    }
    return SecretScalar.wrap(sum);
  }
}
