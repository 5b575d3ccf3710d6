package dev.keyshard.crypto.hash;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A domain separation tag for a {@link Transcript}: which protocol, and which version of it, a hash
 * belongs to, such as {@code "keyshard/dkg/v1"}. Two transcripts with different tags never agree,
 * whatever is appended afterwards.
 *
 * <p>Printable ASCII only (0x20 to 0x7e), 1 to 255 bytes, so a tag reads the same in logs, specs and
 * other implementations. Immutable.
 *
 * @param value the tag text
 */
public record DomainTag(String value) {

  /**
   * @throws IllegalArgumentException when the tag is empty, longer than 255 bytes, or not printable
   *     ASCII
   */
  public DomainTag {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty() || value.length() > 255) {
      throw new IllegalArgumentException("domain tag must be 1 to 255 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        throw new IllegalArgumentException("domain tag must be printable ASCII");
      }
    }
  }

  public static DomainTag of(String value) {
    return new DomainTag(value);
  }

  /** The tag's bytes (ASCII). */
  public byte[] toBytes() {
    return value.getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return value;
  }
}
