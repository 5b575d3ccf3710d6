package dev.keyshard.crypto.group;

import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * Plain Ed25519 signature verification, RFC 8032 §5.1.7, with the cofactorless equation
 * [S]B = R + [k]A. Lives beside BouncyCastle's verifier so FROST can check its aggregate signature
 * with code whose decoding rules we control. Variable-time: keys, messages and signatures are
 * public. Stateless and thread-safe.
 */
final class Rfc8032Verifier {
  private Rfc8032Verifier() {}

  /** See {@link Ed25519#verifyRfc8032(byte[], byte[], byte[])}. */
  static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    if (publicKey == null || message == null || signature == null
        || publicKey.length != 32 || signature.length != 64) {
      return false;
    }
    byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
    byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
    ExtendedPoint a;
    ExtendedPoint r;
    Scalar s;
    try {
      // §5.1.7 step 1: decode R and A as points and S as an integer 0 <= S < L; any failure
      // invalidates the signature. Accepting S >= L would make signatures malleable.
      r = PointCodec.decode(rBytes);
      a = PointCodec.decode(publicKey);
      s = Ed25519.INSTANCE.decodeScalar(sBytes);
    } catch (InvalidEncodingException e) {
      return false;
    }
    // §5.1.7 step 2: k = SHA-512(dom2(F, C) || R || A || PH(M)); dom2 and PH are empty for Ed25519.
    // The original R and A bytes are hashed; both decoded, so they are canonical.
    SHA512Digest sha = new SHA512Digest();
    sha.update(rBytes, 0, 32);
    sha.update(publicKey, 0, 32);
    sha.update(message, 0, message.length);
    byte[] digest = new byte[64];
    sha.doFinal(digest, 0);
    Scalar k = Ed25519.INSTANCE.reduce(digest);

    // §5.1.7 step 3, cofactorless: [S]B = R + [k]A, checked as [S]B + [k](−A) = R. Negating the
    // point rather than the scalar matters: A may have a torsion component (RFC 8032 decoding
    // allows it), and then [L − k]A differs from −[k]A by [L]A.
    ExtendedPoint sbMinusKa =
        VartimeMultiplier.multiplyAndAddBase(s.toBytes(), k.toBytes(), a.negate());
    return sbMinusKa.sameAs(r);
  }
}
