package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.ExpandMessageXmd;
import dev.keyshard.crypto.internal.KeyshardBug;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * {@code hash_to_curve} for the RFC 9380 suite {@code secp256k1_XMD:SHA-256_SSWU_RO_} (§8.7):
 * hash_to_field with expand_message_xmd(SHA-256) and L = 48 (§5), the simplified SWU map on the
 * 3-isogenous curve E' (§6.6.2, §6.6.3) and the 3-isogeny map E' → E (Appendix E.1); h_eff = 1.
 * Pinned by the Appendix J.8.1 vectors ({@code Secp256k1HashToCurveVectorsTest}).
 *
 * <p>The output is a random-oracle point whose discrete logarithm nobody knows; Endemic OT relies on
 * exactly that (see {@link EndemicOtSender}).
 *
 * <p>Timing: the square-root branch of SSWU step 7 and the sign fix of step 9 are computed both ways
 * and selected, so the running time does not reveal which candidate was square. (The OT receiver
 * hashes a message that contains its choice bit; a sender that can time it could otherwise test
 * which of the two candidate messages was hashed.) BouncyCastle's secp256k1 field code is
 * fixed-schedule; the final point addition and decoding are not claimed constant-time.
 *
 * <p>Belongs in {@code group/} eventually; it lives here until the group package is free to change.
 * Stateless and thread-safe.
 */
public final class Secp256k1HashToCurve {
  /** RFC 9380 §8.7: L = ceil((ceil(log2(p)) + k) / 8) = 48 for k = 128. */
  static final int L = 48;

  private static final ECCurve CURVE = CustomNamedCurves.getByName("secp256k1").getCurve();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  // RFC 9380 §8.7: E': y'^2 = x'^3 + A'·x' + B', Z = -11.
  private static final ECFieldElement A = fe("3f8731abdd661adca08a5558f0f5d272e953d363cb6f0e5d405447c01a444533");
  private static final ECFieldElement B = CURVE.fromBigInteger(BigInteger.valueOf(1771));
  private static final ECFieldElement Z = CURVE.fromBigInteger(P.subtract(BigInteger.valueOf(11)));
  private static final ECFieldElement MINUS_B_OVER_A = B.negate().divide(A);
  private static final ECFieldElement B_OVER_ZA = B.divide(Z.multiply(A));

  // RFC 9380 Appendix E.1: the 3-isogeny map constants k_(i,j).
  private static final ECFieldElement[] X_NUM = {
      fe("8e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38daaaaa8c7"),
      fe("07d3d4c80bc321d5b9f315cea7fd44c5d595d2fc0bf63b92dfff1044f17c6581"),
      fe("534c328d23f234e6e2a413deca25caece4506144037c40314ecbd0b53d9dd262"),
      fe("8e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38e38daaaaa88c")};
  private static final ECFieldElement[] X_DEN = {
      fe("d35771193d94918a9ca34ccbb7b640dd86cd409542f8487d9fe6b745781eb49b"),
      fe("edadc6f64383dc1df7c4b2d51b54225406d36b641f5e41bbc52a56612a8c6d14"),
      CURVE.fromBigInteger(BigInteger.ONE)};
  private static final ECFieldElement[] Y_NUM = {
      fe("4bda12f684bda12f684bda12f684bda12f684bda12f684bda12f684b8e38e23c"),
      fe("c75e0c32d5cb7c0fa9d0a54b12a0a6d5647ab046d686da6fdffc90fc201d71a3"),
      fe("29a6194691f91a73715209ef6512e576722830a201be2018a765e85a9ecee931"),
      fe("2f684bda12f684bda12f684bda12f684bda12f684bda12f684bda12f38e38d84")};
  private static final ECFieldElement[] Y_DEN = {
      fe("fffffffffffffffffffffffffffffffffffffffffffffffffffffffefffff93b"),
      fe("7a06534bb8bdb49fd5e9e6632722c2989467c1bfc8e8d978dfb425d2685c2573"),
      fe("6484aa716545ca2cf3a70c3fa8fe337e0a3d21162f0d6299a7bf8192bfd2a76f"),
      CURVE.fromBigInteger(BigInteger.ONE)};

  private Secp256k1HashToCurve() {}

  /**
   * RFC 9380 §3 {@code hash_to_curve(msg)} for {@code secp256k1_XMD:SHA-256_SSWU_RO_}.
   *
   * @param msg the message
   * @param dst the domain separation tag (non-empty; RFC 9380 §3.1)
   * @return a point of secp256k1; the identity only with negligible probability
   * @throws IllegalArgumentException when {@code dst} is empty
   */
  public static Point hashToCurve(byte[] msg, byte[] dst) {
    Objects.requireNonNull(msg, "msg");
    Objects.requireNonNull(dst, "dst");
    // §3, steps 1-6: u = hash_to_field(msg, 2); Q0 = map_to_curve(u[0]); Q1 = map_to_curve(u[1]);
    // R = Q0 + Q1; P = clear_cofactor(R) (h_eff = 1: nothing to do)
    BigInteger[] u = hashToField(msg, dst);
    ECPoint q0 = mapToCurve(u[0]);
    ECPoint q1 = mapToCurve(u[1]);
    return toPoint(q0.add(q1).normalize());
  }

