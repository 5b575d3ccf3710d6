package dev.keyshard.crypto.hash;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.internal.KeyshardBug;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@code hash_to_field} from RFC 9380 §5.2 with count = 1 and extension degree m = 1, over the
 * scalar field GF(q) of a {@link Group}: {@code OS2IP(expand_message(msg, DST, L)) mod q}. This is
 * how FROST(secp256k1, SHA-256) defines H1, H2 and H3 (RFC 9591 §6.5), with L = 48.
 *
 * <p>OS2IP is big-endian whatever the group's own scalar byte order. Stateless and thread-safe.
 */
public final class HashToField {
  private HashToField() {}

  /**
   * RFC 9380 §5.2 {@code hash_to_field(msg, 1)} into the scalar field of {@code group}.
   *
   * @param group the group whose order q is the field modulus p
   * @param expander the {@code expand_message} variant
   * @param msg the message
   * @param dst the domain separation tag
   * @param lengthPerElement L = ceil((ceil(log2(q)) + k) / 8); at most 64 here
   * @return the field element as a scalar
   * @throws IllegalArgumentException when L is below the scalar length or above 64
   */
  public static Scalar hashToScalar(
      Group group, ExpandMessageXmd expander, byte[] msg, byte[] dst, int lengthPerElement) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(expander, "expander");
    // L < scalar length would bias the output badly; the group's reduce takes at most 64 bytes.
    if (lengthPerElement < group.scalarLength() || lengthPerElement > 64) {
      throw new IllegalArgumentException("L must be between the scalar length and 64");
    }
    // RFC 9380 §5.2, steps 1-2: uniform_bytes = expand_message(msg, DST, len_in_bytes)
    byte[] uniform = expander.expand(msg, dst, lengthPerElement);
    // Steps 4-6: tv = substr(uniform_bytes, 0, L); e_j = OS2IP(tv) mod p
    Scalar e = reduceBigEndian(group, uniform);
    Arrays.fill(uniform, (byte) 0);
    return e;
  }

  /** OS2IP (big-endian) of up to 64 bytes, reduced modulo the group order. */
  static Scalar reduceBigEndian(Group group, byte[] bigEndian) {
    if (group instanceof Secp256k1) {
      return group.reduce(bigEndian);
    }
    if (group instanceof Ed25519) {
      byte[] le = new byte[bigEndian.length];
      for (int i = 0; i < le.length; i++) {
        le[i] = bigEndian[bigEndian.length - 1 - i];
      }
      Scalar s = group.reduce(le);
      Arrays.fill(le, (byte) 0);
      return s;
    }
    throw new KeyshardBug("no byte order known for group " + group.name());
  }
}
