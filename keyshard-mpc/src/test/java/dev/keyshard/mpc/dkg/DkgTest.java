package dev.keyshard.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.vss.VssCommitment;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DKG's contract on honest runs, on both groups, through the wire codec. */
class DkgTest {

  static Stream<Arguments> shapes() {
    List<Arguments> out = new ArrayList<>();
    for (Group g : List.of(Secp256k1.INSTANCE, Ed25519.INSTANCE)) {
      for (int[] tn : new int[][] {{2, 2}, {2, 3}, {3, 5}, {16, 16}}) {
        out.add(Arguments.of(g, tn[0], tn[1]));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}-of-{2}")
  @MethodSource("shapes")
  void honestRunGivesOneKeyThatAnyThresholdReconstructs(Group group, int t, int n)
      throws ProtocolAbort {
    DkgFixture f = new DkgFixture(group, t, n, 1000L * t + n);
    Map<PartyId, DkgResult> results = f.network().run();
    DkgChecks.checkResults(f.committee, results, new Random(t * 31L + n));
  }

  @ParameterizedTest(name = "{0} {1}-of-{2}")
  @MethodSource("shapes")
  void shuffledDeliveryStillAgreesOnOneKey(Group group, int t, int n) throws ProtocolAbort {
    DkgFixture f = new DkgFixture(group, t, n, 7L * t + n);
    Map<PartyId, DkgResult> results = f.network().shuffle(new Random(n)).run();
    DkgChecks.checkResults(f.committee, results, new Random(n));
  }

  @Test
  void everySubsetOfThresholdSizeReconstructsAndSmallerOnesDoNot() throws ProtocolAbort {
    DkgFixture f = new DkgFixture(Secp256k1.INSTANCE, 3, 5, 42);
    Map<PartyId, DkgResult> results = f.network().run();
    PublicKeyPackage pk = results.get(DkgFixture.p(1)).publicKeys();
    List<KeyShare> all = new ArrayList<>();
    results.values().forEach(r -> all.add(r.keyShare()));
    for (int mask = 0; mask < 32; mask++) {
      List<KeyShare> subset = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        if ((mask & (1 << i)) != 0) {
          subset.add(all.get(i));
        }
      }
      if (subset.isEmpty()) {
        continue;
      }
      if (subset.size() >= 3) {
        assertEquals(pk.groupKey(), DkgFixture.interpolatedKey(subset), "subset " + mask);
      } else {
        assertNotEquals(pk.groupKey(), DkgFixture.interpolatedKey(subset), "subset " + mask);
      }
    }
  }

  @Test
  void nonContiguousIdsWork() throws ProtocolAbort {
    Committee c = Committee.of(2, DkgFixture.ids(3, 9, 200));
    DkgFixture f = new DkgFixture(Ed25519.INSTANCE, c, 5);
    DkgChecks.checkResults(c, f.network().run(), new Random(5));
  }

  @Test
  void groupCommitmentMatchesTheCryptoModulesEvaluation() throws ProtocolAbort {
    DkgFixture f = new DkgFixture(Ed25519.INSTANCE, 3, 4, 9);
    Map<PartyId, DkgResult> results = f.network().run();
    VssCommitment gc = results.get(DkgFixture.p(1)).groupCommitment();
    PublicKeyPackage pk = results.get(DkgFixture.p(1)).publicKeys();
    assertEquals(3, gc.threshold());
    assertEquals(pk.groupKey(), gc.groupKey());
    for (PartyId id : f.committee.parties()) {
      // VerifyingShares' small-integer Horner against VssCommitment's scalar Horner.
      assertEquals(gc.evaluate(id.toScalar(f.group)), pk.verifyingShare(id));
    }
  }

  @Test
  void differentSessionsGiveDifferentKeys() throws ProtocolAbort {
    DkgFixture a = new DkgFixture(Secp256k1.INSTANCE, 2, 3, 1);
    DkgFixture b = new DkgFixture(Secp256k1.INSTANCE, 2, 3, 2);
    assertNotEquals(a.network().run().get(DkgFixture.p(1)).publicKeys().groupKey(),
        b.network().run().get(DkgFixture.p(1)).publicKeys().groupKey());
  }

  @Test
  void constructorAndCallOrderAreChecked() {
    Committee c = Committee.numbered(2, 3);
    SessionId s = SessionId.random(new SeededRandom(1, "s"));
    assertThrows(IllegalArgumentException.class, () -> new DkgParty(Secp256k1.INSTANCE, c,
        PartyId.of(4), s, new SeededRandom(1, "r")));
    DkgParty p = new DkgParty(Secp256k1.INSTANCE, c, PartyId.of(1), s, new SeededRandom(1, "r"));
    assertThrows(IllegalStateException.class, p::result);
    assertEquals(c.others(PartyId.of(1)), p.waitingFor());
    p.start();
    assertThrows(IllegalStateException.class, p::start);
    assertThrows(IllegalStateException.class, p::result);
  }

  @Test
  void resultsPrintNoSecret() throws ProtocolAbort {
    DkgFixture f = new DkgFixture(Secp256k1.INSTANCE, 2, 2, 3);
    DkgResult r = f.network().run().get(DkgFixture.p(1));
    assertTrue(r.toString().contains("redacted"), r.toString());
    assertEquals(32, r.transcriptHash().length);
    assertArrayEquals(r.transcriptHash(), r.transcriptHash());
  }

  @Test
  void earlyMessagesAreHeldAndLateIdenticalCopiesIgnored() throws ProtocolAbort {
    DkgFixture f = new DkgFixture(Secp256k1.INSTANCE, 2, 3, 31);
    Envelope<DkgMessage> r1p1 = f.party(1).start().get(0);
    Envelope<DkgMessage> r1p2 = f.party(2).start().get(0);
    Envelope<DkgMessage> r1p3 = f.party(3).start().get(0);
    f.party(2).receive(r1p1);
    Envelope<DkgMessage> echoP2 = f.party(2).receive(r1p3).get(0);
    assertEquals(2, echoP2.round());

    // P1 is still in round 1: P2's echo is checked and held, nothing is sent yet.
    assertEquals(List.of(), f.party(1).receive(echoP2));
    assertEquals(Set.of(DkgFixture.p(2), DkgFixture.p(3)), f.party(1).waitingFor());
    assertEquals(List.of(), f.party(1).receive(r1p2));
    List<Envelope<DkgMessage>> echoP1 = f.party(1).receive(r1p3);
    assertEquals(1, echoP1.size());
    // Round 2 now waits only for P3: P2's held echo counted.
    assertEquals(Set.of(DkgFixture.p(3)), f.party(1).waitingFor());
    // A late identical copy of a round-1 message is ignored, not an abort.
    assertEquals(List.of(), f.party(1).receive(r1p2));

    ArrayDeque<Envelope<DkgMessage>> rest = new ArrayDeque<>(echoP1);
    rest.addAll(f.party(3).receive(r1p1));
    rest.addAll(f.party(3).receive(r1p2));
    f.party(1).receive(echoP2); // identical re-delivery of the held echo: ignored
    rest.add(echoP2);
    f.deliverAll(rest);
    Map<PartyId, DkgResult> results = new java.util.TreeMap<>();
    f.parties.forEach((id, p) -> results.put(id, p.result()));
    DkgChecks.checkResults(f.committee, results, new Random(31));
  }
}
