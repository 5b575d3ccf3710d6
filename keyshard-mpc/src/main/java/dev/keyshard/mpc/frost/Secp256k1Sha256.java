package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.hash.FrostHashSuite;

/**
 * FROST(secp256k1, SHA-256), RFC 9591 §6.5, contextString "FROST-secp256k1-SHA256-v1":
 * 33-byte compressed points, signatures {@code SerializeElement(R) ‖ z} of 65 bytes. Not BIP-340;
 * it exists for the RFC 9591 test vectors and for interoperability with other RFC 9591
 * implementations. Bitcoin uses {@link Secp256k1Tr}.
 */
public final class Secp256k1Sha256 extends FrostCiphersuite {
  /** The suite; a stateless singleton. */
  public static final Secp256k1Sha256 INSTANCE = new Secp256k1Sha256();

  private Secp256k1Sha256() {
    super(FrostHashSuite.secp256k1Sha256());
  }
}
