package dev.keyshard.crypto.ot;

/**
 * The dimensions of one KOS15 extension, fixed by κ (base OTs) and m (extended OTs) alone, so both
 * parties derive them and check every received length against them.
 *
 * <p>The check follows KOS15 revised Fig. 10 as the DKLs23 implementations read it (0xCarbon cites
 * "Fig. 10 in KOS" for it; the paper text itself could not be checked here): ℓ' = ℓ + (128 + λ_s)
 * OTs are extended and each base-OT column is hashed in blocks of the check field, with one
 * Fiat–Shamir challenge per data block. Here a column of ℓ' bits is
 * {@link #dataBlocks} blocks of 208 bits holding the m choice bits (the rest of the last data block
 * is random filler, whose OTs are discarded) followed by one random pad block of 208 bits, which
 * masks the receiver's choice bits in x̂. For m = 416 (DKLs19/23 ξ = 256 + 2·80) this is
 * 416 + 208 = 624 bits, 78 bytes per row, exactly as in {@code /work/dkls23-design.md} §2.
 *
 * <p>Package-private. Immutable.
 */
final class KosShape {
  static final String PROTOCOL = "kos15-extension";
  final int kappa;
  final int count;
  final int dataBlocks;
  final int rowBytes;

  private KosShape(int kappa, int count) {
    this.kappa = kappa;
    this.count = count;
    this.dataBlocks = (count + Gf2k208.BITS - 1) / Gf2k208.BITS;
    this.rowBytes = (dataBlocks + 1) * Gf2k208.BYTES;
  }

  /**
   * @throws IllegalArgumentException when κ is not a multiple of 64 from 128 to 1024, or m is not 1
   *     to {@link OtParameters#MAX_EXTENDED_OTS}
   */
  static KosShape of(int kappa, int count) {
    checkKappa(kappa);
    checkCount(count);
    return new KosShape(kappa, count);
  }

  static void checkCount(int count) {
    if (count < 1 || count > OtParameters.MAX_EXTENDED_OTS) {
      throw new IllegalArgumentException(
          "extended OT count must be 1 to " + OtParameters.MAX_EXTENDED_OTS);
    }
  }

  static void checkKappa(int kappa) {
    if (kappa < 128 || kappa > OtParameters.MAX_BASE_OTS || kappa % 64 != 0) {
      throw new IllegalArgumentException("KOS needs a multiple of 64 base OTs, 128 to 1024");
    }
  }

  static void checkWidth(int width) {
    if (width < 1 || width > OtParameters.MAX_WIDTH) {
      throw new IllegalArgumentException("width must be 1 to " + OtParameters.MAX_WIDTH);
    }
  }

  /** The session digest every oracle of this extension absorbs. */
  byte[] digest(OtSession session) {
    return session.digest(PROTOCOL, kappa, count);
  }

  /** Bytes of the receiver's message: u (κ rows) ‖ x̂ ‖ t̂ (κ elements). */
  int extendMessageBytes() {
    return kappa * rowBytes + Gf2k208.BYTES + kappa * Gf2k208.BYTES;
  }

  /**
   * KOS15 Fig. 10, "Consistency check", the hash of one column: Σ_k χ_k · v^(k) + v^(pad) over
   * GF(2^208), for the row {@code v} of {@link #rowBytes} bytes.
   */
  long[] checkHash(Gf2k208.Multiplier[] chi, byte[] v) {
    long[] acc = Gf2k208.fromBytes(v, dataBlocks * Gf2k208.BYTES);
    for (int k = 0; k < dataBlocks; k++) {
      chi[k].timesInto(v, k * Gf2k208.BYTES, acc);
    }
    return acc;
  }

  static Gf2k208.Multiplier[] multipliers(long[][] chi) {
    Gf2k208.Multiplier[] m = new Gf2k208.Multiplier[chi.length];
    for (int k = 0; k < chi.length; k++) {
      m[k] = Gf2k208.multiplierFor(chi[k]);
    }
    return m;
  }
}
