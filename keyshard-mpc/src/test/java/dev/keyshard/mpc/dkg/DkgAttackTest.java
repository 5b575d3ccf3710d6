package dev.keyshard.mpc.dkg;

import static dev.keyshard.mpc.dkg.DkgFixture.p;
import static dev.keyshard.mpc.dkg.DkgTamper.assertAbort;
import static dev.keyshard.mpc.dkg.DkgTamper.assertNoResult;
import static dev.keyshard.mpc.dkg.DkgTamper.bumped;
import static dev.keyshard.mpc.dkg.DkgTamper.commitment;
import static dev.keyshard.mpc.dkg.DkgTamper.deliverRound1;
import static dev.keyshard.mpc.dkg.DkgTamper.isRound;
import static dev.keyshard.mpc.dkg.DkgTamper.resized;
import static dev.keyshard.mpc.dkg.DkgTamper.withBody;
import static dev.keyshard.mpc.dkg.DkgTamper.withProof;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.local.LocalNetwork;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cheating party against honest ones, one test per ATTACKS.md row that applies to the DKG. Each
 * asserts the abort reason and the culprit set at the honest parties, and that no honest party
 * obtains a result. Messages go through the wire codec (LocalNetwork) unless the test says it
 * delivers directly, which is how an in-process composition would hand bodies over.
 */
class DkgAttackTest {

  static Stream<Group> groups() {
    return Stream.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
  }

  // ---- ATTACKS.md: tss-lib CVE-2022-47930 family, proof replay; FROST rogue-key ----

