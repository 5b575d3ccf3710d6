package dev.keyshard.crypto.hash;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import java.util.Arrays;
import java.util.Objects;

/**
 * The five hash functions of a FROST ciphersuite (RFC 9591 §6): H1 (binding factor, "rho"), H2
 * (challenge), H3 (nonce and scalar derivation, "nonce"), H4 (message, "msg") and H5 (commitment
 * list, "com"). Each suite computes them exactly as its RFC section defines; the test vectors of
 * RFC 9591 Appendix E pin the results.
 *
 * <p>A multi-part argument is hashed as the concatenation of its parts, which is how RFC 9591
 * writes the inputs ({@code H2(group_comm_enc ‖ group_public_key_enc ‖ msg)}); the parts of every
 * RFC 9591 call have fixed lengths except the last.
 *
 * <p>Implementations are immutable singletons and thread-safe.
 */
public sealed interface FrostHashSuite permits Ed25519Sha512Hashes, Secp256k1Sha256Hashes {

  /** FROST(Ed25519, SHA-512), RFC 9591 §6.1, contextString "FROST-ED25519-SHA512-v1". */
  static FrostHashSuite ed25519Sha512() {
    return Ed25519Sha512Hashes.INSTANCE;
  }

  /** FROST(secp256k1, SHA-256), RFC 9591 §6.5, contextString "FROST-secp256k1-SHA256-v1". */
  static FrostHashSuite secp256k1Sha256() {
    return Secp256k1Sha256Hashes.RFC9591;
  }

  /**
   * FROST(secp256k1, SHA-256) adapted to BIP-340/taproot, as in ZcashFoundation's
   * {@code frost-secp256k1-tr}: contextString "FROST-secp256k1-SHA256-TR-v1", and H2 is the
   * BIP-340 challenge hash {@code TaggedHash("BIP0340/challenge", m) mod n}, so H2 must be called
   * with {@code x(R) ‖ x(P) ‖ msg}. Not part of RFC 9591.
   */
  static FrostHashSuite secp256k1Sha256Taproot() {
    return Secp256k1Sha256Hashes.TAPROOT;
  }

  /** The suite's contextString (RFC 9591 §6). */
  String contextString();

  /** The group whose scalars H1, H2 and H3 return. */
  Group group();

  /** H1: the binding factor hash ("rho"). */
  Scalar h1(byte[]... m);

  /** H2: the challenge hash. */
  Scalar h2(byte[]... m);

  /** H3: the nonce hash ("nonce"). */
  Scalar h3(byte[]... m);

  /** H4: the message hash ("msg"), a digest of the suite's hash length. */
  byte[] h4(byte[]... m);

  /** H5: the commitment-list hash ("com"), a digest of the suite's hash length. */
  byte[] h5(byte[]... m);

  /**
   * RFC 9591 §4.1 {@code nonce_generate}: {@code H3(random_bytes ‖ SerializeScalar(secret))}. The
   * secret hedges against a weak random source; its serialisation never leaves this method.
   *
   * @param randomBytes 32 fresh random bytes
   * @param secret the signer's secret share
   * @return the nonce, owned by the caller
   * @throws IllegalArgumentException when {@code randomBytes} is not 32 bytes or the secret is of
   *     another group
   */
  default SecretScalar nonceGenerate(byte[] randomBytes, SecretScalar secret) {
    Objects.requireNonNull(randomBytes, "randomBytes");
    if (randomBytes.length != 32) {
      throw new IllegalArgumentException("nonce_generate takes 32 random bytes");
    }
    if (secret.group() != group()) {
      throw new IllegalArgumentException("secret of " + secret.group().name() + " used with "
          + contextString());
    }
    // Export reviewed: hashed and wiped here, as RFC 9591 §4.1 prescribes.
    byte[] secretEnc = secret.toBytes(InsecureSecretAccess.get());
    try {
      return SecretScalar.wrap(h3(randomBytes, secretEnc));
    } finally {
      Arrays.fill(secretEnc, (byte) 0);
    }
  }
}
