package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1Point;
import fr.acinq.secp256k1.Secp256k1;

/**
 * libsecp256k1 (Bitcoin Core's library, through ACINQ's secp256k1-kmp JNI binding) as the
 * independent verifier of every ECDSA signature the tests see: it accepts only low-S signatures,
 * and {@code ecdsaRecover} checks the recovery id.
 */
final class Libsecp256k1 {
  private Libsecp256k1() {}

  /** Asserts that libsecp256k1 verifies the signature, parses its DER and recovers the key. */
  static void assertValid(EcdsaSignature sig, Point publicKey, byte[] hash32) {
    Secp256k1 lib = Secp256k1.get();
    byte[] pub = ((Secp256k1Point) publicKey).toUncompressedBytes();
    byte[] compact = sig.toCompact();
    assertTrue(lib.verify(compact, hash32, pub), "libsecp256k1 rejects the compact signature");
    assertArrayEquals(compact, lib.der2compact(sig.toDer()),
        "libsecp256k1 parses our DER differently");
    assertArrayEquals(pub, lib.ecdsaRecover(compact, hash32, sig.recoveryId()),
        "libsecp256k1 recovers another key from the recovery id");
    assertArrayEquals(sig.toDer(), lib.compact2der(compact), "DER differs from libsecp256k1's");
  }

  static boolean verifies(EcdsaSignature sig, Point publicKey, byte[] hash32) {
    return Secp256k1.get().verify(sig.toCompact(), hash32,
        ((Secp256k1Point) publicKey).toUncompressedBytes());
  }
}
