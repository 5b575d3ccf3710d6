package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.hash.FrostHashSuite;
import java.util.Arrays;
import java.util.Objects;

/**
 * A FROST ciphersuite (RFC 9591 §6): a prime-order group, the hash functions H1…H5, and the
 * signature encoding and verification. The signing core in this package is generic; a suite adapts
 * it only through the package-private hooks below, as frost-core's {@code Ciphersuite} trait lets
 * {@code frost-secp256k1-tr} adapt FROST to BIP-340 ({@code pre_sign}, {@code pre_aggregate},
 * {@code challenge}, {@code compute_signature_share}).
 *
 * <p>The suites are {@link Ed25519Sha512} ("FROST-ED25519-SHA512-v1", RFC 8032 signatures),
 * {@link Secp256k1Sha256} ("FROST-secp256k1-SHA256-v1", plain RFC 9591) and {@link Secp256k1Tr}
 * (BIP-340 Schnorr signatures, as ZF {@code frost-secp256k1-tr}). Pass a suite explicitly; there
 * is no registry.
 *
 * <p>Immutable singletons, thread-safe.
 */
public abstract sealed class FrostCiphersuite permits Ed25519Sha512, Secp256k1Sha256, Secp256k1Tr {
  private final FrostHashSuite hashes;
  private final Group group;

  FrostCiphersuite(FrostHashSuite hashes) {
    this.hashes = Objects.requireNonNull(hashes);
    this.group = hashes.group();
  }

  /** FROST(Ed25519, SHA-512), RFC 9591 §6.1. */
  public static FrostCiphersuite ed25519Sha512() {
    return Ed25519Sha512.INSTANCE;
  }

  /** FROST(secp256k1, SHA-256), RFC 9591 §6.5. */
  public static FrostCiphersuite secp256k1Sha256() {
    return Secp256k1Sha256.INSTANCE;
  }

  /** FROST(secp256k1, SHA-256) for BIP-340/taproot, as ZF {@code frost-secp256k1-tr}. */
  public static FrostCiphersuite secp256k1Tr() {
    return Secp256k1Tr.INSTANCE;
  }

  /** The suite's contextString (RFC 9591 §6), which also names it. */
  public final String contextString() {
    return hashes.contextString();
  }

  public final Group group() {
    return group;
  }

  final FrostHashSuite hashes() {
    return hashes;
  }

  /** Bytes in an encoded signature: the compact commitment followed by the scalar z. */
  public final int signatureLength() {
    return compactLength() + group.scalarLength();
  }

  // ---- hooks (defaults are plain RFC 9591) ----

  /**
   * Whether a group key with this SerializeElement encoding must be negated before signing (ZF
   * {@code pre_sign}/{@code pre_aggregate}: BIP-340 keys have even y). Signers then use −s_i and
   * everyone negates the verifying shares.
   */
  boolean negatesKey(byte[] groupKeyEncoding) {
    return false;
  }

  /**
   * Whether signers negate their nonce contribution, and verifiers the commitment shares, for a
   * group commitment with this encoding (ZF {@code compute_signature_share}/{@code verify_share}:
   * BIP-340 needs R with even y).
   */
  boolean negatesNonces(byte[] groupCommitmentEncoding) {
    return false;
  }

  /**
   * An element as it enters the challenge hash and the signature: SerializeElement in RFC 9591
   * (§4.6), the x-coordinate in BIP-340.
   */
  byte[] compact(byte[] elementEncoding) {
    return elementEncoding;
  }

  /** Bytes of {@link #compact(byte[])}. */
  int compactLength() {
    return group.pointLength();
  }

  /**
   * Inverse of {@link #compact(byte[])} for a signature's commitment.
   *
   * @throws InvalidEncodingException when the bytes are not a valid compact commitment
   */
  Point decodeCompact(byte[] compact) throws InvalidEncodingException {
    return group.decodePoint(compact);
  }

  // ---- generic signature handling ----

  /**
   * RFC 9591 §4.6 {@code compute_challenge}: {@code H2(group_comm_enc ‖ group_public_key_enc ‖
   * msg)}, with both elements in their {@link #compact(byte[])} form.
   */
  final Scalar challenge(byte[] compactCommitment, byte[] compactKey, byte[] message) {
    return hashes.h2(compactCommitment, compactKey, message);
  }

  /**
   * Decodes a signature strictly: exact length, a valid commitment, and a canonical scalar z.
   *
   * @throws InvalidSignatureException when the bytes are not a well-formed signature of this suite
   */
  public final Signature decodeSignature(byte[] encoded) throws InvalidSignatureException {
    if (encoded == null || encoded.length != signatureLength()) {
      throw new InvalidSignatureException(contextString() + " signatures are "
          + signatureLength() + " bytes");
    }
    int split = compactLength();
    try {
      Point r = decodeCompact(Arrays.copyOfRange(encoded, 0, split));
      Scalar z = group.decodeScalar(Arrays.copyOfRange(encoded, split, encoded.length));
      return new Signature(this, r, z, encoded.clone());
    } catch (InvalidEncodingException e) {
      throw new InvalidSignatureException("malformed signature: " + e.getMessage());
    }
  }

  /**
   * Verifies a signature under a group public key (RFC 9591 §6, "Signature verification";
   * for Ed25519 RFC 8032 §5.1.7, for the taproot suite BIP-340 {@code Verify}). A key that this
   * suite negates ({@link #negatesKey(byte[])}) is negated first, so a BIP-340 key with odd y
   * verifies as its x-only form.
   *
   * @throws InvalidSignatureException when the signature does not verify
   * @throws IllegalArgumentException when the signature or key belongs to another suite or group
   */
  public final void verify(Signature signature, byte[] message, Point groupKey)
      throws InvalidSignatureException {
    Objects.requireNonNull(message, "message");
    if (signature.suite() != this || groupKey.group() != group) {
      throw new IllegalArgumentException("signature or key of another suite");
    }
    byte[] keyEncoding = groupKey.toBytes();
    Point key = negatesKey(keyEncoding) ? groupKey.negate() : groupKey;
    verify(signature, message, key, compact(keyEncoding));
  }

  /**
   * The verification equation {@code z·G == R + c·P} with {@code c = H2(R ‖ P ‖ m)}, for a key
   * already normalised by {@link #negatesKey(byte[])}. Points here come from strict decoding or
   * from our own arithmetic, so they lie in the prime-order subgroup, where the cofactored Ed25519 check
   * of RFC 9591 §6.1 ({@code [8][z]B = [8]R + [8][c]PK}) is equivalent to this one.
   *
   * @throws InvalidSignatureException when the equation does not hold
   */
  final void verify(Signature signature, byte[] message, Point key, byte[] compactKey)
      throws InvalidSignatureException {
    Scalar c = challenge(signature.compactCommitment(), compactKey, message);
    if (!group.schnorrEquationHolds(signature.z(), c, key, signature.r())) {
      throw new InvalidSignatureException(contextString() + " signature does not verify");
    }
  }

  @Override
  public String toString() {
    return contextString();
  }
}
