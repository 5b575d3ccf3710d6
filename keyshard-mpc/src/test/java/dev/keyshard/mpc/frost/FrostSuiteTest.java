package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.testing.Cases;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.LocalNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every FROST ciphersuite meets, run once per suite by a subclass (as frost-core's
 * {@code ciphersuite_generic.rs}): any t-of-n key and any signer set of at least t parties signs
 * any message, every party returns the same signature, and the suite's verifier and an
 * independent one accept it.
 */
abstract class FrostSuiteTest {

  abstract FrostCiphersuite suite();

  /** Verifies with software we did not write, where the suite has one. */
  abstract void verifyIndependently(Signature signature, byte[] message, Point groupKey);

  private void assertValid(Map<PartyId, Signature> results, Set<PartyId> signers, byte[] message,
      Point groupKey) throws InvalidSignatureException {
    assertEquals(signers, results.keySet());
    Signature signature = results.values().iterator().next();
    for (Signature s : results.values()) {
      assertEquals(signature, s, "every signer outputs the same signature");
    }
    assertEquals(suite().signatureLength(), signature.toBytes().length);
    suite().verify(signature, message, groupKey);
    suite().verify(suite().decodeSignature(signature.toBytes()), message, groupKey);
    verifyIndependently(signature, message, groupKey);
  }

