package dev.keyshard.node;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A device's keys for one session (BouncyCastle): Ed25519 to sign every frame it sends, X25519 to
 * agree a key with each other member for point-to-point frames. Fresh per session, never stored:
 * they authenticate this run of the ceremony, not the device.
 */
final class SessionIdentity {
  private final Ed25519PrivateKeyParameters signing;
  private final X25519PrivateKeyParameters exchange;

  SessionIdentity(SecureRandom rng) {
    this.signing = new Ed25519PrivateKeyParameters(rng);
    this.exchange = new X25519PrivateKeyParameters(rng);
  }

  byte[] identityKey() {
    return signing.generatePublicKey().getEncoded();
  }

  byte[] exchangeKey() {
    return exchange.generatePublicKey().getEncoded();
  }

  byte[] sign(byte[] message) {
    Ed25519Signer s = new Ed25519Signer();
    s.init(true, signing);
    s.update(message, 0, message.length);
    return s.generateSignature();
  }

  static boolean verify(byte[] identityKey, byte[] message, byte[] signature) {
    if (identityKey.length != 32 || signature.length != 64) {
      return false;
    }
    Ed25519Signer s = new Ed25519Signer();
    s.init(false, new Ed25519PublicKeyParameters(identityKey, 0));
    s.update(message, 0, message.length);
    return s.verifySignature(signature);
  }

  /** The X25519 shared secret with {@code peerExchangeKey}; refuses an all-zero result. */
  byte[] agree(byte[] peerExchangeKey) {
    if (peerExchangeKey.length != 32) {
      throw new IllegalArgumentException("X25519 keys are 32 bytes");
    }
    X25519Agreement a = new X25519Agreement();
    a.init(exchange);
    byte[] out = new byte[a.getAgreementSize()];
    a.calculateAgreement(new X25519PublicKeyParameters(peerExchangeKey, 0), out, 0);
    if (Arrays.equals(out, new byte[out.length])) {
      throw new IllegalArgumentException("a low-order X25519 key");
    }
    return out;
  }
}
