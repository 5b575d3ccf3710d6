package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A Schnorr signature (R, z) produced by FROST (RFC 9591 §5.3), in its suite's canonical encoding:
 * Ed25519 {@code R ‖ z}, 64 bytes as RFC 8032 §5.1.6; secp256k1 {@code SerializeElement(R) ‖ z}, 65
 * bytes (RFC 9591 §6.5); BIP-340 {@code x(R) ‖ z}, 64 bytes, where R has even y.
 *
 * <p>A public value: immutable, thread-safe, comparable by its encoding. Produced by
 * {@link FrostSignParty} after it verified it, or decoded with
 * {@link FrostCiphersuite#decodeSignature(byte[])}.
 */
public final class Signature {
  private final FrostCiphersuite suite;
  private final Point r;
  private final Scalar z;
  private final byte[] encoded;

  Signature(FrostCiphersuite suite, Point r, Scalar z, byte[] encoded) {
    this.suite = suite;
    this.r = r;
    this.z = z;
    this.encoded = encoded;
  }

  /**
   * The signature for group commitment {@code r} (whose SerializeElement encoding is
   * {@code rEncoding}) and response {@code z}. For BIP-340, {@code r} must already have even y.
   */
  static Signature assemble(FrostCiphersuite suite, Point r, byte[] rEncoding, Scalar z) {
    byte[] compact = suite.compact(rEncoding);
    byte[] zBytes = z.toBytes();
    byte[] out = Arrays.copyOf(compact, compact.length + zBytes.length);
    System.arraycopy(zBytes, 0, out, compact.length, zBytes.length);
    return new Signature(suite, r, z, out);
  }

  public FrostCiphersuite suite() {
    return suite;
  }

  /** The commitment R (for BIP-340, the point with even y whose x-coordinate is encoded). */
  public Point r() {
    return r;
  }

  Scalar z() {
    return z;
  }

  /** R as the challenge hashes it: the encoding's prefix before z. */
  byte[] compactCommitment() {
    return Arrays.copyOfRange(encoded, 0, suite.compactLength());
  }

  /** The canonical encoding ({@link FrostCiphersuite#signatureLength()} bytes). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature && ((Signature) o).suite == suite
        && Arrays.equals(((Signature) o).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Signature[" + suite.contextString() + ", " + HexFormat.of().formatHex(encoded) + "]";
  }
}
