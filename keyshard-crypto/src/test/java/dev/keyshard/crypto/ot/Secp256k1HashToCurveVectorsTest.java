package dev.keyshard.crypto.ot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.VectorFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9380 Appendix J.8.1 vectors for secp256k1_XMD:SHA-256_SSWU_RO_, and map invariants. */
class Secp256k1HashToCurveVectorsTest {
  private static final byte[] DST = "QUUX-V01-CS02-with-secp256k1_XMD:SHA-256_SSWU_RO_"
      .getBytes(StandardCharsets.US_ASCII);
  private static final ECCurve CURVE = CustomNamedCurves.getByName("secp256k1").getCurve();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  static Stream<Map<String, String>> vectors() {
    return VectorFile.read("ot/rfc9380_secp256k1_xmd_sha256_sswu_ro.txt").stream();
  }

  @Test
  void allFiveAppendixVectorsArePresent() {
    assertEquals(5, vectors().count());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void hashToFieldMatchesU(Map<String, String> v) {
    BigInteger[] u = Secp256k1HashToCurve.hashToField(msg(v), DST);
    assertEquals(big(v, "u0"), u[0]);
    assertEquals(big(v, "u1"), u[1]);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void mapToCurveMatchesQ0AndQ1(Map<String, String> v) {
    assertAffine(v, "Q0", Secp256k1HashToCurve.mapToCurve(big(v, "u0")));
    assertAffine(v, "Q1", Secp256k1HashToCurve.mapToCurve(big(v, "u1")));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void hashToCurveMatchesP(Map<String, String> v) {
    Point p = Secp256k1HashToCurve.hashToCurve(msg(v), DST);
    byte[] expected = new byte[33];
    expected[0] = (byte) (big(v, "P.y").testBit(0) ? 3 : 2);
    System.arraycopy(VectorFile.hex(v, "P.x"), 0, expected, 1, 32);
    assertEquals(Hex.toHexString(expected), Hex.toHexString(p.toBytes()));
  }

  /** For random u: (x', y') is on E', sgn0(y') = sgn0(u) (§6.6.2 step 9), and iso_map lands on E. */
  @Test
  void sswuOutputIsOnIsogenousCurveWithSignOfU() {
    Random r = new Random(0x5EED_0001L);
    for (int i = 0; i < 200; i++) {
      BigInteger u = new BigInteger(256, r).mod(P);
      checkSswu(u);
    }
  }

  /** u = 0 and u = ±1 are edge inputs: u = 0 makes tv1 = 0 (the exceptional branch, step 3). */
  @Test
  void sswuExceptionalAndSmallInputs() {
    checkSswu(BigInteger.ZERO);
    checkSswu(BigInteger.ONE);
    checkSswu(P.subtract(BigInteger.ONE));
  }

  @Test
  void differentTagsGiveDifferentPoints() {
    byte[] m = "same message".getBytes(StandardCharsets.US_ASCII);
    Point a = Secp256k1HashToCurve.hashToCurve(m, DST);
    Point b = Secp256k1HashToCurve.hashToCurve(m, EndemicOt.H_DST);
    assertFalse(a.equals(b));
    assertFalse(a.isIdentity());
  }

  private static void checkSswu(BigInteger u) {
    ECFieldElement[] xy = Secp256k1HashToCurve.simpleSwu(CURVE.fromBigInteger(u));
    assertEquals(xy[1].square(), Secp256k1HashToCurve.curveRhs(xy[0]), "on E'");
    assertEquals(u.testBit(0), xy[1].testBitZero(), "sgn0(y) = sgn0(u)");
    ECPoint q = Secp256k1HashToCurve.isoMap(xy[0], xy[1]);
    assertTrue(q.isValid(), "iso_map output on secp256k1");
  }

  private static void assertAffine(Map<String, String> v, String name, ECPoint q) {
    ECPoint n = q.normalize();
    assertEquals(big(v, name + ".x"), n.getAffineXCoord().toBigInteger(), name + ".x");
    assertEquals(big(v, name + ".y"), n.getAffineYCoord().toBigInteger(), name + ".y");
  }

  private static byte[] msg(Map<String, String> v) {
    return v.get("msg").getBytes(StandardCharsets.US_ASCII);
  }

  private static BigInteger big(Map<String, String> v, String key) {
    return new BigInteger(1, VectorFile.hex(v, key));
  }

  static {
    // The secp256k1 instance is the one the production code decodes into.
    assertEquals("secp256k1", Secp256k1.INSTANCE.name());
  }
}
