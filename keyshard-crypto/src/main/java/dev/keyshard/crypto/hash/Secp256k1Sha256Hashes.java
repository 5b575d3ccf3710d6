package dev.keyshard.crypto.hash;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * FROST(secp256k1, SHA-256), RFC 9591 §6.5. H1, H2, H3: {@code hash_to_field} (RFC 9380 §5.2) with
 * {@code expand_message_xmd}(SHA-256), L = 48 and DST = contextString ‖ "rho" / "chal" / "nonce",
 * reduced modulo n. H4, H5: SHA-256 of contextString ‖ "msg" / "com" ‖ m.
 *
 * <p>The taproot variant ({@link FrostHashSuite#secp256k1Sha256Taproot()}) uses the context
 * "FROST-secp256k1-SHA256-TR-v1" and the BIP-340 challenge hash as H2.
 */
final class Secp256k1Sha256Hashes implements FrostHashSuite {
  static final Secp256k1Sha256Hashes RFC9591 =
      new Secp256k1Sha256Hashes("FROST-secp256k1-SHA256-v1", false);
  static final Secp256k1Sha256Hashes TAPROOT =
      new Secp256k1Sha256Hashes("FROST-secp256k1-SHA256-TR-v1", true);

  /** RFC 9591 §6.5: "L = 48". */
  private static final int L = 48;

  private final String context;
  private final boolean taproot;
  private final byte[] rho;
  private final byte[] chal;
  private final byte[] nonce;
  private final byte[] msg;
  private final byte[] com;

  private Secp256k1Sha256Hashes(String context, boolean taproot) {
    this.context = context;
    this.taproot = taproot;
    this.rho = tag(context, "rho");
    this.chal = tag(context, "chal");
    this.nonce = tag(context, "nonce");
    this.msg = tag(context, "msg");
    this.com = tag(context, "com");
  }

  private static byte[] tag(String context, String label) {
    return (context + label).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String contextString() {
    return context;
  }

  @Override
  public Group group() {
    return Secp256k1.INSTANCE;
  }

  /** RFC 9591 §6.5: H1(m) = hash_to_field(m), DST = contextString ‖ "rho". */
  @Override
  public Scalar h1(byte[]... m) {
    return hashToScalar(rho, m);
  }

  /**
   * RFC 9591 §6.5: H2(m) = hash_to_field(m), DST = contextString ‖ "chal". Taproot variant:
   * {@code int(TaggedHash("BIP0340/challenge", m)) mod n} (BIP-340).
   */
  @Override
  public Scalar h2(byte[]... m) {
    if (taproot) {
      return TaggedHash.BIP340_CHALLENGE.hashToScalar(m);
    }
    return hashToScalar(chal, m);
  }

  /** RFC 9591 §6.5: H3(m) = hash_to_field(m), DST = contextString ‖ "nonce". */
  @Override
  public Scalar h3(byte[]... m) {
    return hashToScalar(nonce, m);
  }

  /** RFC 9591 §6.5: H4(m) = SHA-256(contextString ‖ "msg" ‖ m). */
  @Override
  public byte[] h4(byte[]... m) {
    return sha256(msg, m);
  }

  /** RFC 9591 §6.5: H5(m) = SHA-256(contextString ‖ "com" ‖ m). */
  @Override
  public byte[] h5(byte[]... m) {
    return sha256(com, m);
  }

  private static Scalar hashToScalar(byte[] dst, byte[][] parts) {
    byte[] m = concat(parts);
    try {
      return HashToField.hashToScalar(Secp256k1.INSTANCE, ExpandMessageXmd.sha256(), m, dst, L);
    } finally {
      Arrays.fill(m, (byte) 0);
    }
  }

  private static byte[] sha256(byte[] prefix, byte[][] parts) {
    SHA256Digest d = new SHA256Digest();
    d.update(prefix, 0, prefix.length);
    for (byte[] part : parts) {
      d.update(part, 0, part.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static byte[] concat(byte[][] parts) {
    if (parts.length == 1) {
      return parts[0].clone();
    }
    // Sized exactly, so no growing buffer leaves copies of secret parts (H3 hashes a share).
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  @Override
  public String toString() {
    return taproot ? "FROST(secp256k1, SHA-256, taproot)" : "FROST(secp256k1, SHA-256)";
  }
}
