package dev.keyshard.crypto.group;

import cafe.cryptography.curve25519.CompressedEdwardsY;
import cafe.cryptography.curve25519.Constants;
import cafe.cryptography.curve25519.EdwardsPoint;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.util.encoders.Hex;

/** Shared helpers for the Ed25519 tests: key derivation and the elisabeth oracle. */
final class Ed25519TestSupport {
  static final Ed25519 G = Ed25519.INSTANCE;
  static final BigInteger L = G.order();

  private Ed25519TestSupport() {}

  /**
   * RFC 8032 §5.1.5 steps 1–3: SHA-512 the secret key, clamp the low half, read it little-endian
   * and reduce mod L (reducing does not change [s]B because B has order L).
   */
  static Scalar secretScalar(byte[] secretKey) {
    SHA512Digest sha = new SHA512Digest();
    sha.update(secretKey, 0, secretKey.length);
    byte[] h = new byte[64];
    sha.doFinal(h, 0);
    byte[] s = Arrays.copyOf(h, 32);
    s[0] &= (byte) 0xF8;
    s[31] &= (byte) 0x7F;
    s[31] |= (byte) 0x40;
    return G.reduce(s);
  }

  /** The public key our group derives for a secret key (RFC 8032 §5.1.5 step 4). */
  static byte[] publicKey(byte[] secretKey) {
    return G.multiplyGenerator(secretScalar(secretKey)).toBytes();
  }

  static cafe.cryptography.curve25519.Scalar oracleScalar(Scalar k) {
    return cafe.cryptography.curve25519.Scalar.fromCanonicalBytes(k.toBytes());
  }

  static byte[] oracleEncode(EdwardsPoint p) {
    return p.compress().toByteArray();
  }

  static EdwardsPoint oracleDecode(byte[] encoded) throws Exception {
    return new CompressedEdwardsY(encoded).decompress();
  }

  static String hex(byte[] b) {
    return Hex.toHexString(b);
  }

  static byte[] unhex(String s) {
    return Hex.decode(s);
  }

  /** L − 1 as an elisabeth scalar (elisabeth, like ours, cannot hold L itself). */
  static cafe.cryptography.curve25519.Scalar oracleOrderMinusOne() {
    byte[] be = L.subtract(BigInteger.ONE).toByteArray();
    byte[] le = new byte[32];
    for (int i = 0; i < be.length && i < 32; i++) {
      le[i] = be[be.length - 1 - i];
    }
    return cafe.cryptography.curve25519.Scalar.fromCanonicalBytes(le);
  }

  /**
   * The eight points of the torsion subgroup E[8], computed with the oracle: for a random curve
   * point Q, [L]Q = [L−1]Q + Q kills the prime-order part and leaves a torsion point T; retry until
   * T has order exactly 8, then return [0]T .. [7]T.
   */
  static List<EdwardsPoint> torsionSubgroup() throws Exception {
    Random rng = new Random(8032);
    while (true) {
      byte[] y = new byte[32];
      rng.nextBytes(y);
      EdwardsPoint q;
      try {
        q = oracleDecode(y);
      } catch (cafe.cryptography.curve25519.InvalidEncodingException notOnCurve) {
        continue;
      }
      EdwardsPoint t = q.multiply(oracleOrderMinusOne()).add(q);
      if (t.dbl().dbl().isIdentity()) {
        continue; // order 1, 2 or 4; we want a generator of E[8]
      }
      List<EdwardsPoint> all = new ArrayList<>();
      EdwardsPoint acc = EdwardsPoint.IDENTITY;
      for (int i = 0; i < 8; i++) {
        all.add(acc);
        acc = acc.add(t);
      }
      return all;
    }
  }

  static EdwardsPoint oracleBase() {
    return Constants.ED25519_BASEPOINT;
  }
}
