package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A point of {@link Secp256k1}, wrapping BouncyCastle's (possibly projective) representation.
 * Immutable and thread-safe: the compressed encoding is cached with a benign race (every thread
 * computes the same bytes), because encoding a projective point costs a field inversion and
 * points are encoded again and again in transcripts and hashes.
 */
public final class Secp256k1Point implements Point {
  private final Secp256k1 group;
  private final ECPoint p;
  private volatile byte[] encoding;

  Secp256k1Point(Secp256k1 group, ECPoint p) {
    this.group = group;
    this.p = p;
  }

  /** Wraps a point just decoded from its compressed {@code encoding} (owned from now on). */
  Secp256k1Point(Secp256k1 group, ECPoint p, byte[] encoding) {
    this.group = group;
    this.p = p;
    this.encoding = encoding;
  }

  @Override
  public Group group() {
    return group;
  }

  ECPoint ec() {
    return p;
  }

  @Override
  public Point add(Point other) {
    return new Secp256k1Point(group, p.add(same(other).p));
  }

  @Override
  public Point subtract(Point other) {
    return new Secp256k1Point(group, p.subtract(same(other).p));
  }

  @Override
  public Point negate() {
    return new Secp256k1Point(group, p.negate());
  }

  /**
   * {@code k·this}, constant-time in {@code k}: libsecp256k1's {@code ecmult_const} where the native
   * library loads ({@link Secp256k1Native}), else {@link Secp256k1FixedWindow}. Branches only on
   * public facts: this point being the identity, and k being zero (the result says so anyway).
   */
  @Override
  public Point multiply(Scalar k) {
    if (k.group() != group) {
      throw new IllegalArgumentException("scalar of " + k.group().name() + " used on secp256k1");
    }
    if (p.isInfinity() || k.isZero()) {
      return group.identity();
    }
    return Secp256k1Native.available() ? multiplyNative(k) : multiplyPortable(k);
  }

  /** k·this through libsecp256k1; k non-zero, this not the identity, the library available. */
  Secp256k1Point multiplyNative(Scalar k) {
    byte[] kb = k.toBytes();
    try {
      return fromLibsecp256k1(group, Secp256k1Native.multiply(p.getEncoded(false), kb));
    } finally {
      java.util.Arrays.fill(kb, (byte) 0);
    }
  }

  /**
   * A point from libsecp256k1's 65-byte output (04 ‖ x ‖ y), which is always on the curve: no need
   * for decodePoint's check (4× the cost). The compressed encoding comes for free.
   */
  static Secp256k1Point fromLibsecp256k1(Secp256k1 group, byte[] out) {
    ECPoint q = group.curve.createPoint(
        new java.math.BigInteger(1, java.util.Arrays.copyOfRange(out, 1, 33)),
        new java.math.BigInteger(1, java.util.Arrays.copyOfRange(out, 33, 65)));
    byte[] compressed = java.util.Arrays.copyOf(out, 33);
    compressed[0] = (byte) (2 | (out[64] & 1));
    return new Secp256k1Point(group, q, compressed);
  }

  /** k·this in pure Java, constant-time; this not the identity. */
  Secp256k1Point multiplyPortable(Scalar k) {
    byte[] kb = k.toBytes();
    try {
      return new Secp256k1Point(group, Secp256k1FixedWindow.multiply(group.curve, p, kb));
    } finally {
      java.util.Arrays.fill(kb, (byte) 0);
    }
  }

  @Override
  public boolean isIdentity() {
    return p.isInfinity();
  }

  @Override
  public byte[] toBytes() {
    return encoded().clone();
  }

  /** Stores an encoding computed in a batch ({@link Secp256k1#encodeAll}); owned from now on. */
  void cacheEncoding(byte[] e) {
    encoding = e;
  }

  /** The cached SEC1 compressed encoding; never hand out this array itself. */
  private byte[] encoded() {
    if (p.isInfinity()) {
      throw new IllegalStateException("the identity has no encoding");
    }
    byte[] e = encoding;
    if (e == null) {
      e = p.getEncoded(true);
      encoding = e;
    }
    return e;
  }

  /** The 65-byte SEC1 uncompressed encoding (04 ‖ x ‖ y). */
  public byte[] toUncompressedBytes() {
    if (p.isInfinity()) {
      throw new IllegalStateException("the identity has no encoding");
    }
    return p.getEncoded(false);
  }

  /** BIP-340: true when the affine y-coordinate is even (SEC1 prefix 02). */
  public boolean hasEvenY() {
    return encoded()[0] == 2;
  }

  /** BIP-340 x-only encoding: the 32-byte affine x-coordinate. */
  public byte[] xOnly() {
    return java.util.Arrays.copyOfRange(encoded(), 1, 33);
  }

  private Secp256k1Point same(Point other) {
    if (!(other instanceof Secp256k1Point)) {
      throw new IllegalArgumentException("point of " + other.group().name() + " used on secp256k1");
    }
    return (Secp256k1Point) other;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1Point && p.equals(((Secp256k1Point) o).p);
  }

  @Override
  public int hashCode() {
    return p.isInfinity() ? 0 : java.util.Arrays.hashCode(encoded());
  }

  @Override
  public String toString() {
    return p.isInfinity() ? "secp256k1:identity"
        : "secp256k1:" + org.bouncycastle.util.encoders.Hex.toHexString(encoded());
  }
}
