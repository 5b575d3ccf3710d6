package dev.keyshard.crypto.ot;

import static dev.keyshard.crypto.ot.OtTestSupport.ALICE;
import static dev.keyshard.crypto.ot.OtTestSupport.BOB;
import static dev.keyshard.crypto.ot.OtTestSupport.CAROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malicious extension receiver (inconsistent rows, tampered check values, replays) fails the
 * KOS15 consistency check with CONSISTENCY_CHECK_FAILED naming the RECEIVER, and the sender's setup
 * is burned; malformed messages are rejected before any work, naming their sender
 * (ATTACKS.md: Lindell17 abort row, replay row, wrong-length row).
 */
class KosAttackTest {
  private static final int KAPPA = 256;
  private static final int COUNT = 416;

  /**
   * The classic KOS attack: column i carries x' = x ⊕ e instead of x, to learn Δ_i. With
   * Δ_i = 1 the check fails and blames the receiver; the setup is burned and refuses further use.
   */
  @Test
  void inconsistentColumnIsCaughtWhenDeltaBitIsOne() {
    for (int flip : new int[] {5, 300, COUNT + 3}) { // first data block, second, pad block
      OtTestSupport.Setups s = OtTestSupport.fakeSetups(KAPPA, 100 + flip);
      int column = columnWithDelta(s, 1);
      OtSession session = OtTestSupport.session("cheat-" + flip, ALICE, BOB);
      KosExtendMessage bad = cheat(s.receiver, session, column, flip, 100 + flip);
      OtException e = assertThrows(OtException.class,
          () -> KosSender.check(s.sender, session, COUNT, bad));
      assertEquals(OtException.Reason.CONSISTENCY_CHECK_FAILED, e.reason());
      assertEquals(OtRole.RECEIVER, e.culprit());
      assertTrue(s.sender.isBurned());
      KosExtendMessage honest = KosReceiver.extend(s.receiver,
          OtTestSupport.session("after-" + flip, ALICE, BOB), new byte[52], COUNT,
          OtTestSupport.rng(1)).message();
      assertThrows(IllegalStateException.class, () -> KosSender.check(s.sender,
          OtTestSupport.session("after-" + flip, ALICE, BOB), COUNT, honest));
    }
  }

  /**
   * The same cheat on a column with Δ_i = 0 passes: that is the one bit of selective-failure
   * leakage KOS15 allows per attempt, which is why a failure burns the pair instead of retrying.
   */
  @Test
  void inconsistentColumnPassesWhenDeltaBitIsZero() throws OtException {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(KAPPA, 200);
    int column = columnWithDelta(s, 0);
    OtSession session = OtTestSupport.session("leak", ALICE, BOB);
    KosSender.check(s.sender, session, COUNT, cheat(s.receiver, session, column, 9, 200));
    assertFalse(s.sender.isBurned());
  }

  static IntStream flipSeeds() {
    return IntStream.range(0, 24);
  }

  /** Any single flipped bit of an honest message (in u, x̂ or some t̂_i) fails the check. */
  @ParameterizedTest
  @MethodSource("flipSeeds")
  void anyFlippedBitFailsTheCheck(int seed) {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(KAPPA, 300 + seed);
    OtSession session = OtTestSupport.session("flip-" + seed, ALICE, BOB);
    byte[] msg = KosReceiver.extend(s.receiver, session,
        OtTestSupport.randomBits(new Random(seed), COUNT), COUNT, OtTestSupport.rng(seed))
        .message().toBytes();
    Random r = new Random(0xF11DL + seed);
    int uBytes = KAPPA * 78;
    int pos = seed % 3 == 0 ? r.nextInt(uBytes) // u
        : seed % 3 == 1 ? uBytes + r.nextInt(26) // x̂
        : uBytes + 26 + r.nextInt(KAPPA * 26); // t̂
    msg[pos] ^= (byte) (1 << r.nextInt(8));
    OtException e = assertThrows(OtException.class, () -> KosSender.check(s.sender, session,
        COUNT, KosExtendMessage.decode(msg, KAPPA, COUNT)));
    assertEquals(OtException.Reason.CONSISTENCY_CHECK_FAILED, e.reason(), "byte " + pos);
    assertEquals(OtRole.RECEIVER, e.culprit());
  }

