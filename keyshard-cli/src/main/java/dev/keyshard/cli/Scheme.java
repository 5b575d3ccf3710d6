package dev.keyshard.cli;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.frost.FrostCiphersuite;
import dev.keyshard.mpc.frost.Secp256k1Tr;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.BIP340Signer;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The signature schemes the command line offers, with their public-key encoding and an
 * independent verifier (BouncyCastle), so {@code keyshard verify} does not trust our own code.
 *
 * <p>ed25519 and bip340 are FROST (Schnorr) schemes; ecdsa is DKLs23 threshold ECDSA over
 * secp256k1, which signs a 32-byte message hash.
 */
enum Scheme {
  ED25519("ed25519"),
  BIP340("bip340"),
  ECDSA("ecdsa");

  /** Bytes of the message hash an ECDSA signature covers. */
  static final int ECDSA_HASH_LENGTH = 32;

  private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters SECP256K1_DOMAIN = new ECDomainParameters(
      SECP256K1.getCurve(), SECP256K1.getG(), SECP256K1.getN(), SECP256K1.getH());
  private static final BigInteger HALF_N = SECP256K1.getN().shiftRight(1);

  final String id;

  Scheme(String id) {
    this.id = id;
  }

  static Scheme parse(String s) {
    for (Scheme scheme : values()) {
      if (scheme.id.equals(s.toLowerCase(Locale.ROOT))) {
        return scheme;
      }
    }
    throw new UserError("unknown scheme '" + s + "' (expected ed25519, bip340 or ecdsa)");
  }

  /** True for the FROST schemes, whose shares are {@code KeyShare}s. */
  boolean isFrost() {
    return switch (this) {
      case ED25519, BIP340 -> true;
      case ECDSA -> false;
    };
  }

  Group group() {
    return switch (this) {
      case ED25519 -> Ed25519.INSTANCE;
      case BIP340, ECDSA -> Secp256k1.INSTANCE;
    };
  }

  /**
   * The FROST ciphersuite.
   *
   * @throws IllegalStateException for ecdsa, which is not a FROST scheme
   */
  FrostCiphersuite suite() {
    return switch (this) {
      case ED25519 -> Ed25519Sha512.INSTANCE;
      case BIP340 -> Secp256k1Tr.INSTANCE;
      case ECDSA -> throw new IllegalStateException("ecdsa is not a FROST scheme");
    };
  }

  /**
   * The public key as verifiers expect it: 32-byte RFC 8032, the 32-byte BIP-340 x-only key, or
   * the 33-byte compressed SEC 1 key for ECDSA.
   */
  byte[] publicKey(Point groupKey) {
    return switch (this) {
      case ED25519, ECDSA -> groupKey.toBytes();
      case BIP340 -> ((Secp256k1Point) groupKey).xOnly();
    };
  }

  int publicKeyLength() {
    return switch (this) {
      case ED25519, BIP340 -> 32;
      case ECDSA -> 33;
    };
  }

  /**
   * Verifies with BouncyCastle; false for any malformed input. For ecdsa the message is the
   * 32-byte hash, the signature the 64-byte compact r ‖ s, and a high-S signature (s &gt; n/2) is
   * rejected, as Bitcoin (BIP-146 LOW_S) and Ethereum (EIP-2) policy do.
   */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      return switch (this) {
        case ED25519 -> {
          Ed25519Signer v = new Ed25519Signer();
          v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
          v.update(message, 0, message.length);
          yield v.verifySignature(signature);
        }
        case BIP340 -> {
          BIP340Signer v = new BIP340Signer();
          v.init(false, BIP340Signer.decodePublicKey(publicKey));
          v.update(message, 0, message.length);
          yield v.verifySignature(signature);
        }
        case ECDSA -> verifyEcdsa(publicKey, message, signature);
      };
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean verifyEcdsa(byte[] publicKey, byte[] hash, byte[] signature) {
    if (publicKey.length != 33 || hash.length != ECDSA_HASH_LENGTH || signature.length != 64) {
      return false;
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (isHighS(signature)) {
      return false;
    }
    ECPoint q = SECP256K1_DOMAIN.getCurve().decodePoint(publicKey);
    ECDSASigner v = new ECDSASigner();
    v.init(false, new ECPublicKeyParameters(q, SECP256K1_DOMAIN));
    // ECDSASigner rejects r or s outside [1, n-1].
    return v.verifySignature(hash, r, s);
  }

  /** True when a 64-byte compact ECDSA signature's s is above n/2 (not BIP-146 LOW_S). */
  static boolean isHighS(byte[] compact) {
    return compact.length == 64
        && new BigInteger(1, Arrays.copyOfRange(compact, 32, 64)).compareTo(HALF_N) > 0;
  }

  @Override
  public String toString() {
    return id;
  }
}
