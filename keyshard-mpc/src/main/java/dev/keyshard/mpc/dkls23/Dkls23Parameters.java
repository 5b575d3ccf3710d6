package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.ot.OtParameters;

/**
 * The fixed parameters of DKLs23 over secp256k1, each with the place the paper states it.
 * {@code Dkls23ParametersTest} checks every constant against its formula, so a cut in a security
 * parameter fails the build (ATTACKS.md, TSSHOCK "reduced iteration count").
 *
 * <p>Not instantiable.
 */
public final class Dkls23Parameters {
  /** |q|: bits of the secp256k1 group order. */
  public static final int ORDER_BITS = 256;

  /**
   * ℓ = 2: Alice's inputs to F_RVOLE per pair, (r_i, sk_i) (DKLs23 Protocol 3.6, round 2, which
   * calls F_RVOLE with ℓ = 2 to get the shares of r_i·φ_j and sk_i·φ_j).
   */
  public static final int VOLE_LENGTH = 2;

  /**
   * ρ = ⌈λ_c / κ⌉ = ⌈128 / 256⌉ = 1 check pad (DKLs23 Protocol 5.2, "OT-Based Random Vector OLE",
   * with κ = |q| and λ_c the computational security parameter). Alice appends ρ random pads â to
   * her ℓ inputs; η = â + θ·a hides a, and the challenge θ ∈ Z_q^(ℓ×ρ) is drawn after ã is fixed.
   *
   * <p>Why this many: an Alice who corrects some OT j with an input other than (a ‖ â), to probe
   * Bob's bit β_j, passes the check only if θ_k·δ_j + δ̂_(j,k) = 0 for every pad k, where δ is her
   * deviation. θ is a hash output she sees only after committing to ã, so each pad fails her with
   * probability 1 − 1/q, and a grinding Alice with Q hash evaluations succeeds with probability at
   * most Q·q^(−ρ). ρ = ⌈λ_c/|q|⌉ makes q^(−ρ) ≤ 2^(−λ_c), the bound the rest of the protocol gives;
   * here one pad gives 2^(−256) per try. A field smaller than λ_c bits would need more pads, which is
   * why the paper writes ρ = ⌈λ_c/κ⌉. A second pad here would buy no security and cost
   * 13 KB per VOLE. The earlier DKLs19 batch form (Protocol
   * 1; 0xCarbon's {@code OT_WIDTH = 2L}) uses one pad per input instead.
   */
  public static final int CHECK_PADS =
      (OtParameters.COMPUTATIONAL_SECURITY + ORDER_BITS - 1) / ORDER_BITS;

  /** ℓ + ρ = 3: scalars per extended OT (DKLs23 Protocol 5.2, ROTe of width ℓ + ρ). */
  public static final int OT_WIDTH = VOLE_LENGTH + CHECK_PADS;

  /**
   * ξ = |q| + 2λ_s = 416 extended OTs per VOLE: Bob's random input is b = ⟨g, β⟩ for β ∈ {0,1}^ξ,
   * statistically close to uniform, and the 2λ_s slack absorbs a selective-failure attack on β
   * (DKLs23 Protocol 5.2, "batch-size ξ = |q| + 2σ"; DKLs19 §4, ξ = κ + 2s).
   */
  public static final int EXTENDED_OTS = ORDER_BITS + 2 * OtParameters.STATISTICAL_SECURITY;

  /**
   * κ base OTs per ordered pair of parties (DKLs23 Protocol 5.2, "Setup": κ base-OT seeds). The OT
   * layer owns this choice ({@link OtParameters#BASE_OT_COUNT}); see its javadoc for 128 against
   * 256.
   */
  public static final int BASE_OTS = OtParameters.BASE_OT_COUNT;

  /** Bytes of the VOLE check hash μ: 2κ bits (DKLs23 Protocol 5.2, H_{2κ}). */
  public static final int VOLE_CHECK_HASH_BYTES = 2 * OtParameters.COMPUTATIONAL_SECURITY / 8;

  private Dkls23Parameters() {}
}
