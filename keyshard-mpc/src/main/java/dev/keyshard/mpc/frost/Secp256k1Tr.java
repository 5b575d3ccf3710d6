package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.crypto.hash.FrostHashSuite;
import java.util.Arrays;

/**
 * FROST(secp256k1, SHA-256) producing BIP-340 Schnorr signatures, as ZF {@code frost-secp256k1-tr}
 * (contextString "FROST-secp256k1-SHA256-TR-v1" for H1, H3, H4, H5). It differs from RFC 9591 only
 * through the {@link FrostCiphersuite} hooks:
 * <ul>
 *   <li>even-y keys: when the group key P has odd y, every signer signs with −s_i and verifiers use
 *       −P and −PK_i (BIP-340 public keys are x-only, {@code lift_x} picks even y);
 *   <li>even-y nonces: when the group commitment R has odd y, signers negate their nonce
 *       contribution and verifiers their commitment shares, so the signature is valid for −R,
 *       the point {@code lift_x(x(R))};
 *   <li>challenge {@code e = int(hash_BIP0340/challenge(x(R) ‖ x(P) ‖ m)) mod n};
 *   <li>signature {@code x(R) ‖ z}, 64 bytes, under the 32-byte x-only key.
 * </ul>
 * No BIP-341 taproot tweak is applied here: the key signs as given.
 */
public final class Secp256k1Tr extends FrostCiphersuite {
  /** The suite; a stateless singleton. */
  public static final Secp256k1Tr INSTANCE = new Secp256k1Tr();

  /** SEC1 prefix of a compressed point with odd y. */
  private static final byte ODD_Y = 0x03;

  private Secp256k1Tr() {
    super(FrostHashSuite.secp256k1Sha256Taproot());
  }

  /** BIP-340: the 32-byte x-only public key of {@code groupKey}. */
  public static byte[] xOnlyKey(Point groupKey) {
    return ((Secp256k1Point) groupKey).xOnly();
  }

  /**
   * BIP-340 {@code Verify(pk, m, sig)} for a 32-byte x-only key and a message of any length.
   *
   * @throws InvalidSignatureException when the key is not a valid x-coordinate, the signature is
   *     malformed (r ≥ p, not on the curve, z ≥ n, wrong length) or does not verify
   */
  public void verifyBip340(byte[] xOnlyKey, byte[] message, byte[] signature)
      throws InvalidSignatureException {
    Point key;
    try {
      key = Secp256k1.INSTANCE.liftX(xOnlyKey);
    } catch (InvalidEncodingException e) {
      throw new InvalidSignatureException("invalid x-only public key: " + e.getMessage());
    }
    verify(decodeSignature(signature), message, key, xOnlyKey.clone());
  }

  @Override
  boolean negatesKey(byte[] groupKeyEncoding) {
    return groupKeyEncoding[0] == ODD_Y;
  }

  @Override
  boolean negatesNonces(byte[] groupCommitmentEncoding) {
    return groupCommitmentEncoding[0] == ODD_Y;
  }

  /** BIP-340 {@code bytes(P)}: the x-coordinate, dropping the SEC1 parity prefix. */
  @Override
  byte[] compact(byte[] elementEncoding) {
    return Arrays.copyOfRange(elementEncoding, 1, elementEncoding.length);
  }

  @Override
  int compactLength() {
    return 32;
  }

  /** BIP-340 {@code lift_x}: fails when r ≥ p or r is not the x-coordinate of a curve point. */
  @Override
  Point decodeCompact(byte[] compact) throws InvalidEncodingException {
    return Secp256k1.INSTANCE.liftX(compact);
  }
}
