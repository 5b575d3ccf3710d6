package dev.keyshard.crypto.group;

/**
 * <b>Variable-time</b> a·B + b·P for public scalars, as used by signature and commitment
 * verification and by the subgroup check: Straus's interleaving with width-5 NAF digits for P
 * (table of its 8 odd multiples, built per call) and width-8 NAF digits for B (table of its 64 odd
 * multiples in affine Niels form, built once). One shared run of about 253 doublings serves both
 * scalars. Never pass a secret scalar: the digit pattern shows in the timing. Thread-safe.
 */
final class VartimeMultiplier {
  private static final int WIDTH_P = 5;
  private static final int WIDTH_B = 8;
  /** B, 3B, 5B, …, 127B. */
  private static final AffineNiels[] ODD_B = oddMultiplesOfBase();

  private VartimeMultiplier() {}

  private static AffineNiels[] oddMultiplesOfBase() {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    ExtendedPoint b = PointCodec.basePoint();
    ExtendedPoint twoB = b.copy();
    ExtendedPoint.dbl(twoB, twoB, s, true);
    CachedPoint cachedTwoB = CachedPoint.of(twoB);
    ExtendedPoint[] odd = new ExtendedPoint[1 << (WIDTH_B - 2)];
    odd[0] = b;
    for (int i = 1; i < odd.length; i++) {
      odd[i] = odd[i - 1].copy();
      ExtendedPoint.add(odd[i], cachedTwoB, false, odd[i], s, true);
    }
    return AffineNiels.batchOf(odd);
  }

  /**
   * a·B + b·p for 32-byte little-endian a, b below 2^255 (a may be all zeros).
   */
  static ExtendedPoint multiplyAndAddBase(byte[] a, byte[] b, ExtendedPoint p) {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    byte[] nafA = ScalarDigits.wnaf(a, WIDTH_B);
    byte[] nafB = ScalarDigits.wnaf(b, WIDTH_P);
    CachedPoint[] oddP = oddMultiples(p, s);

    int top = 255;
    while (top >= 0 && nafA[top] == 0 && nafB[top] == 0) {
      top--;
    }
    ExtendedPoint acc = ExtendedPoint.identity();
    for (int i = top; i >= 0; i--) {
      int da = nafA[i];
      int db = nafB[i];
      if (i != top) {
        // T is needed only when an addition follows, or for the final result.
        ExtendedPoint.dbl(acc, acc, s, da != 0 || db != 0 || i == 0);
      }
      // Digit ±(2j + 1) selects entry j, negated for a negative digit.
      if (da != 0) {
        ExtendedPoint.add(acc, ODD_B[Math.abs(da) >> 1], da < 0, acc, s, db != 0 || i == 0);
      }
      if (db != 0) {
        ExtendedPoint.add(acc, oddP[Math.abs(db) >> 1], db < 0, acc, s, i == 0);
      }
    }
    return acc;
  }

  /** b·p for a public 32-byte little-endian b below 2^255. */
  static ExtendedPoint multiply(byte[] b, ExtendedPoint p) {
    return multiplyAndAddBase(new byte[32], b, p);
  }

  /** p, 3p, 5p, …, 15p in cached form. */
  private static CachedPoint[] oddMultiples(ExtendedPoint p, ExtendedPoint.Scratch s) {
    CachedPoint[] table = new CachedPoint[1 << (WIDTH_P - 2)];
    ExtendedPoint twoP = p.copy();
    ExtendedPoint.dbl(twoP, twoP, s, true);
    CachedPoint cachedTwoP = CachedPoint.of(twoP);
    ExtendedPoint acc = p.copy();
    table[0] = CachedPoint.of(acc);
    for (int i = 1; i < table.length; i++) {
      ExtendedPoint.add(acc, cachedTwoP, false, acc, s, true);
      table[i] = CachedPoint.of(acc);
    }
    return table;
  }
}
