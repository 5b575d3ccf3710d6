package dev.keyshard.chains.tx;

/** Which of the vault's keys signs a pre-image, and how the signature is encoded. */
public enum SignatureScheme {
  /**
   * ECDSA over secp256k1 (DKLs23) with a child of the root key; the message is a 32-byte hash,
   * the signature r ‖ s with low S and a recovery id.
   */
  ECDSA,
  /**
   * BIP-340 Schnorr (FROST secp256k1-tr) under the BIP-86 output key of a child of the root key:
   * a taproot key-path spend. The message is the 32-byte BIP-341 sighash; the signature is 64 bytes.
   */
  TAPROOT,
  /** Ed25519 (FROST) with the root EdDSA key; the message is signed as it is. */
  ED25519
}
