package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.hash.TaggedHash;
import java.nio.charset.StandardCharsets;

/**
 * The oracles shared by {@link EndemicOtSender} and {@link EndemicOtReceiver} (Masny–Rindal,
 * "Endemic Oblivious Transfer", ePrint 2019/706, the OT from a key agreement whose messages are
 * uniform group elements, instantiated with Diffie–Hellman over secp256k1).
 *
 * <ul>
 *   <li>{@link #hashPoint}: the random oracle H onto the group. It is RFC 9380 hash_to_curve, so
 *       nobody knows the discrete logarithm of its output. Its input binds the session digest, the
 *       OT index i, the position b it reconstructs and the other receiver point r_(1−b): the sender
 *       forms M_b = r_b + H(sid, i, b, r_(1−b)). A point of the form η·G with η public would let the
 *       receiver know the logarithm of both M_0 and M_1 and so both keys (the flaw
 *       {@code /work/dkls23-design.md} §1.1 found in another implementation).
 *   <li>{@link #kdf}: the key derivation, a tagged SHA-256 of (sid, i, b, A, r_0, r_1, the
 *       Diffie–Hellman point). Binding the index and the whole per-OT transcript keeps the OTs of a
 *       batch independent even when a malicious receiver repeats points, and one sender message A
 *       serves the whole batch.
 * </ul>
 *
 * <p>Package-private, stateless and thread-safe.
 */
final class EndemicOt {
  /** RFC 9380 §3.1 domain separation tag, naming the suite as §3.1 recommends. */
  static final byte[] H_DST = "keyshard/ot/v1/endemic/H-with-secp256k1_XMD:SHA-256_SSWU_RO_"
      .getBytes(StandardCharsets.US_ASCII);
  static final String PROTOCOL = "endemic-ot";
  private static final TaggedHash KDF = TaggedHash.of("keyshard/ot/v1/endemic/kdf");
  static final int POINT_BYTES = 33;

  private EndemicOt() {}

  /** H(sid, i, b, r_(1−b)): a point with unknown discrete logarithm. */
  static Point hashPoint(byte[] sessionDigest, int index, int position, byte[] otherPoint) {
    return Secp256k1HashToCurve.hashToCurve(hashInput(sessionDigest, index, position, otherPoint),
        H_DST);
  }

  /** The fixed-length message hashed by {@link #hashPoint}: sid ‖ u32(i) ‖ u8(b) ‖ point. */
  static byte[] hashInput(byte[] sessionDigest, int index, int position, byte[] otherPoint) {
    byte[] msg = new byte[32 + 4 + 1 + POINT_BYTES];
    System.arraycopy(sessionDigest, 0, msg, 0, 32);
    putInt(msg, 32, index);
    msg[36] = (byte) position;
    System.arraycopy(otherPoint, 0, msg, 37, POINT_BYTES);
    return msg;
  }

  /** The 32-byte key of OT {@code index}, position {@code position}. */
  static byte[] kdf(byte[] sessionDigest, int index, int position, byte[] a, byte[] r0, byte[] r1,
      Point shared) {
    byte[] head = new byte[5];
    putInt(head, 0, index);
    head[4] = (byte) position;
    byte[] s = shared.toBytes();
    byte[] k = KDF.hash(sessionDigest, head, a, r0, r1, s);
    java.util.Arrays.fill(s, (byte) 0);
    return k;
  }

  static void putInt(byte[] b, int off, int v) {
    b[off] = (byte) (v >>> 24);
    b[off + 1] = (byte) (v >>> 16);
    b[off + 2] = (byte) (v >>> 8);
    b[off + 3] = (byte) v;
  }

  /** Bit i of a little-endian packed bit string. */
  static int bit(byte[] packed, int i) {
    return (packed[i >>> 3] >>> (i & 7)) & 1;
  }

  static void checkCount(int count) {
    if (count < 1 || count > OtParameters.MAX_BASE_OTS) {
      throw new IllegalArgumentException("base OT count must be 1 to " + OtParameters.MAX_BASE_OTS);
    }
  }
}