  /**
   * Shapes (n, t, number of signers, message length, seed): the extreme thresholds 2-of-2 and
   * 16-of-16, 2-of-16 with the fewest and the most signers, then random shapes with 2 ≤ t ≤ n ≤ 16,
   * t ≤ signers ≤ n and messages of 0, 5 or 1000 bytes.
   */
  static Stream<Arguments> shapes() {
    return Stream.concat(Stream.of(
            Cases.edge("2-of-2, 2 signers, empty message", 2, 2, 2, 0, 1L),
            Cases.edge("16-of-16, 16 signers, 1000-byte message", 16, 16, 16, 1000, 2L),
            Cases.edge("2-of-16, 2 signers, 5-byte message", 16, 2, 2, 5, 3L),
            Cases.edge("2-of-16, 16 signers, empty message", 16, 2, 16, 0, 4L),
            Cases.edge("15-of-16, 15 signers, 5-byte message", 16, 15, 15, 5, 5L)),
        Cases.arguments(0xF057, 15, r -> {
          int n = Cases.between(r, 2, 16);
          int t = Cases.between(r, 2, n);
          int signers = Cases.between(r, t, n);
          return Cases.args(n, t, signers, Cases.oneOf(r, 0, 5, 1000), r.nextLong());
        }));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void anyThresholdAnySignerSetSigns(int n, int t, int signerCount, int messageLength, long seed)
      throws Exception {
    Random r = new Random(seed);
    // Identifiers need not be 1..n: draw n distinct ones from 1..255.
    List<Integer> pool = new ArrayList<>();
    for (int i = 1; i <= PartyId.MAX; i++) {
      pool.add(i);
    }
    Collections.shuffle(pool, r);
    Set<PartyId> committee = new TreeSet<>();
    pool.subList(0, n).forEach(i -> committee.add(PartyId.of(i)));
    FrostFixture f = new FrostFixture(suite(), t, committee, seed);
    List<PartyId> shuffled = new ArrayList<>(committee);
    Collections.shuffle(shuffled, r);
    Set<PartyId> signers = new TreeSet<>(shuffled.subList(0, signerCount));
    byte[] message = new byte[messageLength];
    r.nextBytes(message);

    Map<PartyId, FrostSignParty> parties = f.parties(signers, message, SessionId.random(f.rng));
    Map<PartyId, Signature> results = f.network(parties).shuffle(r).run();
    assertValid(results, signers, message, f.keys.publicKeys().groupKey());
  }

  @Test
  void twoOfThreeSignsMessagesOfLength0And5And1000() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 3, 1);
    for (int length : new int[] {0, 5, 1000}) {
      byte[] message = new byte[length];
      f.rng.nextBytes(message);
      Set<PartyId> signers = FrostFixture.ids(1, 3);
      assertValid(f.sign(signers, message), signers, message, f.keys.publicKeys().groupKey());
    }
  }

  @Test
  void everySignatureUsesFreshNonces() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 2, 2);
    byte[] message = "same message".getBytes();
    Signature a = f.sign(FrostFixture.ids(1, 2), message).get(PartyId.of(1));
    Signature b = f.sign(FrostFixture.ids(1, 2), message).get(PartyId.of(1));
    assertNotEquals(a, b);
  }

  @Test
  void wrongMessageOrKeyDoesNotVerify() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 3, 3);
    byte[] message = {1, 2, 3};
    Signature s = f.sign(FrostFixture.ids(1, 2), message).get(PartyId.of(1));
    assertThrows(InvalidSignatureException.class,
        () -> suite().verify(s, new byte[] {1, 2, 4}, f.keys.publicKeys().groupKey()));
    Point otherKey = FrostFixture.numbered(suite(), 2, 3, 4).keys.publicKeys().groupKey();
    assertThrows(InvalidSignatureException.class, () -> suite().verify(s, message, otherKey));
    byte[] bytes = s.toBytes();
    bytes[bytes.length - 1] ^= 1;
    assertThrows(InvalidSignatureException.class, () -> suite().verify(
        suite().decodeSignature(bytes), message, f.keys.publicKeys().groupKey()));
  }

  @Test
  void signsInAnyDeliveryOrderWithDuplicates() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 3, 5, 5);
    byte[] message = {42};
    for (int run = 0; run < 5; run++) {
      Set<PartyId> signers = FrostFixture.ids(1, 2, 4, 5);
      LocalNetwork<FrostSignMessage, Signature> net =
          f.network(f.parties(signers, message, SessionId.random(f.rng)))
              .intercept((e, to) -> List.of(e, e)) // every message delivered twice
              .shuffle(new Random(run));
      assertValid(net.run(), signers, message, f.keys.publicKeys().groupKey());
    }
  }

  @Test
  void constructorRejectsBadSignerSets() {
    FrostFixture f = FrostFixture.numbered(suite(), 3, 4, 6);
    KeyShare p1 = f.keys.of(PartyId.of(1));
    SessionId session = SessionId.random(f.rng);
    byte[] m = {};
    assertThrows(IllegalArgumentException.class, () -> new FrostSignParty(suite(), p1,
        FrostFixture.ids(1, 2), m, session, f.rng), "fewer than t");
    assertThrows(IllegalArgumentException.class, () -> new FrostSignParty(suite(), p1,
        FrostFixture.ids(1, 2, 5), m, session, f.rng), "outside the committee");
    assertThrows(IllegalArgumentException.class, () -> new FrostSignParty(suite(), p1,
        FrostFixture.ids(2, 3, 4), m, session, f.rng), "self missing");
  }

  @Test
  void lifecycleAndWaitingFor() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 3, 7);
    byte[] message = {7};
    Map<PartyId, FrostSignParty> parties =
        f.parties(FrostFixture.ids(1, 2, 3), message, SessionId.random(f.rng));
    FrostSignParty p1 = parties.get(PartyId.of(1));
    assertEquals(FrostFixture.ids(2, 3), p1.waitingFor());
    assertThrows(IllegalStateException.class, p1::result);
    var out1 = p1.start();
    assertThrows(IllegalStateException.class, p1::start, "start() twice");
    var out2 = parties.get(PartyId.of(2)).start();
    var out3 = parties.get(PartyId.of(3)).start();
    p1.receive(out2.get(0));
    assertEquals(FrostFixture.ids(3), p1.waitingFor());
    assertTrue(p1.receive(out2.get(0)).isEmpty(), "identical re-delivery is ignored");
    var share1 = p1.receive(out3.get(0));
    assertEquals(1, share1.size());
    assertEquals(FrostFixture.ids(2, 3), p1.waitingFor(), "now waiting for shares");
    assertFalse(p1.isDone());
    var share2 = parties.get(PartyId.of(2)).receive(out1.get(0));
    assertTrue(share2.isEmpty());
    share2 = parties.get(PartyId.of(2)).receive(out3.get(0));
    var share3 = parties.get(PartyId.of(3)).receive(out1.get(0));
    share3 = parties.get(PartyId.of(3)).receive(out2.get(0));
    p1.receive(share2.get(0));
    assertEquals(FrostFixture.ids(3), p1.waitingFor());
    p1.receive(share3.get(0));
    assertTrue(p1.isDone());
    assertTrue(p1.waitingFor().isEmpty());
    suite().verify(p1.result(), message, f.keys.publicKeys().groupKey());
    assertTrue(p1.receive(share3.get(0)).isEmpty(), "late re-delivery after done");
  }

  @Test
  void partyNeverDestroysTheCallersKeyShare() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 2, 8);
    f.sign(FrostFixture.ids(1, 2), new byte[] {1});
    assertFalse(f.keys.of(PartyId.of(1)).isDestroyed());
    f.sign(FrostFixture.ids(1, 2), new byte[] {2});
  }

  @Test
  void abortIsTerminal() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 3, 9);
    Map<PartyId, FrostSignParty> parties =
        f.parties(FrostFixture.ids(1, 2), new byte[] {1}, SessionId.random(f.rng));
    FrostSignParty p1 = parties.get(PartyId.of(1));
    p1.start();
    var wrongSession = new dev.keyshard.mpc.Envelope<>(SessionId.random(f.rng),
        dev.keyshard.mpc.ProtocolId.FROST_SIGN, 1, PartyId.of(2), null,
        parties.get(PartyId.of(2)).start().get(0).body());
    assertThrows(ProtocolAbort.class, () -> p1.receive(wrongSession));
    assertThrows(IllegalStateException.class, () -> p1.receive(wrongSession));
    assertTrue(p1.waitingFor().isEmpty());
  }

  @Test
  void signatureEncodingRoundTrips() throws Exception {
    FrostFixture f = FrostFixture.numbered(suite(), 2, 2, 10);
    Signature s = f.sign(FrostFixture.ids(1, 2), new byte[] {3}).get(PartyId.of(2));
    Signature decoded = suite().decodeSignature(s.toBytes());
    assertEquals(s, decoded);
    assertArrayEquals(s.toBytes(), decoded.toBytes());
    assertThrows(InvalidSignatureException.class,
        () -> suite().decodeSignature(Arrays.copyOf(s.toBytes(), s.toBytes().length - 1)));
  }
}
