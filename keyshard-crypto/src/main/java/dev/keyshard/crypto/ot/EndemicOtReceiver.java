package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The receiver of a batch of Endemic OTs (MR19; protocol in {@link EndemicOtSender}). For OT i with
 * choice c_i it samples its key-agreement secret x_i, a uniformly random point s_i = ρ_i·G, and
 * sends r_(i, 1−c_i) = s_i and r_(i, c_i) = x_i·G − H(sid, i, c_i, s_i). Both points are uniform and
 * independent of c_i. Its key is k_(i, c_i) = KDF(sid, i, c_i, A, r_i0, r_i1, x_i·A).
 *
 * <p>Knowing log(s_i) is harmless: the sender's other point M_(i, 1−c_i) = s_i + H(sid, i, 1−c_i,
 * r_(i, c_i)) adds a random-oracle point of unknown logarithm.
 *
 * <p>The pair is placed by a branch-free byte swap on c_i. Single use. Not thread-safe.
 *
 * <h2>Security</h2>
 * Holds the choice bits and the secrets x_i until {@link #finish}; never printed.
 */
public final class EndemicOtReceiver {
  private final byte[] sessionDigest;
  private final byte[] choices;
  private final SecretScalar[] x;
  private final BaseOtReceiverMessage message;
  private boolean used;

  private EndemicOtReceiver(byte[] sessionDigest, byte[] choices, SecretScalar[] x,
      BaseOtReceiverMessage message) {
    this.sessionDigest = sessionDigest;
    this.choices = choices;
    this.x = x;
    this.message = message;
  }

  /** Starts a batch of {@code count} OTs with uniformly random choice bits. */
  public static EndemicOtReceiver start(OtSession session, int count, SecureRandom rng) {
    Objects.requireNonNull(rng, "rng");
    EndemicOt.checkCount(count);
    byte[] choices = new byte[(count + 7) / 8];
    rng.nextBytes(choices);
    if (count % 8 != 0) {
      choices[choices.length - 1] &= (byte) ((1 << (count % 8)) - 1);
    }
    return start(session, choices, count, rng);
  }

  /**
   * Starts a batch of {@code count} OTs with the given choice bits (little-endian packed: bit i is
   * byte i/8, bit i%8). The array is copied.
   *
   * @throws IllegalArgumentException when the count or the length of {@code choices} is wrong
   */
  public static EndemicOtReceiver start(OtSession session, byte[] choices, int count,
      SecureRandom rng) {
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(choices, "choices");
    Objects.requireNonNull(rng, "rng");
    EndemicOt.checkCount(count);
    if (choices.length != (count + 7) / 8) {
      throw new IllegalArgumentException("choices must be " + (count + 7) / 8 + " bytes");
    }
    byte[] digest = session.digest(EndemicOt.PROTOCOL, count);
    SecretScalar[] x = new SecretScalar[count];
    byte[] encoded = new byte[count * 2 * EndemicOt.POINT_BYTES];
    for (int i = 0; i < count; i++) {
      int c = EndemicOt.bit(choices, i);
      Point s;
      Point rc;
      do {
        x[i] = SecretScalar.random(Secp256k1.INSTANCE, rng);
        try (SecretScalar rho = SecretScalar.random(Secp256k1.INSTANCE, rng)) {
          s = rho.publicPoint();
        }
        // r_c = x·G − H(sid, i, c, r_(1−c)), with r_(1−c) = s
        rc = x[i].publicPoint().subtract(EndemicOt.hashPoint(digest, i, c, s.toBytes()));
      } while (rc.isIdentity()); // probability 2^-256; resample rather than send the identity
      byte[] sBytes = s.toBytes();
      byte[] rcBytes = rc.toBytes();
      int off = i * 2 * EndemicOt.POINT_BYTES;
      int mask = -c;
      for (int k = 0; k < EndemicOt.POINT_BYTES; k++) {
        // c = 0: (r_0, r_1) = (r_c, s); c = 1: (s, r_c)
        int diff = (rcBytes[k] ^ sBytes[k]) & mask;
        encoded[off + k] = (byte) (rcBytes[k] ^ diff);
        encoded[off + EndemicOt.POINT_BYTES + k] = (byte) (sBytes[k] ^ diff);
      }
    }
    return new EndemicOtReceiver(digest, choices.clone(), x,
        BaseOtReceiverMessage.local(encoded));
  }

  /** Step 2: the pairs (r_i0, r_i1), to send to the sender. */
  public BaseOtReceiverMessage message() {
    return message;
  }

  /**
   * Step 3: the key k_(i, c_i) of every OT and the choice bits. Destroys the secrets x_i.
   *
   * @throws IllegalStateException when called twice
   */
  public BaseOtReceiverOutput finish(BaseOtSenderMessage received) {
    Objects.requireNonNull(received, "received");
    if (used) {
      throw new IllegalStateException("EndemicOtReceiver is single-use");
    }
    used = true;
    byte[] aBytes = received.toBytes();
    byte[][] keys = new byte[x.length][];
    for (int i = 0; i < x.length; i++) {
      keys[i] = EndemicOt.kdf(sessionDigest, i, EndemicOt.bit(choices, i), aBytes,
          message.pointBytes(i, 0), message.pointBytes(i, 1), x[i].multiply(received.point()));
      x[i].destroy();
    }
    byte[] out = choices.clone();
    Arrays.fill(choices, (byte) 0);
    return new BaseOtReceiverOutput(out, keys);
  }

  @Override
  public String toString() {
    return "EndemicOtReceiver[" + x.length + " OTs, redacted]";
  }
}
