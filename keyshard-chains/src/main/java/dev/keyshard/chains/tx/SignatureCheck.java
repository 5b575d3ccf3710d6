package dev.keyshard.chains.tx;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.BIP340Signer;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Checks a threshold signature with BouncyCastle — code independent of Keyshard's protocols —
 * before a transaction is assembled: the signature must verify under the key the request names,
 * ECDSA must have low S (Bitcoin policy, EIP-2, Cosmos) and its recovery id must recover that key
 * (EVM and Tron senders are recovered from it).
 */
public final class SignatureCheck {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);
  private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

  private SignatureCheck() {}

  /**
   * The one signature of a transaction that needs exactly one, verified under the key the
   * request names for this vault.
   *
   * @param what the transaction's kind, for the message ("a Solana transfer")
   * @throws IllegalArgumentException when there is not exactly one signature (a caller's bug)
   * @throws InvalidTransactionSignatureException when it does not verify
   */
  public static ChainSignature single(SigningRequest request, VaultKeys keys,
      java.util.List<ChainSignature> signatures, String what)
      throws InvalidTransactionSignatureException {
    if (signatures.size() != 1) {
      throw new IllegalArgumentException(what + " takes 1 signature, not " + signatures.size());
    }
    ChainSignature sig = signatures.get(0);
    verify(request, request.signingKey(keys), sig);
    return sig;
  }

  /**
   * @throws InvalidTransactionSignatureException naming what failed
   */
  public static void verify(SigningRequest request, SigningKey key, ChainSignature signature)
      throws InvalidTransactionSignatureException {
    if (key.scheme() != request.scheme()) {
      throw new IllegalArgumentException("key is for " + key.scheme() + ", request " + request.scheme());
    }
    byte[] message = request.message();
    switch (request.scheme()) {
      case ECDSA -> verifyEcdsa(key.publicKey(), message, signature);
      case TAPROOT -> {
        if (signature.recoveryId() != -1) {
          throw new InvalidTransactionSignatureException("a Schnorr signature has no recovery id");
        }
        boolean ok;
        try {
          BIP340Signer v = new BIP340Signer();
          v.init(false, BIP340Signer.decodePublicKey(key.publicKey()));
          v.update(message, 0, message.length);
          ok = v.verifySignature(signature.bytes());
        } catch (RuntimeException e) {
          ok = false;
        }
        if (!ok) {
          throw new InvalidTransactionSignatureException("BIP-340 signature does not verify under "
              + "the taproot output key");
        }
      }
      case ED25519 -> {
        if (signature.recoveryId() != -1
            || !Ed25519.verify(signature.bytes(), 0, key.publicKey(), 0, message, 0, message.length)) {
          throw new InvalidTransactionSignatureException("Ed25519 signature does not verify under "
              + "the vault's EdDSA key");
        }
      }
    }
  }

  private static void verifyEcdsa(byte[] publicKey, byte[] hash, ChainSignature signature)
      throws InvalidTransactionSignatureException {
    BigInteger r = new BigInteger(1, signature.r());
    BigInteger s = new BigInteger(1, signature.s());
    if (r.signum() == 0 || s.signum() == 0 || r.compareTo(CURVE.getN()) >= 0 || s.compareTo(HALF_N) > 0) {
      throw new InvalidTransactionSignatureException("ECDSA signature out of range or not low-S");
    }
    ECPoint q = CURVE.getCurve().decodePoint(publicKey);
    ECDSASigner v = new ECDSASigner();
    v.init(false, new ECPublicKeyParameters(q, DOMAIN));
    if (!v.verifySignature(hash, r, s)) {
      throw new InvalidTransactionSignatureException("ECDSA signature does not verify under the "
          + "derived key");
    }
    ECPoint recovered = recover(hash, r, s, signature.recoveryId());
    if (recovered == null || !Arrays.equals(recovered.getEncoded(true), publicKey)) {
      throw new InvalidTransactionSignatureException("ECDSA recovery id " + signature.recoveryId()
          + " does not recover the derived key");
    }
  }

  /** SEC 1 v2 §4.1.6: the public key that (r, s) over hash verifies under, for recovery id j. */
  static ECPoint recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
    if (recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    BigInteger n = CURVE.getN();
    BigInteger x = recoveryId >= 2 ? r.add(n) : r;
    BigInteger p = CURVE.getCurve().getField().getCharacteristic();
    if (x.compareTo(p) >= 0) {
      return null;
    }
    byte[] encoded = new byte[33];
    encoded[0] = (byte) ((recoveryId & 1) == 0 ? 2 : 3);
    byte[] xb = x.toByteArray();
    int len = Math.min(xb.length, 32);
    System.arraycopy(xb, xb.length - len, encoded, 33 - len, len);
    ECPoint bigR;
    try {
      bigR = CURVE.getCurve().decodePoint(encoded);
    } catch (IllegalArgumentException e) {
      return null;
    }
    BigInteger e = new BigInteger(1, hash).mod(n);
    BigInteger rInv = r.modInverse(n);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(bigR, s.multiply(rInv).mod(n), CURVE.getG(),
        n.subtract(e).multiply(rInv).mod(n)).normalize();
    return q.isInfinity() ? null : q;
  }
}
