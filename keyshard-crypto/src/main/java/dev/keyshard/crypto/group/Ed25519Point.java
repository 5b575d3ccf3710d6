package dev.keyshard.crypto.group;

import java.util.Arrays;
import org.bouncycastle.util.encoders.Hex;

/**
 * An element of the prime-order subgroup of edwards25519 ({@link Ed25519}), in extended
 * coordinates. Immutable and thread-safe: the wrapped {@link ExtendedPoint} is never written after
 * construction, and the encoding is cached with a benign race (every thread computes the same
 * bytes).
 *
 * <p>{@link #multiply(Scalar)} is constant-time in the scalar (fixed signed 4-bit windows, masked
 * table lookups). Equality is projective; {@link #hashCode()} is derived from the RFC 8032
 * encoding.
 */
public final class Ed25519Point implements Point {
  private final ExtendedPoint p;
  private volatile byte[] encoding;

  /** Wraps p, which the caller must not modify afterwards. */
  Ed25519Point(ExtendedPoint p) {
    this.p = p;
  }

  /**
   * Wraps a point just decoded from {@code encoding} (owned by the caller from now on), so that
   * encoding it again, in a transcript or a hash, costs no inversion.
   */
  Ed25519Point(ExtendedPoint p, byte[] encoding) {
    this.p = p;
    this.encoding = encoding;
  }

  @Override
  public Group group() {
    return Ed25519.INSTANCE;
  }

  ExtendedPoint extended() {
    return p;
  }

  @Override
  public Point add(Point other) {
    ExtendedPoint r = ExtendedPoint.identity();
    ExtendedPoint.add(p, CachedPoint.of(same(other).p), false, r, new ExtendedPoint.Scratch(), true);
    return new Ed25519Point(r);
  }

  @Override
  public Point subtract(Point other) {
    ExtendedPoint r = ExtendedPoint.identity();
    ExtendedPoint.add(p, CachedPoint.of(same(other).p), true, r, new ExtendedPoint.Scratch(), true);
    return new Ed25519Point(r);
  }

  @Override
  public Point negate() {
    return new Ed25519Point(p.negate());
  }

  /** {@code k·this}, constant-time in k (it may be secret). */
  @Override
  public Point multiply(Scalar k) {
    byte[] kb = Ed25519.INSTANCE.scalarBytes(k);
    try {
      return new Ed25519Point(FixedWindowMultiplier.multiply(p, kb));
    } finally {
      // Best effort: the JVM may have copied the bytes elsewhere.
      Arrays.fill(kb, (byte) 0);
    }
  }

  @Override
  public boolean isIdentity() {
    return p.isIdentity();
  }

  /**
   * The 32-byte RFC 8032 §5.1.2 encoding.
   *
   * @throws IllegalStateException for the identity, which has no encoding in the RFC 9591 suite
   */
  @Override
  public byte[] toBytes() {
    if (isIdentity()) {
      throw new IllegalStateException("the identity has no encoding");
    }
    return encoded().clone();
  }

  boolean hasEncoding() {
    return encoding != null;
  }

  /** Stores an encoding computed in a batch ({@link Ed25519#encodeAll}); owned from now on. */
  void cacheEncoding(byte[] e) {
    encoding = e;
  }

  /** The cached encoding; never hand out this array itself. Not for the identity. */
  private byte[] encoded() {
    byte[] e = encoding;
    if (e == null) {
      e = PointCodec.encode(p);
      encoding = e;
    }
    return e;
  }

  private Ed25519Point same(Point other) {
    if (!(other instanceof Ed25519Point)) {
      throw new IllegalArgumentException("point of " + other.group().name() + " used on ed25519");
    }
    return (Ed25519Point) other;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Point && p.sameAs(((Ed25519Point) o).p);
  }

  @Override
  public int hashCode() {
    // Equal points have equal encodings whatever their Z, so this agrees with equals.
    return isIdentity() ? 0 : Arrays.hashCode(encoded());
  }

  @Override
  public String toString() {
    return isIdentity() ? "ed25519:identity" : "ed25519:" + Hex.toHexString(encoded());
  }
}
