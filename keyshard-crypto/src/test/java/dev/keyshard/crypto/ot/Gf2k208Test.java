package dev.keyshard.crypto.ot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GF(2^208) against an independent implementation: polynomials over GF(2) as {@link BigInteger}
 * bit sets, multiplied by shift-and-XOR and reduced by long division. The same reference proves the
 * modulus irreducible with Rabin's test.
 */
class Gf2k208Test {
  private static final int N = 208;
  private static final BigInteger F = BigInteger.ONE.shiftLeft(N)
      .or(BigInteger.valueOf(Gf2k208.REDUCTION));

  /**
   * Rabin: f of degree n is irreducible over GF(2) iff X^(2^n) ≡ X mod f and
   * gcd(X^(2^(n/p)) − X, f) = 1 for every prime p dividing n. n = 208 = 2^4·13, so p ∈ {2, 13}.
   */
  @Test
  void modulusIsIrreducible() {
    BigInteger x = BigInteger.TWO;
    assertEquals(x, frobenius(x, N), "X^(2^208) = X mod f");
    for (int p : new int[] {2, 13}) {
      BigInteger g = polyGcd(frobenius(x, N / p).xor(x), F);
      assertEquals(BigInteger.ONE, g, "gcd(X^(2^(208/" + p + ")) - X, f) = 1");
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, 50);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void multiplyMatchesReference(int seed) {
    Random r = new Random(0xF208_0000L + seed);
    BigInteger a = new BigInteger(N, r);
    BigInteger b = new BigInteger(N, r);
    assertEquals(polyMulMod(a, b), big(Gf2k208.multiply(elem(a), elem(b))));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fieldIdentities(int seed) {
    Random r = new Random(0xF208_1000L + seed);
    long[] a = elem(new BigInteger(N, r));
    long[] b = elem(new BigInteger(N, r));
    long[] c = elem(new BigInteger(N, r));
    assertArrayEquals(Gf2k208.multiply(a, b), Gf2k208.multiply(b, a), "commutative");
    assertArrayEquals(Gf2k208.multiply(Gf2k208.multiply(a, b), c),
        Gf2k208.multiply(a, Gf2k208.multiply(b, c)), "associative");
    long[] bc = b.clone();
    Gf2k208.addInto(bc, c);
    long[] ab = Gf2k208.multiply(a, b);
    Gf2k208.addInto(ab, Gf2k208.multiply(a, c));
    assertArrayEquals(Gf2k208.multiply(a, bc), ab, "distributive");
    assertArrayEquals(a, Gf2k208.multiply(a, elem(BigInteger.ONE)), "one");
    // a^(2^208) = a (Frobenius), and a·a^(2^208 - 2) = 1 for a ≠ 0.
    long[] s = a.clone();
    for (int i = 0; i < N; i++) {
      s = Gf2k208.multiply(s, s);
    }
    assertArrayEquals(a, s, "a^(2^208) = a");
    if (!big(a).equals(BigInteger.ZERO)) {
      assertArrayEquals(elem(BigInteger.ONE), Gf2k208.multiply(a, inverse(a)), "inverse");
    }
  }

  @Test
  void knownAnswers() {
    // X^207 · X = X^208 = X^9 + X^3 + X + 1
    assertEquals(BigInteger.valueOf(0x20B),
        big(Gf2k208.multiply(elem(BigInteger.ONE.shiftLeft(207)), elem(BigInteger.TWO))));
    // (X^207)^2 = X^414 = X^206·X^208 = X^215 + X^209 + X^207 + X^206, and X^215 = X^16+X^10+X^8+X^7,
    // X^209 = X^10+X^4+X^2+X, so X^414 = X^207+X^206+X^16+X^8+X^7+X^4+X^2+X (X^10 cancels).
    BigInteger expected = bits(207, 206, 16, 8, 7, 4, 2, 1);
    long[] x207 = elem(BigInteger.ONE.shiftLeft(207));
    assertEquals(expected, big(Gf2k208.multiply(x207, x207)));
    assertEquals(expected, polyMulMod(BigInteger.ONE.shiftLeft(207), BigInteger.ONE.shiftLeft(207)));
  }

  @Test
  void byteEncodingRoundTrip() {
    Random r = new Random(0xF208_2000L);
    byte[] b = new byte[Gf2k208.BYTES + 3];
    r.nextBytes(b);
    long[] e = Gf2k208.fromBytes(b, 3);
    byte[] out = new byte[Gf2k208.BYTES];
    Gf2k208.toBytes(e, out, 0);
    for (int i = 0; i < Gf2k208.BYTES; i++) {
      assertEquals(b[3 + i], out[i]);
    }
    // bit j of the bytes is the coefficient of X^j
    assertEquals(new BigInteger(1, reverse(out)), big(e));
  }

  @Test
  void timesXWrapsThroughTheModulus() {
    long[] top = elem(BigInteger.ONE.shiftLeft(207));
    assertEquals(BigInteger.valueOf(0x20B), big(Gf2k208.timesX(top)));
    assertTrue(big(Gf2k208.timesX(elem(BigInteger.ONE))).equals(BigInteger.TWO));
  }

  private static long[] inverse(long[] a) {
    // a^(2^208 - 2) = Π_{i=1}^{207} a^(2^i)
    long[] acc = elem(BigInteger.ONE);
    long[] sq = a.clone();
    for (int i = 1; i < N; i++) {
      sq = Gf2k208.multiply(sq, sq);
      acc = Gf2k208.multiply(acc, sq);
    }
    return acc;
  }

  // ---- independent reference: GF(2)[X] on BigInteger ----

  static BigInteger polyMulMod(BigInteger a, BigInteger b) {
    BigInteger acc = BigInteger.ZERO;
    for (int i = 0; i < b.bitLength(); i++) {
      if (b.testBit(i)) {
        acc = acc.xor(a.shiftLeft(i));
      }
    }
    return polyMod(acc, F);
  }

  static BigInteger polyMod(BigInteger a, BigInteger m) {
    int dm = m.bitLength() - 1;
    while (a.bitLength() - 1 >= dm) {
      a = a.xor(m.shiftLeft(a.bitLength() - 1 - dm));
    }
    return a;
  }

  static BigInteger polyGcd(BigInteger a, BigInteger b) {
    while (!b.equals(BigInteger.ZERO)) {
      BigInteger t = polyMod(a, b);
      a = b;
      b = t;
    }
    return a;
  }

  /** a^(2^k) mod f. */
  static BigInteger frobenius(BigInteger a, int k) {
    BigInteger s = a;
    for (int i = 0; i < k; i++) {
      s = polyMulMod(s, s);
    }
    return s;
  }

  static long[] elem(BigInteger v) {
    long[] e = new long[Gf2k208.WORDS];
    for (int w = 0; w < Gf2k208.WORDS; w++) {
      e[w] = v.shiftRight(64 * w).longValue();
    }
    return e;
  }

  static BigInteger big(long[] e) {
    BigInteger v = BigInteger.ZERO;
    for (int w = Gf2k208.WORDS - 1; w >= 0; w--) {
      v = v.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(e[w])));
    }
    return v;
  }

  private static BigInteger bits(int... positions) {
    BigInteger v = BigInteger.ZERO;
    for (int p : positions) {
      v = v.setBit(p);
    }
    return v;
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      r[i] = b[b.length - 1 - i];
    }
    return r;
  }
}
