package dev.keyshard.chains.tx;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.BIP340Signer;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * A test stand-in for the threshold signers: one whole root key (secp256k1 scalar, Ed25519 seed)
 * and a chain code, signing {@link SigningRequest}s with BouncyCastle as the vault's t parties
 * would — the derived child key for ECDSA (RFC 6979, low S, recovery id), the BIP-86-tweaked child
 * for taproot, the root key for Ed25519. It lets builder tests check transactions against
 * independent verifiers without running the protocols; end-to-end tests use the protocols.
 */
public final class PlainKeySigner {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  private final BigInteger root;
  private final byte[] ed25519Seed;
  private final VaultKeys keys;

  /** A signer whose keys all follow from {@code label} (deterministic, never fund them). */
  public static PlainKeySigner fromLabel(String label) {
    byte[] k = sha256(("keyshard-test-ecdsa/" + label).getBytes());
    byte[] seed = sha256(("keyshard-test-eddsa/" + label).getBytes());
    byte[] chainCode = sha256(("keyshard-test-chaincode/" + label).getBytes());
    return new PlainKeySigner(new BigInteger(1, k).mod(N), seed, chainCode);
  }

  public PlainKeySigner(BigInteger rootEcdsa, byte[] ed25519Seed, byte[] chainCode) {
    this.root = rootEcdsa;
    this.ed25519Seed = ed25519Seed.clone();
    byte[] eddsaPub = new byte[32];
    Ed25519.generatePublicKey(ed25519Seed, 0, eddsaPub, 0);
    this.keys = new VaultKeys(CURVE.getG().multiply(rootEcdsa).getEncoded(true), eddsaPub, chainCode);
  }

  public VaultKeys keys() {
    return keys;
  }

  /** Signs every request of the transaction, in order. */
  public List<ChainSignature> signAll(UnsignedTransaction tx) {
    List<ChainSignature> out = new ArrayList<>();
    for (SigningRequest r : tx.signingRequests()) {
      out.add(sign(r));
    }
    return out;
  }

  public ChainSignature sign(SigningRequest request) {
    SigningKey key = request.signingKey(keys);
    byte[] message = request.message();
    return switch (request.scheme()) {
      case ECDSA -> ecdsa(childKey(key), message, key.publicKey());
      case TAPROOT -> {
        BigInteger d = childKey(key);
        if (key.derivedKeyHasOddY()) {
          d = N.subtract(d);
        }
        d = d.add(new BigInteger(1, key.tapTweak())).mod(N);
        BIP340Signer s = new BIP340Signer();
        ECDomainParameters domain = BIP340Signer.getDomain();
        s.init(true, new org.bouncycastle.crypto.AsymmetricCipherKeyPair(
            new org.bouncycastle.crypto.params.ECPublicKeyParameters(domain.getG().multiply(d), domain),
            new ECPrivateKeyParameters(d, domain)));
        s.update(message, 0, message.length);
        try {
          yield ChainSignature.schnorr(s.generateSignature());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      case ED25519 -> {
        byte[] sig = new byte[64];
        Ed25519.sign(ed25519Seed, 0, message, 0, message.length, sig, 0);
        yield ChainSignature.schnorr(sig);
      }
    };
  }

  private BigInteger childKey(SigningKey key) {
    return root.add(key.derivationTweak().toBigInteger()).mod(N);
  }

  private static ChainSignature ecdsa(BigInteger d, byte[] hash, byte[] publicKey) {
    ECDSASigner s = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    s.init(true, new ECPrivateKeyParameters(d, new ECDomainParameters(CURVE)));
    BigInteger[] rs = s.generateSignature(hash);
    BigInteger r = rs[0];
    BigInteger sv = rs[1].compareTo(N.shiftRight(1)) > 0 ? N.subtract(rs[1]) : rs[1];
    byte[] compact = new byte[64];
    System.arraycopy(toBytes32(r), 0, compact, 0, 32);
    System.arraycopy(toBytes32(sv), 0, compact, 32, 32);
    for (int recid = 0; recid < 4; recid++) {
      ECPoint q = SignatureCheck.recover(hash, r, sv, recid);
      if (q != null && java.util.Arrays.equals(q.getEncoded(true), publicKey)) {
        return new ChainSignature(compact, recid);
      }
    }
    throw new IllegalStateException("no recovery id recovers the key");
  }

  static byte[] toBytes32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    int len = Math.min(b.length, 32);
    System.arraycopy(b, b.length - len, out, 32 - len, len);
    return out;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
