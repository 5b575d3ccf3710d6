package dev.keyshard.crypto.group;

/**
 * An element of a prime-order {@link Group}. Immutable and thread-safe. Points are public values:
 * equality and hashing are ordinary, and {@link #toString()} prints the encoding.
 *
 * <p>{@link #multiply(Scalar)} is constant-time in the scalar, so it may take secret scalars.
 */
public sealed interface Point permits Secp256k1Point, Ed25519Point {

  Group group();

  Point add(Point other);

  Point subtract(Point other);

  Point negate();

  /** {@code k·this}, constant-time in {@code k}. */
  Point multiply(Scalar k);

  boolean isIdentity();

  /**
   * The canonical encoding ({@link Group#pointLength()} bytes).
   *
   * @throws IllegalStateException for the identity, which has no encoding in the RFC 9591 suites
   */
  byte[] toBytes();
}
