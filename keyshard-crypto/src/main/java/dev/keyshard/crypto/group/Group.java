package dev.keyshard.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * A prime-order group used by the threshold protocols: secp256k1 or the prime-order subgroup of
 * edwards25519. Scalars and points of one group never mix with another's; every operation checks.
 *
 * <p>Encodings follow the RFC 9591 ciphersuites: secp256k1 scalars are 32-byte big-endian and points
 * 33-byte SEC1 compressed; Ed25519 scalars are 32-byte little-endian and points 32-byte RFC 8032.
 *
 * <p>Implementations are immutable singletons and thread-safe.
 */
public sealed interface Group permits Secp256k1, Ed25519 {

  /** A short stable name: {@code "secp256k1"} or {@code "ed25519"}. */
  String name();

  /** The prime order of the group (public). */
  BigInteger order();

  /** Bytes in a canonical scalar encoding. */
  int scalarLength();

  /** Bytes in a canonical point encoding. */
  int pointLength();

  Scalar zero();

  Scalar one();

  /** The scalar {@code value mod order}; {@code value} must be non-negative. */
  Scalar scalarOf(long value);

  /** A uniformly random non-zero scalar. */
  Scalar randomScalar(SecureRandom rng);

  /**
   * Decodes a canonical scalar: exactly {@link #scalarLength()} bytes encoding a value below the
   * order.
   *
   * @throws InvalidEncodingException when the length is wrong or the value is not reduced
   */
  Scalar decodeScalar(byte[] encoded) throws InvalidEncodingException;

  /**
   * Interprets up to 64 bytes in this group's byte order (big-endian for secp256k1, little-endian
   * for Ed25519) and reduces the integer modulo the order. Used by hash-to-scalar functions.
   */
  Scalar reduce(byte[] bytes);

  Point generator();

  Point identity();

  /**
   * Decodes a point strictly: canonical encoding, on the curve, in the prime-order subgroup, and not
   * the identity (RFC 9591 §4, DeserializeElement).
   *
   * @throws InvalidEncodingException when any of those checks fails
   */
  Point decodePoint(byte[] encoded) throws InvalidEncodingException;

  /** {@code k·G}, constant-time in {@code k}. */
  Point multiplyGenerator(Scalar k);

  /**
   * {@code a·G + b·P} for public scalars (signature and commitment verification); may be
   * variable-time.
   */
  default Point multiplyGeneratorAndAdd(Scalar a, Scalar b, Point p) {
    return multiplyGenerator(a).add(p.multiply(b));
  }

  /**
   * The canonical encodings of several points at once, where the group can with one field
   * inversion for all (Montgomery's trick) instead of one each; every point also keeps its
   * encoding for later {@link Point#toBytes()} calls.
   *
   * @throws IllegalStateException when a point is the identity, which has no encoding
   * @throws IllegalArgumentException when a point is of another group
   */
  default List<byte[]> encodeAll(List<Point> points) {
    List<byte[]> out = new ArrayList<>(points.size());
    for (Point p : points) {
      if (p.group() != this) {
        throw new IllegalArgumentException("point of " + p.group().name() + " used on " + name());
      }
      out.add(p.toBytes());
    }
    return out;
  }

  /**
   * Whether {@code z·G = r + c·p}, the Schnorr verification equation, for public values; may be
   * variable-time and use any equivalent form of the equation.
   *
   * @throws IllegalArgumentException when a scalar or point is of another group
   */
  default boolean schnorrEquationHolds(Scalar z, Scalar c, Point p, Point r) {
    return multiplyGeneratorAndAdd(z, c.negate(), p).equals(r);
  }

  /**
   * {@code Σ scalars[i]·points[i]} for public scalars (FROST's group commitment); may be
   * variable-time, and the groups share one run of doublings across all terms.
   *
   * @throws IllegalArgumentException when the lists are empty or differ in length, or a scalar or
   *     point is of another group
   */
  default Point multiplyAndSum(List<Scalar> scalars, List<Point> points) {
    if (scalars.isEmpty() || scalars.size() != points.size()) {
      throw new IllegalArgumentException(scalars.size() + " scalars for " + points.size()
          + " points");
    }
    Point acc = identity();
    for (int i = 0; i < scalars.size(); i++) {
      acc = acc.add(multiplyGeneratorAndAdd(zero(), scalars.get(i), points.get(i)));
    }
    return acc;
  }
}
