package dev.keyshard.cli;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.frost.FrostCiphersuite;
import dev.keyshard.mpc.frost.Secp256k1Tr;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.BIP340Signer;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * The signature schemes the command line offers, with their public-key encoding and an
 * independent verifier (BouncyCastle), so {@code keyshard verify} does not trust our own code.
 */
enum Scheme {
  ED25519("ed25519"),
  BIP340("bip340");

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
    throw new UserError("unknown scheme '" + s + "' (expected ed25519 or bip340)");
  }

  Group group() {
    switch (this) {
      case ED25519: return Ed25519.INSTANCE;
      case BIP340: return Secp256k1.INSTANCE;
    }
    throw new AssertionError(this);
  }

  FrostCiphersuite suite() {
    switch (this) {
      case ED25519: return Ed25519Sha512.INSTANCE;
      case BIP340: return Secp256k1Tr.INSTANCE;
    }
    throw new AssertionError(this);
  }

  /** The public key as verifiers expect it: 32-byte RFC 8032, or the 32-byte BIP-340 x-only key. */
  byte[] publicKey(Point groupKey) {
    switch (this) {
      case ED25519: return groupKey.toBytes();
      case BIP340: return ((Secp256k1Point) groupKey).xOnly();
    }
    throw new AssertionError(this);
  }

  int publicKeyLength() {
    return 32;
  }

  /** Verifies with BouncyCastle; false for any malformed input. */
  boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    try {
      switch (this) {
        case ED25519: {
          Ed25519Signer v = new Ed25519Signer();
          v.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
          v.update(message, 0, message.length);
          return v.verifySignature(signature);
        }
        case BIP340: {
          BIP340Signer v = new BIP340Signer();
          v.init(false, BIP340Signer.decodePublicKey(publicKey));
          v.update(message, 0, message.length);
          return v.verifySignature(signature);
        }
      }
    } catch (RuntimeException e) {
      return false;
    }
    throw new AssertionError(this);
  }

  @Override
  public String toString() {
    return id;
  }
}
