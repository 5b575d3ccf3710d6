package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import java.math.BigInteger;
import java.util.Objects;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ECDSA verification and public-key recovery over secp256k1 by BouncyCastle's {@link ECDSASigner}
 * and curve arithmetic, not by Keyshard's own group code: signing checks its output with software
 * it did not write (DESIGN.md, "Proof by independent software").
 *
 * <p>Messages are 32-byte hashes; e = int(hash) mod q (SEC 1 §4.1.4 step 5, exact for a 256-bit
 * order). Everything here is public data and may be variable-time. Stateless and thread-safe.
 */
public final class EcdsaVerifier {
  /** Bytes of the message hash DKLs23 signing takes. */
  public static final int HASH_LENGTH = 32;

  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(
      PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

  private EcdsaVerifier() {}

  /**
   * Verifies (r, s) on {@code messageHash} under {@code publicKey} with BouncyCastle, and that the
   * recovery id recovers {@code publicKey}. High-S signatures verify here (ECDSA itself accepts
   * them); callers that need low-S check {@link EcdsaSignature#isLowS()}.
   *
   * @throws InvalidEcdsaSignatureException when the signature does not verify or the recovery id
   *     gives another key
   * @throws IllegalArgumentException when the hash is not 32 bytes or the key is the identity
   */
  public static void verify(EcdsaSignature signature, Point publicKey, byte[] messageHash)
      throws InvalidEcdsaSignatureException {
    Objects.requireNonNull(signature, "signature");
    requireHash(messageHash);
    ECPoint q = toBc(publicKey);
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
    if (!verifier.verifySignature(messageHash, signature.r().toBigInteger(),
        signature.s().toBigInteger())) {
      throw new InvalidEcdsaSignatureException("ECDSA signature does not verify");
    }
    ECPoint recovered = recover(signature, messageHash);
    if (recovered == null || !recovered.equals(q)) {
      throw new InvalidEcdsaSignatureException("recovery id does not recover the public key");
    }
  }

  /**
   * The public key that {@code signature}'s recovery id gives for {@code messageHash} (SEC 1
   * §4.1.6): Q = r⁻¹·(s·R − e·G), with R the point of x-coordinate r + (id ≥ 2 ? q : 0) and the
   * parity of id's low bit.
   *
   * @throws InvalidEcdsaSignatureException when no such R exists or Q is the identity
   */
  public static Point recoverPublicKey(EcdsaSignature signature, byte[] messageHash)
      throws InvalidEcdsaSignatureException {
    requireHash(messageHash);
    ECPoint q = recover(signature, messageHash);
    if (q == null) {
      throw new InvalidEcdsaSignatureException("no public key recovers from this signature");
    }
    try {
      return Secp256k1.INSTANCE.decodePoint(q.getEncoded(true));
    } catch (InvalidEncodingException e) {
      throw new InvalidEcdsaSignatureException("recovered key does not decode");
    }
  }

  private static ECPoint recover(EcdsaSignature signature, byte[] messageHash) {
    BigInteger n = DOMAIN.getN();
    BigInteger x = signature.r().toBigInteger();
    if ((signature.recoveryId() & 2) != 0) {
      x = x.add(n);
      if (x.compareTo(Secp256k1.INSTANCE.fieldPrime()) >= 0) {
        return null;
      }
    }
    byte[] compressed = new byte[33];
    compressed[0] = (byte) (2 + (signature.recoveryId() & 1));
    byte[] xb = x.toByteArray();
    int copy = Math.min(xb.length, 32);
    System.arraycopy(xb, xb.length - copy, compressed, 33 - copy, copy);
    ECPoint r;
    try {
      r = DOMAIN.getCurve().decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      return null;
    }
    BigInteger rInv = signature.r().toBigInteger().modInverse(n);
    BigInteger e = new BigInteger(1, messageHash).mod(n);
    BigInteger u1 = n.subtract(e).multiply(rInv).mod(n);
    BigInteger u2 = signature.s().toBigInteger().multiply(rInv).mod(n);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, r, u2).normalize();
    return q.isInfinity() ? null : q;
  }

  private static ECPoint toBc(Point publicKey) {
    Objects.requireNonNull(publicKey, "publicKey");
    if (!(publicKey instanceof Secp256k1Point) || publicKey.isIdentity()) {
      throw new IllegalArgumentException("public key must be a non-identity secp256k1 point");
    }
    return DOMAIN.getCurve().decodePoint(((Secp256k1Point) publicKey).toUncompressedBytes());
  }

  private static void requireHash(byte[] messageHash) {
    if (messageHash == null || messageHash.length != HASH_LENGTH) {
      throw new IllegalArgumentException("message hash must be 32 bytes");
    }
  }
}
