package dev.keyshard.crypto.group;

/**
 * <b>Variable-time</b> multi-scalar multiplication for public scalars, as used by signature and
 * commitment verification and by FROST's group commitment: Straus's interleaving with width-5 NAF
 * digits for each variable point (table of its 8 odd multiples, built per call) and width-8 NAF
 * digits for the fixed bases B and 2^128·B (tables of 64 odd multiples in affine Niels form, built
 * once). One shared run of doublings serves every scalar, so each extra point costs only its
 * additions (about 45 for a full-size scalar). Never pass a secret scalar: the digit pattern shows
 * in the timing. Thread-safe.
 */
final class VartimeMultiplier {
  private static final int WIDTH_P = 5;
  private static final int WIDTH_B = 8;
  /** B, 3B, 5B, …, 127B. */
  private static final AffineNiels[] ODD_B = oddMultiples(PointCodec.basePoint());
  /** The same for 2^128·B, so a full-size scalar of B splits into two 128-bit halves. */
  private static final AffineNiels[] ODD_B128 = oddMultiples(timesTwoTo128(PointCodec.basePoint()));

  private VartimeMultiplier() {}

  /**
   * a·B + b·p for 32-byte little-endian a, b below 2^255 (a may be all zeros).
   */
  static ExtendedPoint multiplyAndAddBase(byte[] a, byte[] b, ExtendedPoint p) {
    return multiplyAndAddBase(a, new byte[][] {b}, new ExtendedPoint[] {p});
  }

  /**
   * a·B + Σ b[i]·p[i] for 32-byte little-endian scalars below 2^255 (a may be all zeros).
   */
  static ExtendedPoint multiplyAndAddBase(byte[] a, byte[][] b, ExtendedPoint[] p) {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    byte[][] nafs = new byte[p.length][];
    CachedPoint[][] tables = new CachedPoint[p.length][];
    for (int j = 0; j < p.length; j++) {
      nafs[j] = ScalarDigits.wnaf(b[j], WIDTH_P);
      tables[j] = oddMultiples(p[j], s);
    }
    return straus(new byte[][] {ScalarDigits.wnaf(a, WIDTH_B)}, new AffineNiels[][] {ODD_B},
        nafs, tables, s);
  }

  /** b·p for a public 32-byte little-endian b below 2^255. */
  static ExtendedPoint multiply(byte[] b, ExtendedPoint p) {
    return multiplyAndAddBase(new byte[32], b, p);
  }

  /**
   * w·B + b·p + c·q where w is a full-size scalar and b, c are below 2^128: half the doublings of
   * {@link #multiplyAndAddBase}, because w is split as w0 + w1·2^128 over B and 2^128·B.
   */
  static ExtendedPoint multiplyShort(byte[] w, byte[] b, ExtendedPoint p, byte[] c,
      ExtendedPoint q) {
    byte[] w0 = new byte[32];
    byte[] w1 = new byte[32];
    System.arraycopy(w, 0, w0, 0, 16);
    System.arraycopy(w, 16, w1, 0, 16);
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    return straus(
        new byte[][] {ScalarDigits.wnaf(w0, WIDTH_B), ScalarDigits.wnaf(w1, WIDTH_B)},
        new AffineNiels[][] {ODD_B, ODD_B128},
        new byte[][] {ScalarDigits.wnaf(b, WIDTH_P), ScalarDigits.wnaf(c, WIDTH_P)},
        new CachedPoint[][] {oddMultiples(p, s), oddMultiples(q, s)}, s);
  }

  /**
   * Σ fixedNaf[k]·(fixed base k) + Σ naf[j]·(point j), left to right over the digit positions.
   * Digit ±(2m + 1) selects table entry m, negated for a negative digit.
   */
  private static ExtendedPoint straus(byte[][] fixedNafs, AffineNiels[][] fixed, byte[][] nafs,
      CachedPoint[][] tables, ExtendedPoint.Scratch s) {
    int top = 255;
    while (top >= 0 && lastNonZero(fixedNafs, nafs, top) < 0) {
      top--;
    }
    ExtendedPoint acc = ExtendedPoint.identity();
    for (int i = top; i >= 0; i--) {
      // Additions are numbered fixed bases first; T is needed only when another addition follows
      // at this position, or for the final result.
      int last = lastNonZero(fixedNafs, nafs, i);
      if (i != top) {
        ExtendedPoint.dbl(acc, acc, s, last >= 0 || i == 0);
      }
      for (int k = 0; k < fixedNafs.length && k <= last; k++) {
        int d = fixedNafs[k][i];
        if (d != 0) {
          ExtendedPoint.add(acc, fixed[k][Math.abs(d) >> 1], d < 0, acc, s, k < last || i == 0);
        }
      }
      for (int j = 0; j < nafs.length && fixedNafs.length + j <= last; j++) {
        int d = nafs[j][i];
        if (d != 0) {
          ExtendedPoint.add(acc, tables[j][Math.abs(d) >> 1], d < 0, acc, s,
              fixedNafs.length + j < last || i == 0);
        }
      }
    }
    return acc;
  }

  /** The number of the last addition with a non-zero digit at position i, or −1 for none. */
  private static int lastNonZero(byte[][] fixedNafs, byte[][] nafs, int i) {
    for (int j = nafs.length - 1; j >= 0; j--) {
      if (nafs[j][i] != 0) {
        return fixedNafs.length + j;
      }
    }
    for (int k = fixedNafs.length - 1; k >= 0; k--) {
      if (fixedNafs[k][i] != 0) {
        return k;
      }
    }
    return -1;
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

  /** p, 3p, …, 127p in affine Niels form, for a fixed base (built at class initialisation). */
  private static AffineNiels[] oddMultiples(ExtendedPoint p) {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    ExtendedPoint twoP = p.copy();
    ExtendedPoint.dbl(twoP, twoP, s, true);
    CachedPoint cachedTwoP = CachedPoint.of(twoP);
    ExtendedPoint[] odd = new ExtendedPoint[1 << (WIDTH_B - 2)];
    odd[0] = p;
    for (int i = 1; i < odd.length; i++) {
      odd[i] = odd[i - 1].copy();
      ExtendedPoint.add(odd[i], cachedTwoP, false, odd[i], s, true);
    }
    return AffineNiels.batchOf(odd);
  }

  private static ExtendedPoint timesTwoTo128(ExtendedPoint p) {
    ExtendedPoint.Scratch s = new ExtendedPoint.Scratch();
    ExtendedPoint r = p.copy();
    for (int i = 0; i < 128; i++) {
      ExtendedPoint.dbl(r, r, s, i == 127);
    }
    return r;
  }
}
