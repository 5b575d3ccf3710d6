package dev.keyshard.crypto.hash;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * FROST(Ed25519, SHA-512), RFC 9591 §6.1. H1, H3: SHA-512 of contextString ‖ tag ‖ m, read as a
 * little-endian integer and reduced modulo L. H2: SHA-512(m) mod L with no prefix, so that
 * signatures verify as RFC 8032 Ed25519. H4, H5: SHA-512 of contextString ‖ tag ‖ m (64 bytes).
 */
final class Ed25519Sha512Hashes implements FrostHashSuite {
  static final Ed25519Sha512Hashes INSTANCE = new Ed25519Sha512Hashes();

  private static final String CONTEXT = "FROST-ED25519-SHA512-v1";
  private static final byte[] RHO = prefix("rho");
  private static final byte[] NONCE = prefix("nonce");
  private static final byte[] MSG = prefix("msg");
  private static final byte[] COM = prefix("com");

  private Ed25519Sha512Hashes() {}

  private static byte[] prefix(String tag) {
    return (CONTEXT + tag).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String contextString() {
    return CONTEXT;
  }

  @Override
  public Group group() {
    return Ed25519.INSTANCE;
  }

  /** RFC 9591 §6.1: H1(m) = SHA-512(contextString ‖ "rho" ‖ m) mod L (little-endian). */
  @Override
  public Scalar h1(byte[]... m) {
    return toScalar(sha512(RHO, m));
  }

  /** RFC 9591 §6.1: H2(m) = SHA-512(m) mod L, without a prefix (RFC 8032 compatibility). */
  @Override
  public Scalar h2(byte[]... m) {
    return toScalar(sha512(new byte[0], m));
  }

  /** RFC 9591 §6.1: H3(m) = SHA-512(contextString ‖ "nonce" ‖ m) mod L (little-endian). */
  @Override
  public Scalar h3(byte[]... m) {
    return toScalar(sha512(NONCE, m));
  }

  /** RFC 9591 §6.1: H4(m) = SHA-512(contextString ‖ "msg" ‖ m). */
  @Override
  public byte[] h4(byte[]... m) {
    return sha512(MSG, m);
  }

  /** RFC 9591 §6.1: H5(m) = SHA-512(contextString ‖ "com" ‖ m). */
  @Override
  public byte[] h5(byte[]... m) {
    return sha512(COM, m);
  }

  private static byte[] sha512(byte[] prefix, byte[][] parts) {
    SHA512Digest d = new SHA512Digest();
    d.update(prefix, 0, prefix.length);
    for (byte[] part : parts) {
      d.update(part, 0, part.length);
    }
    byte[] out = new byte[64];
    d.doFinal(out, 0);
    return out;
  }

  /** The 64-byte digest as a little-endian integer mod L; Ed25519 scalars are little-endian. */
  private static Scalar toScalar(byte[] digest) {
    Scalar s = Ed25519.INSTANCE.reduce(digest);
    Arrays.fill(digest, (byte) 0);
    return s;
  }

  @Override
  public String toString() {
    return "FROST(Ed25519, SHA-512)";
  }
}