  @ParameterizedTest
  @MethodSource("groups")
  void proofReplay_invalidProofOfKnowledge_isInvalidProofNamingSender(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 1);
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
        isRound(e, 1, 1) ? withBody(e, withProof(commitment(e), bumped(g, commitment(e))))
            : e)).runAll();
    assertAbort(out, Set.of(p(2), p(3)), AbortReason.INVALID_PROOF, Set.of(p(1)));
    assertNoResult(f, out);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void proofReplay_proofCopiedFromAnotherParty_isInvalidProof(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 2);
    // P1's genuine round-1 message, from a twin with the same randomness.
    DkgMessage.Commitment p1 = commitment(f.freshParty(p(1), "party").start().get(0));
    // P2's own commitment with P1's proof.
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
        isRound(e, 2, 1) ? withBody(e, withProof(commitment(e), p1.proofOfKnowledge())) : e))
        .runAll();
    assertAbort(out, Set.of(p(1), p(3)), AbortReason.INVALID_PROOF, Set.of(p(2)));
    assertNoResult(f, out);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void proofReplay_wholeCommitmentCopiedFromAnotherParty_isInvalidProof(Group g)
      throws Exception {
    // The rogue-key attempt: P2 claims P1's polynomial (commitment and proof) as its own.
    DkgFixture f = new DkgFixture(g, 2, 3, 3);
    DkgMessage.Commitment p1 = commitment(f.freshParty(p(1), "party").start().get(0));
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
        isRound(e, 2, 1) ? withBody(e, p1) : e)).runAll();
    assertAbort(out, Set.of(p(1), p(3)), AbortReason.INVALID_PROOF, Set.of(p(2)));
    assertNoResult(f, out);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void proofReplay_round1FromAnotherSession_isRejected(Group g) throws Exception {
    DkgFixture old = new DkgFixture(g, 2, 2, 4);
    Envelope<DkgMessage> replayed = old.party(1).start().get(0);

    // As sent in the old session: the envelope's session id gives it away.
    DkgFixture now = new DkgFixture(g, 2, 2, 5);
    now.party(2).start();
    ProtocolAbort a = assertThrows(ProtocolAbort.class, () -> now.party(2).receive(replayed));
    assertEquals(AbortReason.UNEXPECTED_MESSAGE, a.reason());
    assertEquals(Set.of(p(1)), a.culprits());

    // Re-wrapped under the new session id: the proof's transcript binds the old session.
    DkgFixture again = new DkgFixture(g, 2, 2, 5);
    again.party(2).start();
    Envelope<DkgMessage> rewrapped = new Envelope<>(again.session, ProtocolId.FROST_DKG, 1, p(1),
        null, replayed.body());
    a = assertThrows(ProtocolAbort.class, () -> again.party(2).receive(rewrapped));
    assertEquals(AbortReason.INVALID_PROOF, a.reason());
    assertEquals(Set.of(p(1)), a.culprits());
    assertThrows(IllegalStateException.class, () -> again.party(2).result());
  }

  // ---- ATTACKS.md: Pedersen DKG threshold-raise (ToB 2024, ZF frost#600), wrong length ----

  @ParameterizedTest
  @MethodSource("groups")
  void thresholdRaise_longerShorterOrEmptyCommitment_isWrongLength(Group g) throws Exception {
    for (int delta : new int[] {+1, +5, -1, -3}) {
      DkgFixture f = new DkgFixture(g, 3, 4, 6);
      Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
          isRound(e, 1, 1) ? withBody(e, resized(g, commitment(e), 3 + delta)) : e)).runAll();
      assertAbort(out, Set.of(p(2), p(3), p(4)), AbortReason.WRONG_LENGTH, Set.of(p(1)));
      assertNoResult(f, out);
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void thresholdRaise_wrongLengthDeliveredDirectly_isWrongLength(Group g) throws Exception {
    // Without the codec, the round itself must refuse the vector (no vacuous pass on empty).
    for (int length : new int[] {0, 1, 2, 4, 9}) {
      DkgFixture f = new DkgFixture(g, 3, 3, 7);
      Envelope<DkgMessage> bad = f.party(1).start().get(0);
      bad = withBody(bad, resized(g, commitment(bad), length));
      ProtocolAbort a = deliverRound1(f, p(2), bad);
      assertEquals(AbortReason.WRONG_LENGTH, a.reason(), "length " + length);
      assertEquals(Set.of(p(1)), a.culprits());
    }
  }

  @ParameterizedTest
  @MethodSource("groups")
  void identityCommitmentDeliveredDirectly_isMalformed(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 8);
    Envelope<DkgMessage> e = f.party(1).start().get(0);
    List<Point> points = new ArrayList<>(commitment(e).coefficients());
    points.set(1, g.identity());
    ProtocolAbort a = deliverRound1(f, p(2),
        withBody(e, new DkgMessage.Commitment(points, commitment(e).proofOfKnowledge())));
    assertEquals(AbortReason.MALFORMED, a.reason());
    assertEquals(Set.of(p(1)), a.culprits());
  }

  // ---- Feldman VSS: a share inconsistent with its commitment ----

  @ParameterizedTest
  @MethodSource("groups")
  void invalidShare_isInvalidShareNamingSenderAtRecipient(Group g) throws Exception {
    for (int[] fromTo : new int[][] {{1, 2}, {3, 1}, {2, 3}}) {
      DkgFixture f = new DkgFixture(g, 2, 3, 9);
      PartyId from = p(fromTo[0]);
      PartyId victim = p(fromTo[1]);
      Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
          e.round() == 3 && e.from().equals(from) && to.equals(victim)
              ? withBody(e, new DkgMessage.Share(
                  ((DkgMessage.Share) e.body()).value().add(g.one())))
              : e)).runAll();
      assertAbort(out, Set.of(victim), AbortReason.INVALID_SHARE, Set.of(from));
      assertNoResult(f, out);
      // The others wait for the victim's confirmation: nobody finishes.
      for (PartyId id : f.committee.others(victim)) {
        assertEquals(Set.of(victim), f.parties.get(id).waitingFor());
      }
    }
  }

  // ---- ATTACKS.md: ToB DKLs23 audit, broadcast consistency (echo) ----

  @ParameterizedTest
  @MethodSource("groups")
  void broadcastConsistency_differentCommitmentsToDifferentParties_isEchoMismatch(Group g)
      throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 10);
    // A second, fully valid round-1 message for P1 in the same session (another polynomial).
    DkgMessage.Commitment other = commitment(f.freshParty(p(1), "equivocation").start().get(0));
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
        isRound(e, 1, 1) && to.equals(p(3)) ? withBody(e, other) : e)).runAll();
    for (PartyId honest : List.of(p(2), p(3))) {
      ProtocolAbort a = out.get(honest).abort();
      assertTrue(a != null, honest + " must abort");
      assertEquals(AbortReason.ECHO_MISMATCH, a.reason());
      assertTrue(a.culprits().contains(p(1)), a.getMessage());
      assertFalse(a.culprits().contains(honest));
    }
    assertEquals(Set.of(p(1), p(3)), out.get(p(2)).abort().culprits());
    assertNoResult(f, out);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void secondDifferentMessageForOneRound_isEquivocation(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 11);
    DkgMessage.Commitment other = commitment(f.freshParty(p(1), "equivocation").start().get(0));
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) ->
        isRound(e, 1, 1) && to.equals(p(2)) ? List.of(e, withBody(e, other)) : List.of(e))
        .runAll();
    assertAbort(out, Set.of(p(2)), AbortReason.EQUIVOCATION, Set.of(p(1)));
    assertNoResult(f, out);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void identicalRedelivery_isIgnored(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 3, 4, 12);
    Map<PartyId, DkgResult> results = f.network()
        .intercept((e, to) -> List.of(e, e, e)).shuffle(new Random(3)).run();
    DkgChecks.checkResults(f.committee, results, new Random(3));
  }

  // ---- ATTACKS.md: ToB DKLs23 audit, keygen ends with a confirm round ----

  @ParameterizedTest
  @MethodSource("groups")
  void confirmRound_differentConfirmation_isConfirmationMismatch(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 13);
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
        isRound(e, 1, 4) && to.equals(p(2))
            ? withBody(e, new DkgMessage.Confirmation(new byte[32])) : e)).runAll();
    assertAbort(out, Set.of(p(2)), AbortReason.CONFIRMATION_MISMATCH, Set.of(p(1)));
    // The victim withholds its key share; it is destroyed, never returned.
    assertThrows(IllegalStateException.class, () -> f.party(2).result());
  }

  // ---- Liveness: a silent party is named, nobody finishes ----

  @ParameterizedTest
  @MethodSource("groups")
  void silentParty_othersAreNotDoneAndNameIt(Group g) {
    for (int silentFrom : new int[] {1, 3, 4}) {
      DkgFixture f = new DkgFixture(g, 2, 3, 14);
      LocalNetwork<DkgMessage, DkgResult> net = f.network().intercept((e, to) ->
          e.from().equals(p(3)) && e.round() >= silentFrom ? List.of() : List.of(e));
      assertThrows(IllegalStateException.class, net::runAll); // stalled, nobody aborted
      for (PartyId id : List.of(p(1), p(2))) {
        DkgParty party = f.parties.get(id);
        assertFalse(party.isDone());
        assertEquals(Set.of(p(3)), party.waitingFor(), "round " + silentFrom);
        assertThrows(IllegalStateException.class, party::result);
      }
    }
  }

  // ---- State machine: terminal after abort; headers checked before the body ----

  @ParameterizedTest
  @MethodSource("groups")
  void afterAbort_noKeyShareIsObtainableAndThePartyIsTerminal(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 15);
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> List.of(
        e.round() == 3 && to.equals(p(2))
            ? withBody(e, new DkgMessage.Share(((DkgMessage.Share) e.body()).value()
                .add(g.one())))
            : e)).runAll();
    assertTrue(out.get(p(2)).aborted());
    DkgParty victim = f.party(2);
    assertFalse(victim.isDone());
    assertThrows(IllegalStateException.class, victim::result);
    assertEquals(Set.of(), victim.waitingFor());
    assertThrows(IllegalStateException.class, () -> victim.receive(new Envelope<>(f.session,
        ProtocolId.FROST_DKG, 4, p(1), null, new DkgMessage.Confirmation(new byte[32]))));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void unknownSenderWrongRoundAndWrongRecipient_areRejectedBeforeTheBody(Group g)
      throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 16);
    DkgMessage body = f.party(1).start().get(0).body();
    f.party(2).start();
    ProtocolAbort a = assertThrows(ProtocolAbort.class, () -> f.party(2).receive(
        new Envelope<>(f.session, ProtocolId.FROST_DKG, 1, p(9), null, body)));
    assertEquals(AbortReason.UNEXPECTED_MESSAGE, a.reason());
    assertEquals(Set.of(p(9)), a.culprits());

    DkgFixture f2 = new DkgFixture(g, 2, 3, 16);
    f2.party(2).start();
    a = assertThrows(ProtocolAbort.class, () -> f2.party(2).receive(
        new Envelope<>(f2.session, ProtocolId.FROST_DKG, 5, p(1), null, body)));
    assertEquals(AbortReason.WRONG_ROUND, a.reason());
    assertEquals(Set.of(p(1)), a.culprits());

    DkgFixture f3 = new DkgFixture(g, 2, 3, 16);
    f3.party(2).start();
    a = assertThrows(ProtocolAbort.class, () -> f3.party(2).receive(
        new Envelope<>(f3.session, ProtocolId.FROST_DKG, 1, p(1), p(3), body)));
    assertEquals(AbortReason.UNEXPECTED_MESSAGE, a.reason());
    assertEquals(Set.of(p(1)), a.culprits());
  }

  @ParameterizedTest
  @MethodSource("groups")
  void echoNotCoveringTheCommittee_isWrongLength(Group g) throws Exception {
    DkgFixture f = new DkgFixture(g, 2, 3, 17);
    Map<PartyId, Outcome<DkgResult>> out = f.network().intercept((e, to) -> {
      if (!isRound(e, 3, 2)) {
        return List.of(e);
      }
      SortedMap<PartyId, byte[]> d = ((DkgMessage.Echo) e.body()).digests();
      d.remove(p(1));
      return List.of(withBody(e, new DkgMessage.Echo(d)));
    }).runAll();
    assertAbort(out, Set.of(p(1), p(2)), AbortReason.WRONG_LENGTH, Set.of(p(3)));
    assertNoResult(f, out);
  }
}
