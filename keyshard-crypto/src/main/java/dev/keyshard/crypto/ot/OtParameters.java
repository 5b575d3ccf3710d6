package dev.keyshard.crypto.ot;

/**
 * The fixed parameters of the OT layer. Every constant is checked against its formula by
 * {@code OtParametersTest}, so a cut in a security parameter fails the build (ATTACKS.md, TSSHOCK
 * "reduced iteration count").
 *
 * <h2>Choices</h2>
 *
 * <ul>
 *   <li>{@link #BASE_OT_COUNT} = λ_c = 128 base OTs per ordered pair, which is also the bit length of
 *       the extension sender's correlation Δ. DKLs23 separates κ = |q| = 256 (the field size, which
 *       sets the gadget length ξ = κ + 2λ_s) from the computational security parameter λ_c = 128,
 *       and the OT extension needs λ_c base OTs. DKLs19 wrote κ = |q| for both, which is why its
 *       reference code, 0xCarbon and Kryptology run 256 base OTs; their own KOS parameter is
 *       128 + 80. (We could not read the DKLs23 PDF here; this follows three transcriptions of its
 *       notation that agree. Re-check against §5.1/§8.1 of ePrint 2023/765.)
 *   <li>{@link #STATISTICAL_SECURITY} λ_s = 80 (KOS15, DKLs19, DKLs23).
 *   <li>{@link #CHECK_FIELD_BITS} = 128 + λ_s = 208: the KOS15 consistency check hashes each
 *       base-OT column into GF(2^208) ({@link Gf2k208}), as the DKLs implementations do; the
 *       Fiat–Shamir challenge then resists 2^128 grinding with 80 bits to spare.
 *   <li>{@link #SEED_BYTES} = 32: base-OT outputs are SHA-256 outputs, used whole as PRG seeds.
 * </ul>
 *
 * <p>Not instantiable.
 */
public final class OtParameters {
  /** Computational security in bits: that of secp256k1 itself. */
  public static final int COMPUTATIONAL_SECURITY = 128;
  /** λ_s, statistical security in bits (KOS15 §3, DKLs19 §4). */
  public static final int STATISTICAL_SECURITY = 80;
  /** λ_c: base OTs per ordered pair, and the bit length of Δ. See the class comment. */
  public static final int BASE_OT_COUNT = COMPUTATIONAL_SECURITY;
  /** The degree of the KOS15 check field GF(2^k): 128 + λ_s. */
  public static final int CHECK_FIELD_BITS = COMPUTATIONAL_SECURITY + STATISTICAL_SECURITY;
  /** Bytes of one base-OT output (a PRG seed). */
  public static final int SEED_BYTES = 32;
  /** The most base OTs one batch may hold (bounds the work a peer can cause). */
  public static final int MAX_BASE_OTS = 1024;
  /** The most extended OTs one extension may produce. */
  public static final int MAX_EXTENDED_OTS = 1 << 16;
  /** The most scalars per extended OT (the correlation width w). */
  public static final int MAX_WIDTH = 64;

  private OtParameters() {}
}
