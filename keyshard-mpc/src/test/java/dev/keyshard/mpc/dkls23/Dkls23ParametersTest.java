package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.OtParameters;
import org.junit.jupiter.api.Test;

/**
 * Every DKLs23 constant against its formula and the paper's lower bounds (ATTACKS.md, TSSHOCK
 * "reduced iteration count": a cut parameter must fail the build).
 */
class Dkls23ParametersTest {
  @Test
  void constantsFollowTheirFormulas() {
    assertEquals(Secp256k1.INSTANCE.order().bitLength(), Dkls23Parameters.ORDER_BITS);
    assertEquals(2, Dkls23Parameters.VOLE_LENGTH);
    // ρ = ⌈λ_c/κ⌉ with κ = |q| = 256 and λ_c = 128: one pad (DKLs23 Protocol 5.2). The check's
    // soundness is q^(−ρ), which must stay at or below 2^(−λ_c).
    assertTrue(OtParameters.COMPUTATIONAL_SECURITY >= 128);
    assertEquals(1, Dkls23Parameters.CHECK_PADS);
    assertEquals((OtParameters.COMPUTATIONAL_SECURITY + 255) / 256, Dkls23Parameters.CHECK_PADS);
    assertTrue(Dkls23Parameters.CHECK_PADS * Dkls23Parameters.ORDER_BITS
        >= OtParameters.COMPUTATIONAL_SECURITY);
    assertEquals(Dkls23Parameters.VOLE_LENGTH + Dkls23Parameters.CHECK_PADS,
        Dkls23Parameters.OT_WIDTH);
    // ξ = |q| + 2λ_s with λ_s ≥ 80.
    assertTrue(OtParameters.STATISTICAL_SECURITY >= 80);
    assertEquals(256 + 2 * OtParameters.STATISTICAL_SECURITY, Dkls23Parameters.EXTENDED_OTS);
    assertEquals(416, Dkls23Parameters.EXTENDED_OTS);
    assertTrue(Dkls23Parameters.BASE_OTS >= OtParameters.COMPUTATIONAL_SECURITY);
    assertEquals(32, Dkls23Parameters.VOLE_CHECK_HASH_BYTES);
    // Salts, seeds and nonces carry 2λ_c bits.
    assertEquals(32, HashCommitment.SALT_LENGTH);
    assertEquals(32, ZeroShares.SEED_LENGTH);
    assertEquals(32, VoleBinding.NONCE_LENGTH);
  }

  @Test
  void gadgetIsFixedAndDistinct() {
    java.util.Set<dev.keyshard.crypto.group.Scalar> seen = new java.util.HashSet<>();
    for (int j = 0; j < Dkls23Parameters.EXTENDED_OTS; j++) {
      assertTrue(seen.add(Gadget.at(j)), "gadget entry " + j + " repeats");
    }
  }

  @Test
  void domainTagsAreDistinct() {
    java.util.List<String> tags = java.util.List.of(HashCommitment.DOMAIN, ZeroShares.DOMAIN,
        ChainCode.DOMAIN, Gadget.DOMAIN, RvoleHashes.THETA_DOMAIN, RvoleHashes.MU_DOMAIN,
        VoleBinding.DOMAIN, KeygenContext.DOMAIN, SignContext.DOMAIN);
    assertEquals(tags.size(), new java.util.HashSet<>(tags).size());
  }
}
