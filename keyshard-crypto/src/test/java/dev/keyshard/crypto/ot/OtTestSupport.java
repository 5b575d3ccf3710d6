package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.secret.InsecureSecretAccess;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Random;

/** Shared fixtures: seeded randomness, sessions, and KOS setups without the cost of base OTs. */
final class OtTestSupport {
  static final byte[] ALICE = "alice".getBytes(StandardCharsets.US_ASCII);
  static final byte[] BOB = "bob".getBytes(StandardCharsets.US_ASCII);
  static final byte[] CAROL = "carol".getBytes(StandardCharsets.US_ASCII);

  private OtTestSupport() {}

  /** A deterministic SecureRandom (SHA1PRNG seeded before first use). Tests only. */
  static SecureRandom rng(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static byte[] sid(String label) {
    byte[] s = new byte[32];
    byte[] l = label.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(l, 0, s, 0, Math.min(l.length, 32));
    return s;
  }

  static OtSession session(String label, byte[] sender, byte[] receiver) {
    return OtSession.of(sid(label), sender, receiver);
  }

  static byte[] randomBits(Random r, int count) {
    byte[] b = new byte[(count + 7) / 8];
    r.nextBytes(b);
    if (count % 8 != 0) {
      b[b.length - 1] &= (byte) ((1 << (count % 8)) - 1);
    }
    return b;
  }

  static int bit(byte[] packed, int i) {
    return (packed[i >>> 3] >>> (i & 7)) & 1;
  }

  /**
   * A matching pair of KOS setups as the base OTs would leave them (the receiver holds both seeds,
   * the sender holds Δ and the seed Δ selects), built from random bytes through the storage
   * encodings.
   */
  static Setups fakeSetups(int kappa, long seed) {
    Random r = new Random(seed);
    int s = OtParameters.SEED_BYTES;
    byte[] recv = new byte[2 + kappa * 2 * s];
    recv[0] = (byte) (kappa >>> 8);
    recv[1] = (byte) kappa;
    byte[] body = new byte[kappa * 2 * s];
    r.nextBytes(body);
    System.arraycopy(body, 0, recv, 2, body.length);
    byte[] delta = randomBits(r, kappa);
    byte[] send = new byte[2 + kappa / 8 + kappa * s];
    send[0] = (byte) (kappa >>> 8);
    send[1] = (byte) kappa;
    System.arraycopy(delta, 0, send, 2, kappa / 8);
    for (int i = 0; i < kappa; i++) {
      int chosen = bit(delta, i);
      System.arraycopy(body, i * 2 * s + chosen * s, send, 2 + kappa / 8 + i * s, s);
    }
    return new Setups(
        KosSenderSetup.fromBytes(send, InsecureSecretAccess.get()),
        KosReceiverSetup.fromBytes(recv, InsecureSecretAccess.get()));
  }

  /** The two halves of one ordered pair's extension setup. */
  static final class Setups {
    final KosSenderSetup sender;
    final KosReceiverSetup receiver;

    Setups(KosSenderSetup sender, KosReceiverSetup receiver) {
      this.sender = sender;
      this.receiver = receiver;
    }
  }
}
