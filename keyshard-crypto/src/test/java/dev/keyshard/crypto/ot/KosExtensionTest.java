package dev.keyshard.crypto.ot;

import static dev.keyshard.crypto.ot.OtTestSupport.ALICE;
import static dev.keyshard.crypto.ot.OtTestSupport.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The correlation of the KOS15 extension: for every extended OT j and scalar k the receiver's
 * output equals the sender's plus b_j·α_(j,k), over seeded random shapes, on setups from real
 * Endemic base OTs and on directly built setups.
 */
class KosExtensionTest {
  private static final Secp256k1 G = Secp256k1.INSTANCE;

  /** Base OTs (Bob sends, Alice receives) → extension (Alice sends, Bob receives), end to end. */
  static Stream<Arguments> fromBaseOts() {
    return Stream.of(Arguments.of(256, 416, 3), Arguments.of(256, 416, 4),
        Arguments.of(128, 416, 3), Arguments.of(128, 100, 1));
  }

  @ParameterizedTest
  @MethodSource("fromBaseOts")
  void endToEndFromEndemicBaseOts(int kappa, int count, int width) throws OtException {
    SecureRandom rng = OtTestSupport.rng(1000 + kappa + count + width);
    OtSession base = OtTestSupport.session("keygen-base", BOB, ALICE);
    EndemicOtSender bob = EndemicOtSender.start(base, kappa, rng);
    EndemicOtReceiver alice = EndemicOtReceiver.start(base, kappa, rng);
    BaseOtSenderOutput bobOut = bob.finish(
        BaseOtReceiverMessage.decode(alice.message().toBytes(), kappa));
    BaseOtReceiverOutput aliceOut = alice.finish(
        BaseOtSenderMessage.decode(bob.message().toBytes()));
    OtTestSupport.Setups setups = new OtTestSupport.Setups(
        KosSenderSetup.from(aliceOut), KosReceiverSetup.from(bobOut));
    bobOut.destroy();
    aliceOut.destroy();
    for (int run = 0; run < 2; run++) { // one setup, several extensions
      OtSession ext = OtTestSupport.session("sign-" + run, ALICE, BOB);
      checkCorrelation(setups, ext, count, width, rng, true);
    }
  }

  static Stream<Arguments> randomShapes() {
    return IntStream.range(0, 40).mapToObj(i -> {
      Random r = new Random(0x0C05_0000L + i);
      int kappa = new int[] {128, 192, 256}[r.nextInt(3)];
      int count = i < 6 ? new int[] {1, 7, 207, 208, 209, 416}[i] : 1 + r.nextInt(900);
      int width = 1 + r.nextInt(5);
      return Arguments.of(kappa, count, width, 0x0C05_1000L + i);
    });
  }

  @ParameterizedTest(name = "kappa={0} m={1} w={2}")
  @MethodSource("randomShapes")
  void correlationHoldsOnRandomShapes(int kappa, int count, int width, long seed)
      throws OtException {
    OtTestSupport.Setups setups = OtTestSupport.fakeSetups(kappa, seed);
    checkCorrelation(setups, OtTestSupport.session("random-" + seed, ALICE, BOB), count, width,
        OtTestSupport.rng(seed), seed % 2 == 0);
  }

  /** DKLs19/23 forced reuse: one correlation vector α for all ξ = 416 OTs. */
  @Test
  void repeatedCorrelationVector() throws OtException {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(256, 77);
    SecureRandom rng = OtTestSupport.rng(77);
    OtSession session = OtTestSupport.session("forced-reuse", ALICE, BOB);
    byte[] choices = OtTestSupport.randomBits(new Random(77), 416);
    KosReceiver bob = KosReceiver.extend(s.receiver, session, choices, 416, rng);
    KosSender alice = KosSender.check(s.sender, session, 416, bob.message());
    Scalar[] alpha = {G.randomScalar(rng), G.randomScalar(rng), G.randomScalar(rng)};
    KosSender.Transfer tr = alice.transfer(alpha);
    Scalar[][] r = bob.finish(tr.message());
    Scalar[][] t = tr.outputs();
    for (int j = 0; j < 416; j++) {
      for (int k = 0; k < 3; k++) {
        Scalar expected = OtTestSupport.bit(choices, j) == 1 ? t[j][k].add(alpha[k]) : t[j][k];
        assertEquals(expected, r[j][k]);
      }
    }
  }

