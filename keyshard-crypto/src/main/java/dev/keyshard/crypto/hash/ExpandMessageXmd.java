package dev.keyshard.crypto.hash;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * {@code expand_message_xmd} from RFC 9380 §5.3.1: expands a message and a domain separation tag
 * into {@code len_in_bytes} uniform bytes with a Merkle–Damgård hash function. The hash is a
 * parameter: {@link #sha256()} (used by FROST(secp256k1, SHA-256), RFC 9591 §6.5) or
 * {@link #sha512()}.
 *
 * <p>A domain separation tag longer than 255 bytes is first hashed as RFC 9380 §5.3.3 prescribes
 * ({@code H("H2C-OVERSIZE-DST-" ‖ DST)}); an empty tag is rejected (RFC 9380 §3.1: "Tags MUST have
 * nonzero length").
 *
 * <p>The message may hold secret bytes (RFC 9591 {@code nonce_generate} hashes the signing share);
 * intermediate buffers are overwritten before returning, best effort.
 *
 * <p>Immutable and thread-safe: every call uses a fresh digest instance.
 */
public final class ExpandMessageXmd {
  private static final byte[] OVERSIZE_PREFIX =
      "H2C-OVERSIZE-DST-".getBytes(StandardCharsets.US_ASCII);
  private static final ExpandMessageXmd SHA256 = new ExpandMessageXmd(SHA256Digest::new, "SHA-256");
  private static final ExpandMessageXmd SHA512 = new ExpandMessageXmd(SHA512Digest::new, "SHA-512");

  private final Supplier<? extends ExtendedDigest> digests;
  private final String name;
  /** b_in_bytes: the digest output length. */
  private final int outLength;
  /** s_in_bytes: the digest's input block length. */
  private final int blockLength;

  private ExpandMessageXmd(Supplier<? extends ExtendedDigest> digests, String name) {
    this.digests = digests;
    this.name = name;
    ExtendedDigest d = digests.get();
    this.outLength = d.getDigestSize();
    this.blockLength = d.getByteLength();
  }

  /** {@code expand_message_xmd} with SHA-256 (b_in_bytes = 32, s_in_bytes = 64). */
  public static ExpandMessageXmd sha256() {
    return SHA256;
  }

  /** {@code expand_message_xmd} with SHA-512 (b_in_bytes = 64, s_in_bytes = 128). */
  public static ExpandMessageXmd sha512() {
    return SHA512;
  }

  /**
   * {@code expand_message_xmd} over another Merkle–Damgård digest. The supplier must return a new
   * instance on every call. RFC 9380 §5.3.1 requires b_in_bytes ≥ 2k for k-bit security and
   * b_in_bytes ≤ s_in_bytes.
   */
  public static ExpandMessageXmd using(Supplier<? extends ExtendedDigest> digests) {
    Objects.requireNonNull(digests, "digests");
    ExtendedDigest d = digests.get();
    if (d.getDigestSize() > d.getByteLength()) {
      throw new IllegalArgumentException("expand_message_xmd needs b_in_bytes <= s_in_bytes");
    }
    return new ExpandMessageXmd(digests, d.getAlgorithmName());
  }

  /** Bytes in one digest output (b_in_bytes). */
  public int digestLength() {
    return outLength;
  }

  /**
   * RFC 9380 §5.3.1 {@code expand_message_xmd(msg, DST, len_in_bytes)}.
   *
   * @param msg the message (not modified)
   * @param dst the domain separation tag; non-empty, hashed first when longer than 255 bytes
   * @param lenInBytes the output length, 1 to min(65535, 255·b_in_bytes)
   * @return {@code lenInBytes} uniform bytes
   * @throws IllegalArgumentException when the tag is empty or the length is out of range
   */
  public byte[] expand(byte[] msg, byte[] dst, int lenInBytes) {
    Objects.requireNonNull(msg, "msg");
    Objects.requireNonNull(dst, "dst");
    // RFC 9380 §5.3.1, step 1: ell = ceil(len_in_bytes / b_in_bytes)
    int ell = (lenInBytes + outLength - 1) / outLength;
    // Step 2: ABORT if ell > 255 or len_in_bytes > 65535 or len(DST) > 255
    if (lenInBytes < 1 || lenInBytes > 65535 || ell > 255) {
      throw new IllegalArgumentException("len_in_bytes out of range: " + lenInBytes);
    }
    if (dst.length == 0) {
      throw new IllegalArgumentException("domain separation tag must not be empty");
    }
    byte[] tag = dst.length > 255 ? oversizeDst(dst) : dst;

    ExtendedDigest h = digests.get();
    // Steps 4-7: b_0 = H(Z_pad ‖ msg ‖ l_i_b_str ‖ I2OSP(0, 1) ‖ DST_prime)
    h.update(new byte[blockLength], 0, blockLength);
    h.update(msg, 0, msg.length);
    h.update((byte) (lenInBytes >>> 8));
    h.update((byte) lenInBytes);
    h.update((byte) 0);
    updateDstPrime(h, tag);
    byte[] b0 = new byte[outLength];
    h.doFinal(b0, 0);

    byte[] out = new byte[lenInBytes];
    byte[] bi = new byte[outLength];
    byte[] chain = new byte[outLength];
    for (int i = 1; i <= ell; i++) {
      // Step 8: b_1 = H(b_0 ‖ I2OSP(1, 1) ‖ DST_prime)
      // Steps 9-10: b_i = H(strxor(b_0, b_(i - 1)) ‖ I2OSP(i, 1) ‖ DST_prime)
      for (int j = 0; j < outLength; j++) {
        chain[j] = (byte) (b0[j] ^ (i == 1 ? 0 : bi[j]));
      }
      h.update(chain, 0, outLength);
      h.update((byte) i);
      updateDstPrime(h, tag);
      h.doFinal(bi, 0);
      // Steps 11-12: uniform_bytes = b_1 ‖ … ‖ b_ell, truncated to len_in_bytes
      int offset = (i - 1) * outLength;
      System.arraycopy(bi, 0, out, offset, Math.min(outLength, lenInBytes - offset));
    }
    Arrays.fill(b0, (byte) 0);
    Arrays.fill(bi, (byte) 0);
    Arrays.fill(chain, (byte) 0);
    return out;
  }

  /** RFC 9380 §5.3.1, step 3: DST_prime = DST ‖ I2OSP(len(DST), 1). */
  private static void updateDstPrime(ExtendedDigest h, byte[] tag) {
    h.update(tag, 0, tag.length);
    h.update((byte) tag.length);
  }

  /** RFC 9380 §5.3.3: DST = H("H2C-OVERSIZE-DST-" ‖ a_very_long_DST). */
  private byte[] oversizeDst(byte[] dst) {
    ExtendedDigest h = digests.get();
    h.update(OVERSIZE_PREFIX, 0, OVERSIZE_PREFIX.length);
    h.update(dst, 0, dst.length);
    byte[] out = new byte[outLength];
    h.doFinal(out, 0);
    return out;
  }

  @Override
  public String toString() {
    return "expand_message_xmd(" + name + ")";
  }
}
