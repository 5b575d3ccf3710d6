package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.hash.FrostHashSuite;

/**
 * FROST(Ed25519, SHA-512), RFC 9591 §6.1, contextString "FROST-ED25519-SHA512-v1". Signatures are
 * RFC 8032 Ed25519 signatures ({@code R ‖ z}, 64 bytes) over the group key; H2 has no prefix so any
 * RFC 8032 verifier accepts them. Every hook keeps its RFC 9591 default.
 */
public final class Ed25519Sha512 extends FrostCiphersuite {
  /** The suite; a stateless singleton. */
  public static final Ed25519Sha512 INSTANCE = new Ed25519Sha512();

  private Ed25519Sha512() {
    super(FrostHashSuite.ed25519Sha512());
  }
}
