package dev.keyshard.chains;

import fr.acinq.bitcoin.Bech32;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Pay-to-taproot outputs that can only be spent by the key path, as BIP-86 derives them: output
 * key Q = P + int(hash_TapTweak(x(P)))·G, where P = lift_x(internal key) is the point with that x
 * and even y (BIP-341, "Constructing and spending Taproot outputs", {@code taproot_tweak_pubkey}
 * with an empty script tree, h = b""). The address is the witness v1 program x(Q), bech32m
 * (BIP-350). All public data, so BouncyCastle's variable-time arithmetic is fine.
 *
 * <p>Stateless and thread-safe.
 */
public final class Taproot {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final byte[] TAP_TWEAK_TAG =
      Hashes.sha256("TapTweak".getBytes(StandardCharsets.US_ASCII));

  private Taproot() {}

  /**
   * The 32-byte x-only form of a compressed public key (BIP-340, "Public key generation"): its x
   * coordinate. The parity is dropped; {@link #outputKey} takes the even-y point with that x.
   *
   * @throws IllegalArgumentException when the key is not 33 bytes starting 02 or 03
   */
  public static byte[] xOnly(byte[] compressedPublicKey) {
    if (compressedPublicKey == null || compressedPublicKey.length != 33
        || (compressedPublicKey[0] != 2 && compressedPublicKey[0] != 3)) {
      throw new IllegalArgumentException("public key must be 33 bytes, compressed");
    }
    return Arrays.copyOfRange(compressedPublicKey, 1, 33);
  }

  /**
   * The key-path-only output key x(Q) of a 32-byte x-only internal key.
   *
   * @throws IllegalArgumentException when the internal key is not the x of a curve point, or (with
   *     negligible probability) the tweak is ≥ n or Q is infinity, which BIP-341 declares invalid
   */
  public static byte[] outputKey(byte[] internalKey) {
    ECPoint p = liftX(internalKey);
    BigInteger t = new BigInteger(1, tweak(internalKey));
    if (t.compareTo(CURVE.getN()) >= 0) {
      throw new IllegalArgumentException("TapTweak hash is not below the group order");
    }
    ECPoint q = p.add(CURVE.getG().multiply(t)).normalize();
    if (q.isInfinity()) {
      throw new IllegalArgumentException("tweaked key is the point at infinity");
    }
    // Only x(Q) is committed to; Q's parity matters to a script-path spend, not to the address.
    return q.getAffineXCoord().getEncoded();
  }

  /** The bech32m P2TR address ("bc" for Bitcoin mainnet) of an x-only internal key. */
  public static String address(String hrp, byte[] internalKey) {
    return Bech32.encodeWitnessAddress(hrp, (byte) 1, outputKey(internalKey));
  }

  /**
   * The key-path-only BIP-341 tweak t = hash_TapTweak(x(P)) of a 32-byte x-only internal key, as
   * the signers add it to their (even-y) shares.
   */
  public static byte[] tapTweak(byte[] internalKey) {
    if (internalKey == null || internalKey.length != 32) {
      throw new IllegalArgumentException("x-only key must be 32 bytes");
    }
    return tweak(internalKey);
  }

  /** hash_TapTweak(x(P)) = SHA256(SHA256("TapTweak") ‖ SHA256("TapTweak") ‖ x(P)), BIP-340. */
  static byte[] tweak(byte[] internalKey) {
    return Hashes.sha256(TAP_TWEAK_TAG, TAP_TWEAK_TAG, internalKey);
  }

  /** BIP-340 lift_x: the point with this x and even y. */
  private static ECPoint liftX(byte[] x) {
    if (x == null || x.length != 32) {
      throw new IllegalArgumentException("x-only key must be 32 bytes");
    }
    byte[] even = new byte[33];
    even[0] = 2;
    System.arraycopy(x, 0, even, 1, 32);
    try {
      return CURVE.getCurve().decodePoint(even);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("x-only key is not on secp256k1");
    }
  }
}
