package dev.keyshard.crypto.group;

import org.bouncycastle.math.ec.ECPoint;

/** A point of {@link Secp256k1}, wrapping BouncyCastle's (possibly projective) representation. */
public final class Secp256k1Point implements Point {
  private final Secp256k1 group;
  private final ECPoint p;

  Secp256k1Point(Secp256k1 group, ECPoint p) {
    this.group = group;
    this.p = p;
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

  @Override
  public Point multiply(Scalar k) {
    if (k.group() != group) {
      throw new IllegalArgumentException("scalar of " + k.group().name() + " used on secp256k1");
    }
    return new Secp256k1Point(group, p.multiply(k.toBigInteger()));
  }

  @Override
  public boolean isIdentity() {
    return p.isInfinity();
  }

  @Override
  public byte[] toBytes() {
    if (p.isInfinity()) {
      throw new IllegalStateException("the identity has no encoding");
    }
    return p.getEncoded(true);
  }

  /** The 65-byte SEC1 uncompressed encoding (04 ‖ x ‖ y). */
  public byte[] toUncompressedBytes() {
    if (p.isInfinity()) {
      throw new IllegalStateException("the identity has no encoding");
    }
    return p.getEncoded(false);
  }

  /** BIP-340: true when the affine y-coordinate is even. */
  public boolean hasEvenY() {
    return !p.normalize().getAffineYCoord().testBitZero();
  }

  /** BIP-340 x-only encoding: the 32-byte affine x-coordinate. */
  public byte[] xOnly() {
    if (p.isInfinity()) {
      throw new IllegalStateException("the identity has no encoding");
    }
    return p.normalize().getAffineXCoord().getEncoded();
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
    return p.isInfinity() ? 0 : java.util.Arrays.hashCode(toBytes());
  }

  @Override
  public String toString() {
    return p.isInfinity() ? "secp256k1:identity" : "secp256k1:" + org.bouncycastle.util.encoders.Hex.toHexString(toBytes());
  }
}
