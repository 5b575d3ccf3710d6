package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A quick timing loop, not a test (no assertions; surefire does not run it). Run with
 * {@code java -cp <test-classes>:<classes>:<bcprov> dev.keyshard.crypto.ot.OtBench}. One thread,
 * both parties, wire encoding and decoding included; prints medians. JMH numbers belong in
 * keyshard-bench.
 */
public final class OtBench {
  private OtBench() {}

  public static void main(String[] args) throws Exception {
    SecureRandom rng = new SecureRandom();
    for (int round = 0; round < 2; round++) {
      String tag = round == 0 ? "warm-up " : "";
      for (int count : new int[] {128, 256}) {
        int reps = round == 0 ? 3 : 9;
        long[][] t = new long[reps][];
        for (int r = 0; r < reps; r++) {
          OtSession s = OtTestSupport.session("bench-base-" + r, OtTestSupport.BOB,
              OtTestSupport.ALICE);
          long t0 = System.nanoTime();
          EndemicOtSender sender = EndemicOtSender.start(s, count, rng);
          EndemicOtReceiver receiver = EndemicOtReceiver.start(s, count, rng);
          long t1 = System.nanoTime();
          sender.finish(BaseOtReceiverMessage.decode(receiver.message().toBytes(), count));
          long t2 = System.nanoTime();
          receiver.finish(BaseOtSenderMessage.decode(sender.message().toBytes()));
          long t3 = System.nanoTime();
          t[r] = new long[] {t3 - t0, t1 - t0, t2 - t1, t3 - t2};
        }
        System.out.printf("%sbase OT batch of %d: %.1f ms (both starts %.1f, sender finish %.1f,"
            + " receiver finish %.1f)%n", tag, count, median(t, 0), median(t, 1), median(t, 2),
            median(t, 3));
      }
      for (int kappa : new int[] {256, 128}) {
        for (int width : new int[] {3, 4}) {
          OtTestSupport.Setups setups = OtTestSupport.fakeSetups(kappa, 42);
          int reps = round == 0 ? 50 : 201;
          long[][] t = new long[reps][];
          for (int r = 0; r < reps; r++) {
            OtSession s = OtTestSupport.session("bench-ext-" + round + "-" + r,
                OtTestSupport.ALICE, OtTestSupport.BOB);
            byte[] choices = new byte[52];
            rng.nextBytes(choices);
            Scalar[] alpha = new Scalar[width];
            for (int k = 0; k < width; k++) {
              alpha[k] = Secp256k1.INSTANCE.randomScalar(rng);
            }
            long t0 = System.nanoTime();
            KosReceiver bob = KosReceiver.extend(setups.receiver, s, choices, 416, rng);
            byte[] ext = bob.message().toBytes();
            long t1 = System.nanoTime();
            KosSender alice = KosSender.check(setups.sender, s, 416,
                KosExtendMessage.decode(ext, kappa, 416));
            long t2 = System.nanoTime();
            byte[] tau = alice.transfer(alpha).message().toBytes();
            long t3 = System.nanoTime();
            bob.finish(KosTransferMessage.decode(tau, 416, width));
            long t4 = System.nanoTime();
            t[r] = new long[] {t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3};
          }
          System.out.printf("%sextension kappa=%d, 416 OTs x width %d: %.2f ms (receiver extend"
              + " %.2f, sender check %.2f, sender transfer %.2f, receiver finish %.2f)%n", tag,
              kappa, width, median(t, 0), median(t, 1), median(t, 2), median(t, 3),
              median(t, 4));
        }
      }
    }
  }

  private static double median(long[][] samples, int column) {
    long[] v = new long[samples.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = samples[i][column];
    }
    Arrays.sort(v);
    return v[v.length / 2] / 1e6;
  }
}
