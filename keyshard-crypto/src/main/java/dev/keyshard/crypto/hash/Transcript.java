package dev.keyshard.crypto.hash;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * A domain-separated, length-prefixed transcript for Fiat–Shamir challenges and for binding
 * messages to their context (session, party, protocol, round).
 *
 * <p>Encoding (format {@value #FORMAT}): the transcript is the byte string of its items, in order.
 * Each item is {@code u32(len(label)) ‖ label ‖ u32(len(value)) ‖ value}, with big-endian 32-bit
 * lengths and UTF-8 labels. The first item is {@code (FORMAT, domain tag)}. Because every field is
 * length-prefixed, the item lists ["ab", "c"] and ["a", "bc"] encode differently: this defends
 * against the ambiguous-encoding forgery of TSSHOCK ("c-bit-forgery") and tss-lib's
 * CVE-2022-47931 (ATTACKS.md).
 *
 * <p>Outputs: {@link #challengeScalar(Group)} is SHA-512 of the transcript, reduced modulo the
 * group order (64 bytes, so the bias is below 2^-250); {@link #digest()} is SHA-256 of the
 * transcript. Both leave the transcript usable; later items change later outputs.
 *
 * <p>Fixed-length values ({@link #appendScalar}, {@link #appendPoint}) use the group's canonical
 * encoding. The identity point, which has none, is appended as an empty value.
 *
 * <p>Not thread-safe. Use {@link #copy()} to branch, for example to derive a sub-protocol's
 * challenge from a caller's context without changing it.
 */
public final class Transcript {
  /** The label of the first item, whose value is the domain tag; it versions this encoding. */
  public static final String FORMAT = "keyshard/transcript/v1";

  private final SHA512Digest wide;
  private final SHA256Digest narrow;

  private Transcript(SHA512Digest wide, SHA256Digest narrow) {
    this.wide = wide;
    this.narrow = narrow;
  }

  /** A new transcript whose first item is {@code (FORMAT, domain)}. */
  public static Transcript of(DomainTag domain) {
    Objects.requireNonNull(domain, "domain");
    Transcript t = new Transcript(new SHA512Digest(), new SHA256Digest());
    return t.append(FORMAT, domain.toBytes());
  }

  /**
   * A new transcript for the domain tag {@code domain}.
   *
   * @throws IllegalArgumentException when {@code domain} is not a valid {@link DomainTag}
   */
  public static Transcript of(String domain) {
    return of(DomainTag.of(domain));
  }

  /** Appends the item {@code (label, value)}; returns this transcript. */
  public Transcript append(String label, byte[] value) {
    Objects.requireNonNull(value, "value");
    byte[] l = Objects.requireNonNull(label, "label").getBytes(StandardCharsets.UTF_8);
    update(u32(l.length));
    update(l);
    update(u32(value.length));
    update(value);
    return this;
  }

  /** Appends {@code (label, UTF-8(value))}. */
  public Transcript append(String label, String value) {
    return append(label, value.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Appends a scalar's canonical encoding (32 bytes in its group's byte order). A secret scalar
   * may be appended for nonce derivation; the transcript never reveals what it absorbed.
   */
  public Transcript appendScalar(String label, Scalar s) {
    byte[] enc = s.toBytes();
    append(label, enc);
    Arrays.fill(enc, (byte) 0);
    return this;
  }

  /** Appends a point's canonical encoding, or an empty value for the identity. */
  public Transcript appendPoint(String label, Point p) {
    return append(label, p.isIdentity() ? new byte[0] : p.toBytes());
  }

  /** Appends a 4-byte big-endian integer. */
  public Transcript appendInt(String label, int value) {
    return append(label, u32(value));
  }

  /** Appends an 8-byte big-endian integer. */
  public Transcript appendLong(String label, long value) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (value >>> (56 - 8 * i));
    }
    return append(label, b);
  }

  /** An independent transcript with the same items so far. */
  public Transcript copy() {
    return new Transcript(new SHA512Digest(wide), new SHA256Digest(narrow));
  }

  /**
   * The Fiat–Shamir challenge: SHA-512 of the transcript (64 bytes), read in the group's scalar byte
   * order and reduced modulo its order.
   */
  public Scalar challengeScalar(Group group) {
    byte[] h = new byte[64];
    new SHA512Digest(wide).doFinal(h, 0);
    Scalar c = group.reduce(h);
    Arrays.fill(h, (byte) 0);
    return c;
  }

  /** SHA-256 of the transcript: 32 bytes, for message binding and identifiers. */
  public byte[] digest() {
    byte[] h = new byte[32];
    new SHA256Digest(narrow).doFinal(h, 0);
    return h;
  }

  private void update(byte[] b) {
    wide.update(b, 0, b.length);
    narrow.update(b, 0, b.length);
  }

  private static byte[] u32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  @Override
  public String toString() {
    return "Transcript[" + FORMAT + "]";
  }
}