  /** RFC 9380 §5.2 {@code hash_to_field(msg, 2)} over GF(p): two elements from 96 uniform bytes. */
  static BigInteger[] hashToField(byte[] msg, byte[] dst) {
    byte[] uniform = ExpandMessageXmd.sha256().expand(msg, dst, 2 * L);
    BigInteger[] u = new BigInteger[2];
    for (int i = 0; i < 2; i++) {
      // §5.2, steps 6-8: tv = substr(uniform_bytes, L·i, L); e_j = OS2IP(tv) mod p
      u[i] = new BigInteger(1, Arrays.copyOfRange(uniform, L * i, L * (i + 1))).mod(P);
    }
    return u;
  }

  /** RFC 9380 §6.6.3 {@code map_to_curve}: simplified SWU on E', then the 3-isogeny to E. */
  static ECPoint mapToCurve(BigInteger u) {
    ECFieldElement[] xy = simpleSwu(CURVE.fromBigInteger(u));
    return isoMap(xy[0], xy[1]);
  }

  /** RFC 9380 §6.6.2 {@code map_to_curve_simple_swu(u)} on E'; returns (x', y'). */
  static ECFieldElement[] simpleSwu(ECFieldElement u) {
    // 1. tv1 = inv0(Z^2 * u^4 + Z * u^2)
    ECFieldElement zu2 = Z.multiply(u.square());
    ECFieldElement den = zu2.square().add(zu2);
    boolean exceptional = den.isZero();
    // 2.-3. x1 = (-B / A) * (1 + tv1), or B / (Z * A) when tv1 == 0
    ECFieldElement x1 = exceptional
        ? B_OVER_ZA
        : MINUS_B_OVER_A.multiply(den.invert().addOne());
    // 4.-6. gx1 = g(x1); x2 = Z * u^2 * x1; gx2 = g(x2)
    ECFieldElement gx1 = curveRhs(x1);
    ECFieldElement x2 = zu2.multiply(x1);
    ECFieldElement gx2 = curveRhs(x2);
    // 7.-8. Both square roots are always attempted, then one is selected, so timing does not say
    // which branch was taken. Exactly one of gx1, gx2 is square (Z is a non-square).
    ECFieldElement y1 = gx1.sqrt();
    ECFieldElement y2 = gx2.sqrt();
    boolean first = y1 != null;
    ECFieldElement x = first ? x1 : x2;
    ECFieldElement y = first ? y1 : y2;
    if (y == null) {
      throw new KeyshardBug("SSWU: neither g(x1) nor g(x2) is square");
    }
    // 9. If sgn0(u) != sgn0(y), set y = -y (sgn0 for m = 1 is the parity, §4.1)
    ECFieldElement negY = y.negate();
    boolean flip = u.testBitZero() != y.testBitZero();
    return new ECFieldElement[] {x, flip ? negY : y};
  }

  /** RFC 9380 Appendix E.1: the 3-isogeny map E' → E; the identity when a denominator is zero. */
  static ECPoint isoMap(ECFieldElement x, ECFieldElement y) {
    ECFieldElement xNum = horner(X_NUM, x);
    ECFieldElement xDen = horner(X_DEN, x);
    ECFieldElement yNum = horner(Y_NUM, x);
    ECFieldElement yDen = horner(Y_DEN, x);
    ECFieldElement dens = xDen.multiply(yDen);
    if (dens.isZero()) {
      return CURVE.getInfinity();
    }
    // One inversion for both denominators: 1/xDen = yDen/(xDen·yDen), 1/yDen = xDen/(xDen·yDen).
    ECFieldElement inv = dens.invert();
    ECFieldElement ex = xNum.multiply(yDen).multiply(inv);
    ECFieldElement ey = y.multiply(yNum).multiply(xDen).multiply(inv);
    try {
      return CURVE.validatePoint(ex.toBigInteger(), ey.toBigInteger());
    } catch (IllegalArgumentException e) {
      throw new KeyshardBug("3-isogeny produced a point off secp256k1", e);
    }
  }

  /** g'(x) = x^3 + A'·x + B' on E'. */
  static ECFieldElement curveRhs(ECFieldElement x) {
    return x.square().add(A).multiply(x).add(B);
  }

  /** Σ k_i x^i for coefficients k_0 … k_n, by Horner's rule. */
  private static ECFieldElement horner(ECFieldElement[] k, ECFieldElement x) {
    ECFieldElement acc = k[k.length - 1];
    for (int i = k.length - 2; i >= 0; i--) {
      acc = acc.multiply(x).add(k[i]);
    }
    return acc;
  }

  private static Point toPoint(ECPoint p) {
    if (p.isInfinity()) {
      return Secp256k1.INSTANCE.identity();
    }
    try {
      return Secp256k1.INSTANCE.decodePoint(p.getEncoded(true));
    } catch (InvalidEncodingException e) {
      throw new KeyshardBug("hash_to_curve output does not decode", e);
    }
  }

  /** E' parameters, for tests: {A', B'}. */
  static BigInteger[] isogenousCurve() {
    return new BigInteger[] {A.toBigInteger(), B.toBigInteger()};
  }

  private static ECFieldElement fe(String hex) {
    return CURVE.fromBigInteger(new BigInteger(hex, 16));
  }
}
