package dev.keyshard.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The prime-order subgroup of edwards25519 (RFC 8032 §5.1; RFC 9591 §6.1, FROST(Ed25519,
 * SHA-512)). Scalars are 32-byte little-endian integers below the order L; points use the 32-byte
 * RFC 8032 encoding and are decoded strictly (see {@link #decodePoint(byte[])}).
 *
 * <p>Field arithmetic is BouncyCastle's constant-time {@code X25519Field}; the point formulas and
 * multipliers are our own, because BouncyCastle exposes no Ed25519 point arithmetic.
 * {@link #multiplyGenerator(Scalar)} and {@link Point#multiply(Scalar)} are constant-time in the
 * scalar; {@link #multiplyGeneratorAndAdd(Scalar, Scalar, Point)} and
 * {@link #verifyRfc8032(byte[], byte[], byte[])} are variable-time and only for public values.
 *
 * <p>An immutable singleton; thread-safe.
 */
public final class Ed25519 implements Group {
  // Declared before INSTANCE: static initialisers run in textual order.
  /** L = 2^252 + 27742317777372353535851937790883648493 (RFC 8032 §5.1). */
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));

  public static final Ed25519 INSTANCE = new Ed25519();

  private final ScalarCodec scalars = new ScalarCodec(new ScalarField(this, L, false));
  private final Ed25519Point generator = new Ed25519Point(PointCodec.basePoint());
  private final Ed25519Point identity = new Ed25519Point(ExtendedPoint.identity());

  private Ed25519() {}

  @Override
  public String name() {
    return "ed25519";
  }

  @Override
  public BigInteger order() {
    return L;
  }

  @Override
  public int scalarLength() {
    return 32;
  }

  @Override
  public int pointLength() {
    return 32;
  }

  @Override
  public Scalar zero() {
    return scalars.zero();
  }

  @Override
  public Scalar one() {
    return scalars.one();
  }

  @Override
  public Scalar scalarOf(long value) {
    return scalars.of(value);
  }

  @Override
  public Scalar randomScalar(SecureRandom rng) {
    return scalars.random(rng);
  }

  @Override
  public Scalar decodeScalar(byte[] encoded) throws InvalidEncodingException {
    return scalars.decode(encoded);
  }

  @Override
  public Scalar reduce(byte[] bytes) {
    return scalars.reduce(bytes);
  }

  @Override
  public Point generator() {
    return generator;
  }

  @Override
  public Point identity() {
    return identity;
  }

  /**
   * RFC 8032 §5.1.3 decoding followed by the checks of RFC 9591 §6.1 DeserializeElement: rejects
   * non-canonical y (y ≥ p), y with no x on the curve, x = 0 with the sign bit set, the identity,
   * and every point outside the prime-order subgroup (small-order and mixed-order points), which
   * would otherwise let a peer smuggle a torsion component into commitments and signatures.
   * Variable-time; costs about four exponentiations in the field (see {@link SubgroupCheck}).
   *
   * @throws InvalidEncodingException when any of those checks fails
   */
  @Override
  public Point decodePoint(byte[] encoded) throws InvalidEncodingException {
    ExtendedPoint p = PointCodec.decode(encoded);
    // RFC 9591 §6.1, DeserializeElement: the identity is rejected.
    if (p.isIdentity()) {
      throw new InvalidEncodingException("ed25519 point is the identity");
    }
    // RFC 9591 §6.1, DeserializeElement: the point must lie in the prime-order subgroup. Checked
    // by halving and a quartic symbol, equivalent to [L]P = identity at a quarter of the cost.
    if (!SubgroupCheck.inPrimeOrderSubgroup(p.x, p.y)) {
      throw new InvalidEncodingException("ed25519 point is not in the prime-order subgroup");
    }
    // Strict decoding is injective, so the input is the canonical encoding of p.
    return new Ed25519Point(p, encoded.clone());
  }

  /** {@code k·B}, constant-time in k (fixed signed 4-bit windows over a precomputed table). */
  @Override
  public Point multiplyGenerator(Scalar k) {
    byte[] kb = scalarBytes(k);
    try {
      return new Ed25519Point(GeneratorTable.multiply(kb));
    } finally {
      // Best effort: the JVM may have copied the bytes elsewhere.
      Arrays.fill(kb, (byte) 0);
    }
  }

  /** {@code a·B + b·P}, <b>variable-time</b>: a and b must be public. */
  @Override
  public Point multiplyGeneratorAndAdd(Scalar a, Scalar b, Point p) {
    ExtendedPoint q = same(p).extended();
    return new Ed25519Point(
        VartimeMultiplier.multiplyAndAddBase(scalarBytes(a), scalarBytes(b), q));
  }

  private static Ed25519Point same(Point p) {
    if (!(p instanceof Ed25519Point)) {
      throw new IllegalArgumentException("point of " + p.group().name() + " used on ed25519");
    }
    return (Ed25519Point) p;
  }

  /** One constant-time inversion for all the points that have no encoding cached yet. */
  @Override
  public List<byte[]> encodeAll(List<Point> points) {
    List<Ed25519Point> missing = new ArrayList<>();
    for (Point p : points) {
      Ed25519Point e = same(p);
      if (e.isIdentity()) {
        throw new IllegalStateException("the identity has no encoding");
      }
      if (!e.hasEncoding()) {
        missing.add(e);
      }
    }
    ExtendedPoint[] todo = new ExtendedPoint[missing.size()];
    for (int i = 0; i < todo.length; i++) {
      todo[i] = missing.get(i).extended();
    }
    byte[][] encodings = PointCodec.encodeAll(todo);
    for (int i = 0; i < todo.length; i++) {
      missing.get(i).cacheEncoding(encodings[i]);
    }
    List<byte[]> out = new ArrayList<>(points.size());
    points.forEach(p -> out.add(p.toBytes()));
    return out;
  }

  /**
   * {@code z·B = r + c·p}, <b>variable-time</b>, with half-size scalars ({@link SchnorrEquation}):
   * about 30% cheaper than computing z·B − c·p.
   */
  @Override
  public boolean schnorrEquationHolds(Scalar z, Scalar c, Point p, Point r) {
    if (z.group() != this || c.group() != this) {
      throw new IllegalArgumentException("scalar of another group used on ed25519");
    }
    return SchnorrEquation.holds(z, c, same(p).extended(), same(r).extended());
  }

  /** {@code Σ k_i·P_i}, <b>variable-time</b> (Straus, one run of doublings): all must be public. */
  @Override
  public Point multiplyAndSum(List<Scalar> scalars, List<Point> points) {
    if (scalars.isEmpty() || scalars.size() != points.size()) {
      throw new IllegalArgumentException(scalars.size() + " scalars for " + points.size()
          + " points");
    }
    byte[][] k = new byte[scalars.size()][];
    ExtendedPoint[] p = new ExtendedPoint[points.size()];
    for (int i = 0; i < p.length; i++) {
      k[i] = scalarBytes(scalars.get(i));
      p[i] = same(points.get(i)).extended();
    }
    return new Ed25519Point(VartimeMultiplier.multiplyAndAddBase(new byte[32], k, p));
  }

  /**
   * Verifies a plain Ed25519 signature by RFC 8032 §5.1.7 with the cofactorless equation
   * [S]B = R + [k]A, k = SHA-512(R ‖ A ‖ M) mod L. Decodes A and R exactly as RFC 8032 §5.1.3 does
   * (small-order keys are not rejected here: that is RFC 8032's behaviour) and rejects S ≥ L.
   * Variable-time; all inputs are public.
   *
   * @return false when the key or signature does not decode, S is not below L, or the equation
   *     fails
   */
  public static boolean verifyRfc8032(byte[] publicKey, byte[] message, byte[] signature) {
    return Rfc8032Verifier.verify(publicKey, message, signature);
  }

  /** The canonical little-endian bytes of k, after checking that k belongs to this group. */
  byte[] scalarBytes(Scalar k) {
    if (k.group() != this) {
      throw new IllegalArgumentException("scalar of " + k.group().name() + " used on ed25519");
    }
    return k.toBytes();
  }

  @Override
  public String toString() {
    return "ed25519";
  }
}
