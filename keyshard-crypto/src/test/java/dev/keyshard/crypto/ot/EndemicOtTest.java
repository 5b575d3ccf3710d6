package dev.keyshard.crypto.ot;

import static dev.keyshard.crypto.ot.OtTestSupport.ALICE;
import static dev.keyshard.crypto.ot.OtTestSupport.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretAccess;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Correctness of Endemic OT: the receiver gets k_c, never k_(1−c), over seeded random batches. */
class EndemicOtTest {
  private static final SecretAccess ACCESS = InsecureSecretAccess.get();

  static Stream<Arguments> batches() {
    return Stream.of(
        Arguments.of(1, 1L), Arguments.of(2, 2L), Arguments.of(7, 3L), Arguments.of(9, 4L),
        Arguments.of(64, 5L), Arguments.of(128, 6L), Arguments.of(128, 7L));
  }

  @ParameterizedTest
  @MethodSource("batches")
  void receiverGetsTheChosenKeyAndNotTheOther(int count, long seed) throws OtException {
    OtSession session = OtTestSupport.session("endemic-" + seed, BOB, ALICE);
    SecureRandom rng = OtTestSupport.rng(seed);
    EndemicOtSender sender = EndemicOtSender.start(session, count, rng);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, count, rng);
    // Both first messages cross the wire; the order of the two finishes does not matter.
    BaseOtReceiverMessage toSender =
        BaseOtReceiverMessage.decode(receiver.message().toBytes(), count);
    BaseOtSenderMessage toReceiver = BaseOtSenderMessage.decode(sender.message().toBytes());
    BaseOtSenderOutput s = sender.finish(toSender);
    BaseOtReceiverOutput r = receiver.finish(toReceiver);
    assertEquals(count, s.count());
    assertEquals(count, r.count());
    for (int i = 0; i < count; i++) {
      int c = r.choice(i, ACCESS);
      assertArrayEquals(s.key(i, c, ACCESS), r.key(i, ACCESS), "OT " + i + ": k_c");
      assertFalse(Arrays.equals(s.key(i, 1 - c, ACCESS), r.key(i, ACCESS)), "OT " + i);
      assertFalse(Arrays.equals(s.key(i, 0, ACCESS), s.key(i, 1, ACCESS)), "OT " + i);
      assertEquals(32, r.key(i, ACCESS).length);
    }
  }

  @Test
  void chosenChoiceBitsAreHonoured() throws OtException {
    int count = 16;
    byte[] choices = {(byte) 0b1010_0110, (byte) 0b0000_1111};
    OtSession session = OtTestSupport.session("chosen", BOB, ALICE);
    SecureRandom rng = OtTestSupport.rng(11);
    EndemicOtSender sender = EndemicOtSender.start(session, count, rng);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, choices, count, rng);
    BaseOtSenderOutput s = sender.finish(receiver.message());
    BaseOtReceiverOutput r = receiver.finish(sender.message());
    for (int i = 0; i < count; i++) {
      int c = OtTestSupport.bit(choices, i);
      assertEquals(c, r.choice(i, ACCESS));
      assertArrayEquals(s.key(i, c, ACCESS), r.key(i, ACCESS));
    }
  }

  /** Random choices over 1024 OTs: both values occur in reasonable numbers (not stuck). */
  @Test
  void randomChoicesAreBalanced() {
    OtSession session = OtTestSupport.session("balance", BOB, ALICE);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, 1024, OtTestSupport.rng(12));
    BaseOtReceiverOutput r = receiver.finish(
        EndemicOtSender.start(session, 1024, OtTestSupport.rng(13)).message());
    int ones = 0;
    for (int i = 0; i < 1024; i++) {
      ones += r.choice(i, ACCESS);
    }
    assertTrue(ones > 412 && ones < 612, "ones = " + ones);
  }

  /** The wire form: 33-byte points, count × 66 bytes, and the pair's points all distinct. */
  @Test
  void messageShapes() throws OtException {
    OtSession session = OtTestSupport.session("shape", BOB, ALICE);
    SecureRandom rng = OtTestSupport.rng(14);
    EndemicOtSender sender = EndemicOtSender.start(session, 5, rng);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, 5, rng);
    assertEquals(33, sender.message().toBytes().length);
    byte[] m = receiver.message().toBytes();
    assertEquals(5 * 66, m.length);
    BaseOtReceiverMessage decoded = BaseOtReceiverMessage.decode(m, 5);
    assertArrayEquals(m, decoded.toBytes());
    for (int i = 0; i < 5; i++) {
      assertNotEquals(decoded.point(i, 0), decoded.point(i, 1));
    }
  }

  @Test
  void singleUse() throws OtException {
    OtSession session = OtTestSupport.session("once", BOB, ALICE);
    SecureRandom rng = OtTestSupport.rng(15);
    EndemicOtSender sender = EndemicOtSender.start(session, 3, rng);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, 3, rng);
    sender.finish(receiver.message());
    receiver.finish(sender.message());
    assertThrows(IllegalStateException.class, () -> sender.finish(receiver.message()));
    assertThrows(IllegalStateException.class, () -> receiver.finish(sender.message()));
  }

  @Test
  void outputsRedactAndDestroy() throws OtException {
    OtSession session = OtTestSupport.session("redact", BOB, ALICE);
    SecureRandom rng = OtTestSupport.rng(16);
    EndemicOtSender sender = EndemicOtSender.start(session, 2, rng);
    EndemicOtReceiver receiver = EndemicOtReceiver.start(session, 2, rng);
    BaseOtSenderOutput s = sender.finish(receiver.message());
    BaseOtReceiverOutput r = receiver.finish(sender.message());
    assertTrue(s.toString().contains("redacted"));
    assertTrue(r.toString().contains("redacted"));
    assertTrue(sender.toString().contains("redacted"));
    s.destroy();
    r.destroy();
    assertThrows(IllegalStateException.class, () -> s.key(0, 0, ACCESS));
    assertThrows(IllegalStateException.class, () -> r.choice(0, ACCESS));
  }

  @Test
  void parameterValidation() {
    OtSession session = OtTestSupport.session("params", BOB, ALICE);
    SecureRandom rng = OtTestSupport.rng(17);
    assertThrows(IllegalArgumentException.class, () -> EndemicOtSender.start(session, 0, rng));
    assertThrows(IllegalArgumentException.class,
        () -> EndemicOtSender.start(session, OtParameters.MAX_BASE_OTS + 1, rng));
    assertThrows(IllegalArgumentException.class,
        () -> EndemicOtReceiver.start(session, new byte[1], 9, rng));
    assertThrows(IllegalArgumentException.class,
        () -> OtSession.of(new byte[32], ALICE, ALICE.clone()));
    assertThrows(IllegalArgumentException.class, () -> OtSession.of(new byte[15], ALICE, BOB));
    assertThrows(IllegalArgumentException.class, () -> OtSession.of(new byte[32], new byte[0], BOB));
  }
}
