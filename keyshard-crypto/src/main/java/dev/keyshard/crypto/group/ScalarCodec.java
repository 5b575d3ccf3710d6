package dev.keyshard.crypto.group;

import java.security.SecureRandom;
import java.util.Arrays;

/** The scalar half of a {@link Group}: shared by both curves, parameterised by order and byte order. */
final class ScalarCodec {
  private final ScalarField field;
  private final Scalar zero;
  private final Scalar one;

  ScalarCodec(ScalarField field) {
    this.field = field;
    this.zero = new Scalar(field, new int[ScalarField.LIMBS]);
    this.one = new Scalar(field, field.oneMont.clone());
  }

  Scalar zero() {
    return zero;
  }

  Scalar one() {
    return one;
  }

  Scalar of(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative scalar literal");
    }
    int[] plain = new int[ScalarField.LIMBS];
    plain[0] = (int) value;
    plain[1] = (int) (value >>> 32);
    int[] z = new int[ScalarField.LIMBS];
    field.toMontgomery(plain, z);
    return new Scalar(field, z);
  }

  Scalar random(SecureRandom rng) {
    byte[] wide = new byte[64];
    while (true) {
      rng.nextBytes(wide);
      Scalar s = reduce(wide);
      if (!s.isZero()) {
        Arrays.fill(wide, (byte) 0);
        return s;
      }
    }
  }

  Scalar decode(byte[] encoded) throws InvalidEncodingException {
    if (encoded == null || encoded.length != 32) {
      throw new InvalidEncodingException(
          "scalar must be 32 bytes, got " + (encoded == null ? "none" : encoded.length));
    }
    int[] plain = field.limbsFromBytes(encoded, 0);
    if (!field.isReduced(plain)) {
      throw new InvalidEncodingException("scalar is not reduced modulo the group order");
    }
    int[] z = new int[ScalarField.LIMBS];
    field.toMontgomery(plain, z);
    Arrays.fill(plain, 0);
    return new Scalar(field, z);
  }

  /** Up to 64 bytes in the field's byte order, reduced modulo the order. */
  Scalar reduce(byte[] bytes) {
    if (bytes.length > 64) {
      throw new IllegalArgumentException("at most 64 bytes can be reduced, got " + bytes.length);
    }
    // Normalise to 64 little-endian bytes, then split into two 256-bit halves.
    byte[] le = new byte[64];
    for (int i = 0; i < bytes.length; i++) {
      le[i] = field.bigEndian ? bytes[bytes.length - 1 - i] : bytes[i];
    }
    int[] lo = littleEndianLimbs(le, 0);
    int[] hi = littleEndianLimbs(le, 32);
    int[] z = new int[ScalarField.LIMBS];
    field.reduceWide(lo, hi, z);
    Arrays.fill(le, (byte) 0);
    Arrays.fill(lo, 0);
    Arrays.fill(hi, 0);
    return new Scalar(field, z);
  }

  private static int[] littleEndianLimbs(byte[] le, int offset) {
    int[] z = new int[ScalarField.LIMBS];
    for (int i = 0; i < 32; i++) {
      z[i >>> 2] |= (le[offset + i] & 0xFF) << (8 * (i & 3));
    }
    return z;
  }
}
