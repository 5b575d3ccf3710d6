package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Point;

/**
 * {@link FrostSuiteTest} for plain FROST(secp256k1, SHA-256). Its 65-byte signature format has no
 * independent verifier here; the RFC 9591 vector pins it instead.
 */
class FrostSecp256k1Test extends FrostSuiteTest {
  @Override
  FrostCiphersuite suite() {
    return FrostCiphersuite.secp256k1Sha256();
  }

  @Override
  void verifyIndependently(Signature signature, byte[] message, Point groupKey) {
    // No third-party verifier for RFC 9591's secp256k1 encoding (SEC1 R ‖ z).
  }
}
