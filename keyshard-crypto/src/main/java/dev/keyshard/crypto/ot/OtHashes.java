package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHAKEDigest;

/**
 * The symmetric oracles of the extension, all SHAKE256 with a distinct domain tag and the session
 * digest ({@link OtSession}) absorbed first; every later field has a fixed length, so the
 * encodings are unambiguous.
 *
 * <ul>
 *   <li>{@link #prg}: the KOS15 PRG G that stretches a base-OT seed to one matrix row.
 *       SHAKE256 was measured against SHA-256 in counter mode and AES-CTR (JDK and BouncyCastle,
 *       one key schedule per seed): for a 78-byte row it is about 0.9 µs against 1.6, 4–10 and
 *       1.4–2 µs, because a row fits one Keccak permutation.
 *   <li>{@link #challenges}: the Fiat–Shamir challenges χ of the KOS15 check, from the whole u
 *       matrix (DKLs23 allows Fiat–Shamir here; the challenge is derived after u is fixed).
 *   <li>{@link RandomOt}: the random-OT hash H(j, Q_j) → w scalars of KOS15 "Randomize", 48 bytes
 *       per scalar reduced mod q (bias below 2^-128, as RFC 9380 hash_to_field with L = 48).
 * </ul>
 *
 * <p>Package-private, stateless and thread-safe.
 */
final class OtHashes {
  static final String PRG_TAG = "keyshard/ot/v1/kos/prg";
  static final String CHALLENGE_TAG = "keyshard/ot/v1/kos/challenge";
  static final String RANDOM_OT_TAG = "keyshard/ot/v1/kos/random-ot";
  /** {@link RandomOt} with the extension sender's fresh nonce absorbed after the session. */
  static final String RANDOM_OT_SENDER_NONCE_TAG = "keyshard/ot/v1/kos/random-ot/sender-nonce";
  /** Bytes hashed into one scalar. */
  static final int SCALAR_SOURCE_BYTES = 48;

  private OtHashes() {}

  /** KOS15 G(k_i): {@code length} bytes from seed {@code seed} for column {@code column}. */
  static byte[] prg(byte[] sessionDigest, int column, byte[] seed, int length) {
    SHAKEDigest d = start(PRG_TAG, sessionDigest);
    updateInt(d, column);
    d.update(seed, 0, seed.length);
    byte[] out = new byte[length];
    d.doFinal(out, 0, length);
    return out;
  }

  /** {@code count} challenges χ ∈ GF(2^208) from the session and the rows of u. */
  static long[][] challenges(byte[] sessionDigest, byte[][] u, int count) {
    SHAKEDigest d = start(CHALLENGE_TAG, sessionDigest);
    for (byte[] row : u) {
      d.update(row, 0, row.length);
    }
    byte[] out = new byte[count * Gf2k208.BYTES];
    d.doFinal(out, 0, out.length);
    long[][] chi = new long[count][];
    for (int k = 0; k < count; k++) {
      chi[k] = Gf2k208.fromBytes(out, k * Gf2k208.BYTES);
    }
    return chi;
  }

  /** KOS15 "Randomize": H(j, row) → {@code width} scalars, for one session. Immutable. */
  static final class RandomOt {
    private final SHAKEDigest prefix;
    private final int width;

    RandomOt(byte[] sessionDigest, int width) {
      this.prefix = start(RANDOM_OT_TAG, sessionDigest);
      this.width = width;
    }

    /**
     * H(sid, senderNonce, j, row): the sender's fresh nonce (exactly
     * {@link KosSender#SENDER_NONCE_LENGTH} bytes, so the encoding stays fixed-length) makes the
     * pads fresh even when the receiver replays an extension message under a reused session.
     */
    RandomOt(byte[] sessionDigest, byte[] senderNonce, int width) {
      if (senderNonce.length != KosSender.SENDER_NONCE_LENGTH) {
        throw new IllegalArgumentException(
            "sender nonce must be " + KosSender.SENDER_NONCE_LENGTH + " bytes");
      }
      this.prefix = start(RANDOM_OT_SENDER_NONCE_TAG, sessionDigest);
      this.prefix.update(senderNonce, 0, senderNonce.length);
      this.width = width;
    }

    /** The {@code width} scalars H(j, row); {@code row} is κ bits as little-endian words. */
    Scalar[] scalars(int j, long[] row) {
      SHAKEDigest d = new SHAKEDigest(prefix);
      updateInt(d, j);
      byte[] rowBytes = new byte[row.length * 8];
      for (int i = 0; i < rowBytes.length; i++) {
        rowBytes[i] = (byte) (row[i >>> 3] >>> (8 * (i & 7)));
      }
      d.update(rowBytes, 0, rowBytes.length);
      byte[] out = new byte[width * SCALAR_SOURCE_BYTES];
      d.doFinal(out, 0, out.length);
      Scalar[] s = new Scalar[width];
      byte[] chunk = new byte[SCALAR_SOURCE_BYTES];
      for (int k = 0; k < width; k++) {
        System.arraycopy(out, k * SCALAR_SOURCE_BYTES, chunk, 0, SCALAR_SOURCE_BYTES);
        s[k] = Secp256k1.INSTANCE.reduce(chunk);
      }
      Arrays.fill(rowBytes, (byte) 0);
      Arrays.fill(out, (byte) 0);
      Arrays.fill(chunk, (byte) 0);
      return s;
    }
  }

  private static SHAKEDigest start(String tag, byte[] sessionDigest) {
    SHAKEDigest d = new SHAKEDigest(256);
    byte[] t = tag.getBytes(StandardCharsets.US_ASCII);
    d.update((byte) t.length);
    d.update(t, 0, t.length);
    d.update(sessionDigest, 0, sessionDigest.length);
    return d;
  }

  private static void updateInt(SHAKEDigest d, int v) {
    d.update((byte) (v >>> 24));
    d.update((byte) (v >>> 16));
    d.update((byte) (v >>> 8));
    d.update((byte) v);
  }
}