  @Test
  void setupStorageRoundTrip() throws OtException {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(256, 78);
    var access = InsecureSecretAccess.get();
    OtTestSupport.Setups copy = new OtTestSupport.Setups(
        KosSenderSetup.fromBytes(s.sender.toBytes(access), access),
        KosReceiverSetup.fromBytes(s.receiver.toBytes(access), access));
    assertArrayEquals(s.sender.toBytes(access), copy.sender.toBytes(access));
    assertArrayEquals(s.receiver.toBytes(access), copy.receiver.toBytes(access));
    checkCorrelation(copy, OtTestSupport.session("stored", ALICE, BOB), 50, 2,
        OtTestSupport.rng(78), true);
    assertTrue(s.sender.toString().contains("redacted"));
    assertTrue(s.receiver.toString().contains("redacted"));
    s.sender.destroy();
    assertThrows(IllegalStateException.class, () -> s.sender.toBytes(access));
  }

  @Test
  void messageSizesForTheDkls23Shape() {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(256, 79);
    KosReceiver bob = KosReceiver.extend(s.receiver, OtTestSupport.session("size", ALICE, BOB),
        new byte[52], 416, OtTestSupport.rng(79));
    // u: 256 × 78, x̂: 26, t̂: 256 × 26
    assertEquals(256 * 78 + 26 + 256 * 26, bob.message().toBytes().length);
  }

  @Test
  void parameterValidation() {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(128, 80);
    SecureRandom rng = OtTestSupport.rng(80);
    OtSession session = OtTestSupport.session("params", ALICE, BOB);
    assertThrows(IllegalArgumentException.class,
        () -> KosReceiver.extend(s.receiver, session, new byte[0], 0, rng));
    assertThrows(IllegalArgumentException.class,
        () -> KosReceiver.extend(s.receiver, session, new byte[2], 17, rng));
    assertThrows(IllegalArgumentException.class,
        () -> KosReceiverSetup.fromBytes(new byte[10], InsecureSecretAccess.get()));
  }

  /** Runs one extension and checks r = t + b·α everywhere; optionally through the wire bytes. */
  static void checkCorrelation(OtTestSupport.Setups s, OtSession session, int count, int width,
      SecureRandom rng, boolean viaBytes) throws OtException {
    Random r = new Random(count * 31L + width);
    byte[] choices = OtTestSupport.randomBits(r, count);
    KosReceiver bob = KosReceiver.extend(s.receiver, session, choices, count, rng);
    KosExtendMessage ext = viaBytes
        ? KosExtendMessage.decode(bob.message().toBytes(), s.receiver.count(), count)
        : bob.message();
    KosSender alice = KosSender.check(s.sender, session, count, ext);
    Scalar[][] alpha = new Scalar[count][width];
    for (Scalar[] row : alpha) {
      for (int k = 0; k < width; k++) {
        row[k] = G.randomScalar(rng);
      }
    }
    KosSender.Transfer tr = alice.transfer(alpha);
    KosTransferMessage tau = viaBytes
        ? KosTransferMessage.decode(tr.message().toBytes(), count, width)
        : tr.message();
    Scalar[][] out = bob.finish(tau);
    Scalar[][] t = tr.outputs();
    Set<Scalar> seen = new HashSet<>();
    for (int j = 0; j < count; j++) {
      int b = OtTestSupport.bit(choices, j);
      for (int k = 0; k < width; k++) {
        Scalar expected = b == 1 ? t[j][k].add(alpha[j][k]) : t[j][k];
        assertEquals(expected, out[j][k], "OT " + j + ", scalar " + k);
        if (b == 1) {
          assertNotEquals(t[j][k], out[j][k]);
        }
        assertTrue(seen.add(t[j][k]), "sender outputs are distinct");
      }
    }
  }
}
