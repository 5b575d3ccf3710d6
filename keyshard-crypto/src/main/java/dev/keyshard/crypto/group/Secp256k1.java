package dev.keyshard.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * secp256k1 (SEC 2) on BouncyCastle's custom curve. Scalars are 32-byte big-endian, points 33-byte
 * SEC1 compressed; BIP-340 x-only keys are handled by {@link #liftX(byte[])} and
 * {@link Secp256k1Point#xOnly()}.
 *
 * <p>Multiplications by possibly secret scalars ({@link #multiplyGenerator}, {@link
 * Secp256k1Point#multiply}) are constant-time in the scalar: libsecp256k1 through JNI
 * ({@code ecmult_gen}, {@code ecmult_const}) where it loads, else BouncyCastle's fixed-point comb
 * (constant-time table lookups) and a pure-Java fixed-window ladder with complete formulas.
 * Multiplications by public scalars ({@link #multiplyGeneratorAndAdd}, {@link #multiplyAndSum})
 * use BouncyCastle's faster variable-time GLV/wNAF code.
 */
public final class Secp256k1 implements Group {
  // Declared before INSTANCE: static initialisers run in textual order.
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

  public static final Secp256k1 INSTANCE = new Secp256k1();

  final ECCurve curve = PARAMS.getCurve();
  private final ECPoint g = PARAMS.getG();
  private final FixedPointCombMultiplier comb = new FixedPointCombMultiplier();
  private final ScalarCodec scalars;
  private final Secp256k1Point generator;
  private final Secp256k1Point identity;

  private Secp256k1() {
    this.scalars = new ScalarCodec(new ScalarField(this, PARAMS.getN(), true));
    this.generator = new Secp256k1Point(this, g);
    this.identity = new Secp256k1Point(this, curve.getInfinity());
  }

  @Override
  public String name() {
    return "secp256k1";
  }

  @Override
  public BigInteger order() {
    return PARAMS.getN();
  }

  /** The field prime p. */
  public BigInteger fieldPrime() {
    return curve.getField().getCharacteristic();
  }

  @Override
  public int scalarLength() {
    return 32;
  }

  @Override
  public int pointLength() {
    return 33;
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

  @Override
  public Point decodePoint(byte[] encoded) throws InvalidEncodingException {
    if (encoded == null || encoded.length != 33 || (encoded[0] != 2 && encoded[0] != 3)) {
      throw new InvalidEncodingException("secp256k1 point must be 33-byte SEC1 compressed");
    }
    try {
      // decodePoint checks x < p and that x³+7 is a square (the point is on the curve).
      return new Secp256k1Point(this, curve.decodePoint(encoded), encoded.clone());
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("not a secp256k1 point: " + e.getMessage());
    }
  }

  /**
   * BIP-340 {@code lift_x}: the point with x-coordinate {@code x} and even y.
   *
   * @throws InvalidEncodingException when x is not 32 bytes, not below p, or not on the curve
   */
  public Secp256k1Point liftX(byte[] x) throws InvalidEncodingException {
    if (x == null || x.length != 32) {
      throw new InvalidEncodingException("x-only key must be 32 bytes");
    }
    byte[] compressed = new byte[33];
    compressed[0] = 2;
    System.arraycopy(x, 0, compressed, 1, 32);
    return (Secp256k1Point) decodePoint(compressed);
  }

  @Override
  public Point multiplyGenerator(Scalar k) {
    if (k.group() != this) {
      throw new IllegalArgumentException("scalar of " + k.group().name() + " used on secp256k1");
    }
    if (k.isZero()) {
      return identity; // branches only on k = 0, which the result shows anyway
    }
    if (!Secp256k1Native.available()) {
      return multiplyGeneratorComb(k);
    }
    byte[] kb = k.toBytes();
    try {
      return Secp256k1Point.fromLibsecp256k1(this, Secp256k1Native.multiplyGenerator(kb));
    } finally {
      java.util.Arrays.fill(kb, (byte) 0);
    }
  }

  /** k·G with BouncyCastle's fixed-point comb: the path without libsecp256k1. */
  Secp256k1Point multiplyGeneratorComb(Scalar k) {
    return new Secp256k1Point(this, comb.multiply(g, k.toBigInteger()));
  }

  @Override
  public Point multiplyGeneratorAndAdd(Scalar a, Scalar b, Point p) {
    ECPoint q = ((Secp256k1Point) p).ec();
    return new Secp256k1Point(this, ECAlgorithms.sumOfTwoMultiplies(
        g, a.toBigInteger(), q, b.toBigInteger()));
  }

  /** BouncyCastle's {@code normalizeAll}: one field inversion for all the points. */
  @Override
  public List<byte[]> encodeAll(List<Point> points) {
    ECPoint[] ps = new ECPoint[points.size()];
    for (int i = 0; i < ps.length; i++) {
      Point p = points.get(i);
      if (!(p instanceof Secp256k1Point)) {
        throw new IllegalArgumentException("point of " + p.group().name() + " used on secp256k1");
      }
      if (p.isIdentity()) {
        throw new IllegalStateException("the identity has no encoding");
      }
      ps[i] = ((Secp256k1Point) p).ec();
    }
    curve.normalizeAll(ps);
    List<byte[]> out = new ArrayList<>(ps.length);
    for (int i = 0; i < ps.length; i++) {
      byte[] e = ps[i].getEncoded(true);
      ((Secp256k1Point) points.get(i)).cacheEncoding(e);
      out.add(e.clone());
    }
    return out;
  }

  /** {@code Σ k_i·P_i} with BouncyCastle's variable-time interleaved multiplication (GLV). */
  @Override
  public Point multiplyAndSum(List<Scalar> scalars, List<Point> points) {
    if (scalars.isEmpty() || scalars.size() != points.size()) {
      throw new IllegalArgumentException(scalars.size() + " scalars for " + points.size()
          + " points");
    }
    ECPoint[] ps = new ECPoint[points.size()];
    BigInteger[] ks = new BigInteger[ps.length];
    for (int i = 0; i < ps.length; i++) {
      Scalar k = scalars.get(i);
      Point p = points.get(i);
      if (k.group() != this || !(p instanceof Secp256k1Point)) {
        throw new IllegalArgumentException("scalar or point of another group used on secp256k1");
      }
      ks[i] = k.toBigInteger();
      ps[i] = ((Secp256k1Point) p).ec();
    }
    return new Secp256k1Point(this, ECAlgorithms.sumOfMultiplies(ps, ks));
  }

  ECPoint g() {
    return g;
  }

  @Override
  public String toString() {
    return "secp256k1";
  }
}
