package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

/**
 * RFC 9591 Appendix E, byte for byte: group key and shares from the trusted dealer (Appendix C),
 * nonces from the given randomness (§4.1), commitments (§5.1), binding factor inputs and binding
 * factors (§4.4), signature shares (§5.2) and the aggregate signature (§5.3).
 */
class FrostRfc9591VectorsTest {

  @Test
  void ed25519Sha512AppendixE1() throws Exception {
    FrostVector v = new FrostVector("/vectors/frost/ed25519-sha512/rfc9591.json",
        FrostCiphersuite.ed25519Sha512());
    Signature signature = v.replay();
    byte[] msg = v.message();
    // An RFC 8032 verifier we did not write accepts it.
    assertTrue(Ed25519.verify(signature.toBytes(), 0, v.groupKey(), 0, msg, 0, msg.length));
  }

  @Test
  void secp256k1Sha256AppendixE5() throws Exception {
    new FrostVector("/vectors/frost/secp256k1-sha256/rfc9591.json",
        FrostCiphersuite.secp256k1Sha256()).replay();
  }
}
