package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.rfc7748.X25519Field;

/**
 * The 32-byte point encoding of RFC 8032 §5.1.2 and its decoding §5.1.3, on {@link ExtendedPoint}.
 * Decoding here is exactly RFC 8032's: it accepts small-order and mixed-order points, which
 * signature verification must see as RFC 8032 defines it; {@link Ed25519#decodePoint(byte[])} adds
 * the RFC 9591 subgroup checks. Stateless and thread-safe.
 */
final class PointCodec {
  /** RFC 8032 §5.1: B = (x, 4/5) with x positive (even), encoded. */
  private static final byte[] BASE_ENCODING = {
      0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
      0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

  private PointCodec() {}

  /** A fresh copy of the base point B. */
  static ExtendedPoint basePoint() {
    try {
      return decode(BASE_ENCODING);
    } catch (InvalidEncodingException e) {
      throw new dev.keyshard.crypto.internal.KeyshardBug("base point does not decode", e);
    }
  }

  /**
   * RFC 8032 §5.1.2: the little-endian y-coordinate with the least significant bit of x in bit 255.
   * Uses a constant-time inversion: the projective Z of a product can leak bits of the scalar that
   * the affine point does not, so it is not handed to a variable-time routine.
   */
  static byte[] encode(ExtendedPoint p) {
    int[] zinv = Ed25519Field.create();
    X25519Field.inv(p.z, zinv);
    return encodeWith(p, zinv);
  }

  /** The encoding of p given 1/Z. */
  private static byte[] encodeWith(ExtendedPoint p, int[] zinv) {
    int[] x = Ed25519Field.create();
    int[] y = Ed25519Field.create();
    X25519Field.mul(p.x, zinv, x);
    X25519Field.mul(p.y, zinv, y);
    X25519Field.normalize(x);
    X25519Field.normalize(y);
    byte[] out = new byte[32];
    X25519Field.encode(y, out, 0);
    // Step 2 of §5.1.2: copy the least significant bit of x into the most significant bit of the
    // final octet (y < p < 2^255, so that bit is free).
    out[31] |= (byte) ((x[0] & 1) << 7);
    return out;
  }

  /**
   * {@link #encode} for several points with one inversion (Montgomery's trick: invert the product
   * of the Z, then peel off each inverse with two multiplications). Constant-time like
   * {@link #encode}. Z is never zero on this curve, so any points will do.
   */
  static byte[][] encodeAll(ExtendedPoint[] points) {
    int n = points.length;
    int[][] prefix = new int[n][];
    int[] acc = Ed25519Field.one();
    for (int i = 0; i < n; i++) {
      prefix[i] = acc.clone();
      X25519Field.mul(acc, points[i].z, acc);
    }
    X25519Field.inv(acc, acc);
    byte[][] out = new byte[n][];
    int[] zinv = Ed25519Field.create();
    for (int i = n - 1; i >= 0; i--) {
      X25519Field.mul(acc, prefix[i], zinv);
      X25519Field.mul(acc, points[i].z, acc);
      out[i] = encodeWith(points[i], zinv);
    }
    return out;
  }

  /**
   * RFC 8032 §5.1.3, steps 1–4. Variable-time (encodings are public).
   *
   * @throws InvalidEncodingException when the input is not 32 bytes, y is not below p, no x exists
   *     for y, or x = 0 with the sign bit set
   */
  static ExtendedPoint decode(byte[] encoded) throws InvalidEncodingException {
    if (encoded == null || encoded.length != 32) {
      throw new InvalidEncodingException(
          "ed25519 point must be 32 bytes, got " + (encoded == null ? "none" : encoded.length));
    }
    // Step 1: bit 255 is x_0; the rest is y, which must be canonical (y < p).
    int sign = (encoded[31] >>> 7) & 1;
    if (Ed25519Field.isAtLeastP(encoded)) {
      throw new InvalidEncodingException("ed25519 point: y is not below p (non-canonical)");
    }
    int[] y = Ed25519Field.create();
    // X25519Field.decode drops bit 255.
    X25519Field.decode(encoded, 0, y);

    // Steps 2–3: x² = u/v with u = y² − 1, v = d·y² + 1 (from −x² + y² = 1 + d·x²·y²).
    int[] u = Ed25519Field.create();
    int[] v = Ed25519Field.create();
    X25519Field.sqr(y, u);
    X25519Field.mul(u, Ed25519Field.D, v);
    X25519Field.subOne(u);
    X25519Field.addOne(v);
    int[] x = Ed25519Field.create();
    if (!X25519Field.sqrtRatioVar(u, v, x)) {
      throw new InvalidEncodingException("ed25519 point: not on the curve (u/v is not a square)");
    }
    X25519Field.normalize(x);

    // Step 4: "If x = 0, and x_0 = 1, decoding fails. Otherwise, if x_0 != x mod 2, set x <-- p - x."
    if (X25519Field.isZeroVar(x) && sign == 1) {
      throw new InvalidEncodingException("ed25519 point: x = 0 with the sign bit set");
    }
    if ((x[0] & 1) != sign) {
      X25519Field.negate(x, x);
      X25519Field.normalize(x);
    }
    int[] t = Ed25519Field.create();
    X25519Field.mul(x, y, t);
    return new ExtendedPoint(x, y, Ed25519Field.one(), t);
  }
}
