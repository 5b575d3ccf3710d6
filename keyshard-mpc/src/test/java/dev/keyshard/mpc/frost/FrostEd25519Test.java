package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** {@link FrostSuiteTest} for FROST(Ed25519, SHA-512), checked by BouncyCastle's RFC 8032 verify. */
class FrostEd25519Test extends FrostSuiteTest {
  @Override
  FrostCiphersuite suite() {
    return FrostCiphersuite.ed25519Sha512();
  }

  @Override
  void verifyIndependently(Signature signature, byte[] message, Point groupKey) {
    assertTrue(Ed25519.verify(signature.toBytes(), 0, groupKey.toBytes(), 0, message, 0,
        message.length), "BouncyCastle Ed25519.verify rejects the signature");
  }
}