  /** A valid message of session A replayed in session B, with swapped roles or to another pair. */
  @Test
  void replayUnderAnotherSessionFails() {
    OtSession a = OtTestSupport.session("session-A", ALICE, BOB);
    for (OtSession other : new OtSession[] {
        OtTestSupport.session("session-B", ALICE, BOB),
        OtTestSupport.session("session-A", BOB, ALICE),
        OtTestSupport.session("session-A", ALICE, CAROL)}) {
      OtTestSupport.Setups s = OtTestSupport.fakeSetups(KAPPA, 400);
      KosExtendMessage recorded = KosReceiver.extend(s.receiver, a, new byte[52], COUNT,
          OtTestSupport.rng(400)).message();
      OtException e = assertThrows(OtException.class,
          () -> KosSender.check(s.sender, other, COUNT, recorded));
      assertEquals(OtException.Reason.CONSISTENCY_CHECK_FAILED, e.reason(), other.toString());
      assertEquals(OtRole.RECEIVER, e.culprit());
    }
  }

  /**
   * A base-OT receiver message replayed into another session leaves the two sides with unrelated
   * seeds; nothing in the base OT notices, the first extension's check does.
   */
  @Test
  void replayedBaseOtIsCaughtByTheExtensionCheck() throws OtException {
    SecureRandom rng = OtTestSupport.rng(500);
    OtSession sessionA = OtTestSupport.session("base-A", BOB, ALICE);
    OtSession sessionB = OtTestSupport.session("base-B", BOB, ALICE);
    EndemicOtReceiver alice = EndemicOtReceiver.start(sessionA, 128, rng);
    EndemicOtSender bob = EndemicOtSender.start(sessionB, 128, rng);
    KosReceiverSetup bobSetup = KosReceiverSetup.from(bob.finish(alice.message()));
    KosSenderSetup aliceSetup = KosSenderSetup.from(alice.finish(bob.message()));
    OtSession ext = OtTestSupport.session("first-sign", ALICE, BOB);
    KosExtendMessage m = KosReceiver.extend(bobSetup, ext, new byte[52], COUNT, rng).message();
    OtException e = assertThrows(OtException.class,
        () -> KosSender.check(aliceSetup, ext, COUNT, m));
    assertEquals(OtException.Reason.CONSISTENCY_CHECK_FAILED, e.reason());
  }

  @Test
  void wrongLengthExtendMessagesAreRejected() {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(KAPPA, 600);
    OtSession session = OtTestSupport.session("lengths", ALICE, BOB);
    byte[] msg = KosReceiver.extend(s.receiver, session, new byte[52], COUNT,
        OtTestSupport.rng(600)).message().toBytes();
    for (int len : new int[] {0, 1, msg.length - 1, msg.length + 1, msg.length - 26}) {
      OtException e = assertThrows(OtException.class,
          () -> KosExtendMessage.decode(Arrays.copyOf(msg, len), KAPPA, COUNT));
      assertEquals(OtException.Reason.WRONG_LENGTH, e.reason(), "length " + len);
      assertEquals(OtRole.RECEIVER, e.culprit());
    }
    // A message for κ = 128 is refused by shape, without burning the setup.
    OtTestSupport.Setups small = OtTestSupport.fakeSetups(128, 602);
    KosExtendMessage narrow = KosReceiver.extend(small.receiver, session, new byte[52], COUNT,
        OtTestSupport.rng(602)).message();
    OtException e = assertThrows(OtException.class,
        () -> KosSender.check(s.sender, session, COUNT, narrow));
    assertEquals(OtException.Reason.WRONG_LENGTH, e.reason());
    assertFalse(s.sender.isBurned(), "a shape error is not a check failure");
  }

  /**
   * A message for 415 OTs has the same length as one for 416 (rows are whole 208-bit blocks), so it
   * decodes; the count is bound into the session digest, so the check fails.
   */
  @Test
  void messageForAnotherCountFailsTheCheck() throws OtException {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(KAPPA, 650);
    OtSession session = OtTestSupport.session("count", ALICE, BOB);
    byte[] other = KosReceiver.extend(s.receiver, session, new byte[52], COUNT - 1,
        OtTestSupport.rng(650)).message().toBytes();
    KosExtendMessage decoded = KosExtendMessage.decode(other, KAPPA, COUNT);
    OtException e = assertThrows(OtException.class,
        () -> KosSender.check(s.sender, session, COUNT, decoded));
    assertEquals(OtException.Reason.CONSISTENCY_CHECK_FAILED, e.reason());
    assertEquals(OtRole.RECEIVER, e.culprit());
  }

