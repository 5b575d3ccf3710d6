package dev.keyshard.crypto.ot;

import static dev.keyshard.crypto.ot.OtTestSupport.ALICE;
import static dev.keyshard.crypto.ot.OtTestSupport.BOB;
import static dev.keyshard.crypto.ot.OtTestSupport.CAROL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.ExpandMessageXmd;
import dev.keyshard.crypto.hash.HashToField;
import dev.keyshard.crypto.hash.TaggedHash;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretAccess;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malicious inputs to Endemic OT: malformed and wrong-length messages are rejected naming the
 * sender of the bad message; replays under another session or party pair give unrelated keys; and
 * the random-oracle point is a hash_to_curve output, not η·G (DKLs23 design §1.1).
 */
class EndemicOtAttackTest {
  private static final SecretAccess ACCESS = InsecureSecretAccess.get();
  private static final Secp256k1 G = Secp256k1.INSTANCE;
  private static final ECCurve CURVE = CustomNamedCurves.getByName("secp256k1").getCurve();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  // ---- malformed receiver points ----

  static Stream<Arguments> badPoints() {
    return Stream.of(
        Arguments.of("off-curve x", offCurve()),
        Arguments.of("x >= p (non-canonical)", nonCanonical()),
        Arguments.of("identity as 33 zero bytes", new byte[33]),
        Arguments.of("uncompressed prefix 04", withPrefix(4)),
        Arguments.of("prefix 00", withPrefix(0)),
        Arguments.of("prefix 05", withPrefix(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPoints")
  void malformedReceiverPointIsRejected(String name, byte[] bad) throws OtException {
    byte[] msg = honestReceiverMessage(4, 21);
    for (int slot : new int[] {0, 1, 6}) { // r_00, r_01, r_30
      byte[] tampered = msg.clone();
      System.arraycopy(bad, 0, tampered, slot * 33, 33);
      OtException e = assertThrows(OtException.class,
          () -> BaseOtReceiverMessage.decode(tampered, 4));
      assertEquals(OtException.Reason.MALFORMED, e.reason(), name);
      assertEquals(OtRole.RECEIVER, e.culprit(), name);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badPoints")
  void malformedSenderPointIsRejected(String name, byte[] bad) {
    OtException e = assertThrows(OtException.class, () -> BaseOtSenderMessage.decode(bad));
    assertEquals(OtException.Reason.MALFORMED, e.reason(), name);
    assertEquals(OtRole.SENDER, e.culprit(), name);
  }

  @Test
  void wrongLengthsAreRejected() throws OtException {
    byte[] msg = honestReceiverMessage(4, 22);
    for (int len : new int[] {0, 1, 65, 66 * 3, 66 * 4 - 1, 66 * 4 + 1, 66 * 5}) {
      byte[] cut = Arrays.copyOf(msg, len);
      OtException e = assertThrows(OtException.class, () -> BaseOtReceiverMessage.decode(cut, 4));
      assertEquals(OtException.Reason.WRONG_LENGTH, e.reason(), "length " + len);
      assertEquals(OtRole.RECEIVER, e.culprit());
    }
    byte[] a = EndemicOtSender.start(session("len"), 4, OtTestSupport.rng(1)).message().toBytes();
    for (int len : new int[] {0, 32, 34, 65}) {
      OtException e = assertThrows(OtException.class,
          () -> BaseOtSenderMessage.decode(Arrays.copyOf(a, len)));
      assertEquals(OtException.Reason.WRONG_LENGTH, e.reason());
      assertEquals(OtRole.SENDER, e.culprit());
    }
  }

  /** A batch of another size that decodes on its own is still refused by the sender. */
  @Test
  void batchSizeMismatchIsRejected() throws OtException {
    OtSession s = session("mismatch");
    EndemicOtSender sender = EndemicOtSender.start(s, 4, OtTestSupport.rng(23));
    BaseOtReceiverMessage five = EndemicOtReceiver.start(s, 5, OtTestSupport.rng(24)).message();
    OtException e = assertThrows(OtException.class, () -> sender.finish(five));
    assertEquals(OtException.Reason.WRONG_LENGTH, e.reason());
    assertEquals(OtRole.RECEIVER, e.culprit());
  }

  /** r_0 = −H(sid, 0, 0, r_1) makes M_0 the identity; the sender refuses rather than hash it. */
  @Test
  void receiverPointsCancellingTheOracleAreRejected() throws OtException {
    OtSession s = session("cancel");
    byte[] digest = s.digest(EndemicOt.PROTOCOL, 1);
    byte[] r1 = G.multiplyGenerator(G.scalarOf(7)).toBytes();
    byte[] r0 = EndemicOt.hashPoint(digest, 0, 0, r1).negate().toBytes();
    byte[] msg = new byte[66];
    System.arraycopy(r0, 0, msg, 0, 33);
    System.arraycopy(r1, 0, msg, 33, 33);
    EndemicOtSender sender = EndemicOtSender.start(s, 1, OtTestSupport.rng(25));
    OtException e = assertThrows(OtException.class,
        () -> sender.finish(BaseOtReceiverMessage.decode(msg, 1)));
    assertEquals(OtException.Reason.MALFORMED, e.reason());
    assertEquals(OtRole.RECEIVER, e.culprit());
  }

  // ---- replay ----

  /**
   * ATTACKS.md, tss-lib replay row: the receiver's message of session A, delivered to a sender in
   * session B, in a session with the roles swapped, or to another party, yields no key the
   * receiver holds. (The mismatch surfaces as the KOS consistency failure, see KosAttackTest.)
   */
  @Test
  void replayUnderAnotherSessionOrPairGivesUnrelatedKeys() throws OtException {
    int count = 8;
    OtSession a = session("replay-A");
    EndemicOtReceiver receiver = EndemicOtReceiver.start(a, count, OtTestSupport.rng(26));
    BaseOtReceiverMessage recorded = receiver.message();
    EndemicOtSender honest = EndemicOtSender.start(a, count, OtTestSupport.rng(27));
    BaseOtReceiverOutput out = receiver.finish(honest.message());
    honest.finish(recorded);

    for (OtSession other : new OtSession[] {
        session("replay-B"),
        OtTestSupport.session("replay-A", ALICE, BOB), // roles swapped
        OtTestSupport.session("replay-A", BOB, CAROL)}) { // another receiver
      EndemicOtSender sender = EndemicOtSender.start(other, count, OtTestSupport.rng(28));
      BaseOtSenderOutput keys = sender.finish(recorded);
      for (int i = 0; i < count; i++) {
        for (int b = 0; b < 2; b++) {
          assertFalse(Arrays.equals(keys.key(i, b, ACCESS), out.key(i, ACCESS)), other + " " + i);
        }
      }
    }
  }

  // ---- the random-oracle point (DKLs23 design §1.1) ----

  /**
   * The point the sender adds to r_b is RFC 9380 hash_to_curve of (sid, i, b, r_(1−b)) under the
   * documented tag, recomputed here from public data only; it is not η·G for the hash scalars one
   * would derive from the same input (the construction whose log everybody knows).
   */
  @Test
  void randomOraclePointIsHashToCurveNotAKnownMultipleOfG() throws OtException {
    OtSession s = session("oracle");
    int count = 4;
    byte[] digest = s.digest(EndemicOt.PROTOCOL, count);
    BaseOtReceiverMessage msg = EndemicOtReceiver.start(s, count, OtTestSupport.rng(29)).message();
    for (int i = 0; i < count; i++) {
      for (int b = 0; b < 2; b++) {
        byte[] input = EndemicOt.hashInput(digest, i, b, msg.pointBytes(i, 1 - b));
        Point h = EndemicOt.hashPoint(digest, i, b, msg.pointBytes(i, 1 - b));
        assertEquals(Secp256k1HashToCurve.hashToCurve(input, EndemicOt.H_DST), h);
        for (Scalar eta : candidateScalars(input)) {
          assertNotEquals(G.multiplyGenerator(eta), h);
        }
      }
    }
    assertTrue(new String(EndemicOt.H_DST, java.nio.charset.StandardCharsets.US_ASCII)
        .endsWith("secp256k1_XMD:SHA-256_SSWU_RO_"));
  }

  /**
   * Negative control for §1.1: with an oracle H(y) = η(y)·G the honest-but-curious receiver, who
   * knows log(s) = ρ, computes the sender's other Diffie–Hellman point (ρ + η)·A. With the real
   * oracle the same computation misses the sender's other key.
   */
  @Test
  void curiousReceiverLearnsBothKeysOnlyWithAKnownLogOracle() throws OtException {
    OtSession s = session("curious");
    byte[] digest = s.digest(EndemicOt.PROTOCOL, 1);
    SecureRandom rng = OtTestSupport.rng(30);
    for (int c = 0; c < 2; c++) {
      Scalar x = G.randomScalar(rng);
      Scalar rho = G.randomScalar(rng);
      Point sPoint = G.multiplyGenerator(rho);

      // Broken world: H(y) = η(y)·G with η public. The sender's secret is a.
      Scalar a = G.randomScalar(rng);
      Point bigA = G.multiplyGenerator(a);
      Point rc = G.multiplyGenerator(x).subtract(
          G.multiplyGenerator(eta(EndemicOt.hashInput(digest, 0, c, sPoint.toBytes()))));
      Point otherM = sPoint.add(
          G.multiplyGenerator(eta(EndemicOt.hashInput(digest, 0, 1 - c, rc.toBytes()))));
      Point guess = bigA.multiply(
          rho.add(eta(EndemicOt.hashInput(digest, 0, 1 - c, rc.toBytes()))));
      assertEquals(otherM.multiply(a), guess, "known-log oracle leaks the other key");

      // Real protocol, same receiver strategy, through EndemicOtSender.
      Point realRc = G.multiplyGenerator(x)
          .subtract(EndemicOt.hashPoint(digest, 0, c, sPoint.toBytes()));
      byte[] msg = new byte[66];
      System.arraycopy(realRc.toBytes(), 0, msg, c * 33, 33);
      System.arraycopy(sPoint.toBytes(), 0, msg, (1 - c) * 33, 33);
      EndemicOtSender sender = EndemicOtSender.start(s, 1, rng);
      BaseOtReceiverMessage decoded = BaseOtReceiverMessage.decode(msg, 1);
      BaseOtSenderOutput keys = sender.finish(decoded);
      Point senderA = sender.message().point();
      byte[] r0 = decoded.pointBytes(0, 0);
      byte[] r1 = decoded.pointBytes(0, 1);
      byte[] aBytes = senderA.toBytes();
      assertArrayEquals(keys.key(0, c, ACCESS),
          EndemicOt.kdf(digest, 0, c, aBytes, r0, r1, senderA.multiply(x)), "own key");
      for (Scalar eta : candidateScalars(EndemicOt.hashInput(digest, 0, 1 - c, realRc.toBytes()))) {
        byte[] attempt = EndemicOt.kdf(digest, 0, 1 - c, aBytes, r0, r1,
            senderA.multiply(rho.add(eta)));
        assertFalse(Arrays.equals(keys.key(0, 1 - c, ACCESS), attempt), "other key stays hidden");
      }
    }
  }

  // ---- helpers ----

  private static Scalar eta(byte[] input) {
    return TaggedHash.of("test/eta").hashToScalar(input);
  }

  private static Scalar[] candidateScalars(byte[] input) {
    return new Scalar[] {
        eta(input),
        G.reduce(org.bouncycastle.util.Arrays.copyOf(sha256(input), 32)),
        HashToField.hashToScalar(G, ExpandMessageXmd.sha256(), input, EndemicOt.H_DST, 48)};
  }

  private static byte[] sha256(byte[] in) {
    org.bouncycastle.crypto.digests.SHA256Digest d = new org.bouncycastle.crypto.digests.SHA256Digest();
    d.update(in, 0, in.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  private static OtSession session(String label) {
    return OtTestSupport.session(label, BOB, ALICE);
  }

  private static byte[] honestReceiverMessage(int count, long seed) {
    return EndemicOtReceiver.start(session("msg-" + seed), count, OtTestSupport.rng(seed))
        .message().toBytes();
  }

  /** 02 ‖ x for the smallest x with x^3 + 7 a non-square: no point has this x. */
  private static byte[] offCurve() {
    for (long x = 1; ; x++) {
      BigInteger rhs = BigInteger.valueOf(x).pow(3).add(BigInteger.valueOf(7)).mod(P);
      if (CURVE.fromBigInteger(rhs).sqrt() == null) {
        return compressed(BigInteger.valueOf(x));
      }
    }
  }

  /** 02 ‖ (p + x) for a valid small x: the same point with a non-canonical x ≥ p. */
  private static byte[] nonCanonical() {
    for (long x = 1; ; x++) {
      BigInteger rhs = BigInteger.valueOf(x).pow(3).add(BigInteger.valueOf(7)).mod(P);
      if (CURVE.fromBigInteger(rhs).sqrt() != null) {
        return compressed(P.add(BigInteger.valueOf(x)));
      }
    }
  }

  private static byte[] withPrefix(int prefix) {
    byte[] p = G.generator().toBytes();
    p[0] = (byte) prefix;
    return p;
  }

  private static byte[] compressed(BigInteger x) {
    byte[] out = new byte[33];
    out[0] = 2;
    byte[] xb = x.toByteArray();
    int len = Math.min(xb.length, 32);
    System.arraycopy(xb, xb.length - len, out, 33 - len, len);
    return out;
  }
}