  @Test
  void malformedTransferMessagesAreRejected() throws OtException {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(128, 700);
    OtSession session = OtTestSupport.session("transfer", ALICE, BOB);
    SecureRandom rng = OtTestSupport.rng(700);
    KosReceiver bob = KosReceiver.extend(s.receiver, session, new byte[2], 10, rng);
    KosSender alice = KosSender.check(s.sender, session, 10, bob.message());
    byte[] tau = alice.transfer(new Scalar[] {Secp256k1.INSTANCE.one()}).message().toBytes();
    // a scalar equal to the group order q (not reduced)
    byte[] big = tau.clone();
    byte[] q = unsigned32(Secp256k1.INSTANCE.order());
    System.arraycopy(q, 0, big, 32 * 3, 32);
    OtException e = assertThrows(OtException.class, () -> KosTransferMessage.decode(big, 10, 1));
    assertEquals(OtException.Reason.MALFORMED, e.reason());
    assertEquals(OtRole.SENDER, e.culprit());
    for (int len : new int[] {0, 32 * 10 - 1, 32 * 10 + 1, 32 * 11}) {
      e = assertThrows(OtException.class,
          () -> KosTransferMessage.decode(Arrays.copyOf(tau, len), 10, 1));
      assertEquals(OtException.Reason.WRONG_LENGTH, e.reason());
      assertEquals(OtRole.SENDER, e.culprit());
    }
    // A well-formed message for 9 OTs handed to a receiver of 10.
    KosTransferMessage nine = KosTransferMessage.decode(Arrays.copyOf(tau, 32 * 9), 9, 1);
    e = assertThrows(OtException.class, () -> bob.finish(nine));
    assertEquals(OtException.Reason.WRONG_LENGTH, e.reason());
    assertEquals(OtRole.SENDER, e.culprit());
  }

  /** Two extensions under one session would XOR to the difference of their choice bits. */
  @Test
  void receiverRefusesToReuseASession() {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(128, 800);
    OtSession session = OtTestSupport.session("once", ALICE, BOB);
    KosReceiver.extend(s.receiver, session, new byte[52], COUNT, OtTestSupport.rng(800));
    assertThrows(IllegalStateException.class, () -> KosReceiver.extend(s.receiver, session,
        new byte[52], COUNT, OtTestSupport.rng(801)));
  }

  @Test
  void senderAndReceiverAreSingleUse() throws OtException {
    OtTestSupport.Setups s = OtTestSupport.fakeSetups(128, 900);
    OtSession session = OtTestSupport.session("single", ALICE, BOB);
    KosReceiver bob = KosReceiver.extend(s.receiver, session, new byte[1], 5,
        OtTestSupport.rng(900));
    KosSender alice = KosSender.check(s.sender, session, 5, bob.message());
    Scalar[] alpha = {Secp256k1.INSTANCE.one()};
    KosSender.Transfer tr = alice.transfer(alpha);
    assertThrows(IllegalStateException.class, () -> alice.transfer(alpha));
    bob.finish(tr.message());
    assertThrows(IllegalStateException.class, () -> bob.finish(tr.message()));
    assertTrue(tr.toString().contains("redacted"));
  }

  // ---- the malicious receiver ----

  /** An extend message where column {@code column} encodes x ⊕ e_flip; all else honest for x. */
  static KosExtendMessage cheat(KosReceiverSetup setup, OtSession session, int column, int flip,
      long seed) {
    KosShape shape = KosShape.of(setup.count(), COUNT);
    byte[] digest = shape.digest(session);
    byte[] x = new byte[shape.rowBytes];
    new Random(seed).nextBytes(x);
    byte[][] t = new byte[shape.kappa][];
    byte[][] u = new byte[shape.kappa][];
    for (int i = 0; i < shape.kappa; i++) {
      t[i] = OtHashes.prg(digest, i, setup.seed(i, 0), shape.rowBytes);
      u[i] = OtHashes.prg(digest, i, setup.seed(i, 1), shape.rowBytes);
      for (int k = 0; k < shape.rowBytes; k++) {
        u[i][k] ^= (byte) (t[i][k] ^ x[k]);
      }
    }
    u[column][flip >>> 3] ^= (byte) (1 << (flip & 7));
    Gf2k208.Multiplier[] chi =
        KosShape.multipliers(OtHashes.challenges(digest, u, shape.dataBlocks));
    byte[] xHat = new byte[Gf2k208.BYTES];
    Gf2k208.toBytes(shape.checkHash(chi, x), xHat, 0);
    byte[][] tHat = new byte[shape.kappa][Gf2k208.BYTES];
    for (int i = 0; i < shape.kappa; i++) {
      Gf2k208.toBytes(shape.checkHash(chi, t[i]), tHat[i], 0);
    }
    return new KosExtendMessage(u, xHat, tHat);
  }

  private static int columnWithDelta(OtTestSupport.Setups s, int value) {
    for (int i = 0; i < s.sender.count(); i++) {
      if (s.sender.delta(i, InsecureSecretAccess.get()) == value) {
        return i;
      }
    }
    throw new AssertionError("no column with Δ_i = " + value);
  }

  private static byte[] unsigned32(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] out = new byte[32];
    System.arraycopy(b, Math.max(0, b.length - 32), out, Math.max(0, 32 - b.length),
        Math.min(32, b.length));
    return out;
  }
}
