package dev.keyshard.mpc.frost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.local.LocalNetwork;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malicious signers and a malicious relay against {@link FrostSignParty}, over a
 * {@link LocalNetwork} that tampers with envelopes. Test names follow ATTACKS.md rows where one
 * applies. Every test asserts the abort reason and the culprits, and that no honest party outputs
 * a signature that does not verify. Byte-level tampering (truncated, oversized, identity points)
 * is in {@link FrostSignCodecAttackTest}.
 */
class FrostSignAttackTest {
  static final PartyId P1 = PartyId.of(1);
  static final PartyId P2 = PartyId.of(2);
  static final PartyId P3 = PartyId.of(3);
  static final PartyId P4 = PartyId.of(4);

  static Stream<FrostCiphersuite> suites() {
    return Stream.of(FrostCiphersuite.ed25519Sha512(), FrostCiphersuite.secp256k1Tr(),
        FrostCiphersuite.secp256k1Sha256());
  }

  /** {@code env} with its share replaced by {@code z + 1}, echo unchanged. */
  static Envelope<FrostSignMessage> corruptShare(Envelope<FrostSignMessage> env) {
    FrostSignMessage.Share s = (FrostSignMessage.Share) env.body();
    SignatureShare bad = SignatureShare.of(s.value().value().add(s.value().group().one()));
    return new Envelope<>(env.session(), env.protocol(), env.round(), env.from(), env.to(),
        new FrostSignMessage.Share(bad, s.viewDigest()));
  }

  static void assertAbort(Outcome<Signature> o, AbortReason reason, Set<PartyId> culprits) {
    assertTrue(o.aborted(), "expected an abort, got " + o);
    assertEquals(reason, o.abort().reason(), o.abort().getMessage());
    assertEquals(culprits, o.abort().culprits(), o.abort().getMessage());
    assertNull(o.result());
  }

  /** Whatever any party did output verifies: an honest party never outputs a bad signature. */
  static void assertNoInvalidOutput(FrostFixture f, Map<PartyId, Outcome<Signature>> outcomes,
      byte[] message) throws InvalidSignatureException {
    Point key = f.keys.publicKeys().groupKey();
    for (Outcome<Signature> o : outcomes.values()) {
      if (o.result() != null) {
        f.suite.verify(o.result(), message, key);
      }
    }
  }

  /** RFC 9591 §5.4 identifiable abort: a wrong share names exactly its sender, in any order. */
  @ParameterizedTest
  @MethodSource("suites")
  void invalidSignatureShareNamesExactlyTheCheater(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 4, 20);
    byte[] message = {1, 2, 3};
    for (int order = 0; order < 6; order++) {
      Set<PartyId> signers = FrostFixture.ids(1, 2, 3);
      LocalNetwork<FrostSignMessage, Signature> net =
          f.network(f.parties(signers, message, SessionId.random(f.rng)))
              .intercept((e, to) -> List.of(e.from().equals(P2)
                  && e.body() instanceof FrostSignMessage.Share ? corruptShare(e) : e));
      if (order > 0) {
        net.shuffle(new Random(order));
      }
      Map<PartyId, Outcome<Signature>> outcomes = net.runAll();
      assertAbort(outcomes.get(P1), AbortReason.INVALID_SIGNATURE_SHARE, Set.of(P2));
      assertAbort(outcomes.get(P3), AbortReason.INVALID_SIGNATURE_SHARE, Set.of(P2));
      assertNoInvalidOutput(f, outcomes, message);
    }
  }

  /** Shares that are in hand together are judged together: every bad signer is named. */
  @ParameterizedTest
  @MethodSource("suites")
  void everyBadSignerInABatchIsNamed(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 4, 4, 21);
    Map<PartyId, FrostSignParty> parties =
        f.parties(FrostFixture.ids(1, 2, 3, 4), new byte[] {9}, SessionId.random(f.rng));
    Map<PartyId, Envelope<FrostSignMessage>> commits = new java.util.TreeMap<>();
    parties.forEach((id, p) -> commits.put(id, p.start().get(0)));
    // P2, P3, P4 complete round one and sign; P2 and P3 send wrong shares.
    Map<PartyId, Envelope<FrostSignMessage>> shares = new java.util.TreeMap<>();
    for (PartyId id : FrostFixture.ids(2, 3, 4)) {
      List<Envelope<FrostSignMessage>> out = new ArrayList<>();
      for (PartyId from : commits.keySet()) {
        if (!from.equals(id)) {
          out.addAll(parties.get(id).receive(commits.get(from)));
        }
      }
      shares.put(id, id.equals(P4) ? out.get(0) : corruptShare(out.get(0)));
    }
    // P1 gets all shares early (held), then its last commitment: one batch, two culprits.
    FrostSignParty p1 = parties.get(P1);
    p1.receive(commits.get(P2));
    p1.receive(commits.get(P3));
    for (Envelope<FrostSignMessage> s : shares.values()) {
      assertTrue(p1.receive(s).isEmpty());
    }
    ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> p1.receive(commits.get(P4)));
    assertEquals(AbortReason.INVALID_SIGNATURE_SHARE, abort.reason());
    assertEquals(Set.of(P2, P3), abort.culprits());
    assertFalse(p1.isDone());
  }

  /** ATTACKS.md, tss-lib CVE-2022-47930 (proof replay across sessions). */
  @ParameterizedTest
  @MethodSource("suites")
  void proofReplayAcrossSessionsIsRejected(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 3, 22);
    byte[] message = {5};
    Set<PartyId> signers = FrostFixture.ids(1, 2, 3);
    List<Envelope<FrostSignMessage>> recorded = new ArrayList<>();
    f.network(f.parties(signers, message, SessionId.random(f.rng))).intercept((e, to) -> {
      if (e.from().equals(P2) && e.round() == 1) {
        recorded.add(e);
      }
      return List.of(e);
    }).run();
    Envelope<FrostSignMessage> old = recorded.get(0);

    // The whole envelope from session A, replayed into session B.
    Map<PartyId, Outcome<Signature>> outcomes =
        f.network(f.parties(signers, message, SessionId.random(f.rng)))
            .intercept((e, to) -> List.of(e.from().equals(P2) && e.round() == 1 ? old : e))
            .runAll();
    assertAbort(outcomes.get(P1), AbortReason.UNEXPECTED_MESSAGE, Set.of(P2));
    assertAbort(outcomes.get(P3), AbortReason.UNEXPECTED_MESSAGE, Set.of(P2));

    // A relay re-wraps the old body in a session-B header: P2 signs its real commitments, the
    // others the replayed ones, so P2's echo differs and P2's message is the one named.
    outcomes = f.network(f.parties(signers, message, SessionId.random(f.rng)))
        .intercept((e, to) -> List.of(e.from().equals(P2) && e.round() == 1
            ? new Envelope<>(e.session(), e.protocol(), 1, P2, null, old.body()) : e))
        .runAll();
    assertAbort(outcomes.get(P1), AbortReason.ECHO_MISMATCH, Set.of(P2));
    assertAbort(outcomes.get(P3), AbortReason.ECHO_MISMATCH, Set.of(P2));
    assertNoInvalidOutput(f, outcomes, message);
  }

  /**
   * ATTACKS.md, ToB DKLs23 audit (echo-broadcast consistency). P3 sends one set of commitments to
   * P1 and another to P2. What is detected: every signer echoes a digest of the view it signed
   * with its share, so P2 sees P1's and P3's echoes differ from its own and aborts ECHO_MISMATCH;
   * P1 sees P2's echo differ and aborts naming P2, unless P2 aborted before sending its share, in
   * which case P1 waits for P2 and the node's timeout names P2. Nobody outputs a signature. Who
   * equivocated cannot be proven: without transferable signatures on round-one messages P1 cannot
   * tell whether P2 or P3 lied, so each names the echoer it disagrees with.
   */
  @ParameterizedTest
  @MethodSource("suites")
  void echoBroadcastConsistencyCatchesEquivocatedCommitments(FrostCiphersuite suite)
      throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 3, 3, 23);
    byte[] message = {6};
    SigningCommitments other = SigningCommitments.of(
        suite.group().multiplyGenerator(suite.group().randomScalar(f.rng)),
        suite.group().multiplyGenerator(suite.group().randomScalar(f.rng)));
    for (int order = 0; order < 4; order++) {
      Map<PartyId, FrostSignParty> parties =
          f.parties(FrostFixture.ids(1, 2, 3), message, SessionId.random(f.rng));
      LocalNetwork<FrostSignMessage, Signature> net = f.network(parties)
              .intercept((e, to) -> List.of(e.from().equals(P3) && e.round() == 1 && to.equals(P2)
                  ? new Envelope<>(e.session(), e.protocol(), 1, P3, null,
                      new FrostSignMessage.Commitments(other))
                  : e));
      if (order > 0) {
        net.shuffle(new Random(order));
      }
      Map<PartyId, Outcome<Signature>> outcomes = net.runAll();
      for (Outcome<Signature> o : outcomes.values()) {
        assertNull(o.result(), "no signature when views diverge");
      }
      assertTrue(outcomes.get(P2).aborted(), "P2 was lied to");
      assertEquals(AbortReason.ECHO_MISMATCH, outcomes.get(P2).abort().reason());
      assertTrue(Set.of(P1, P3).containsAll(outcomes.get(P2).abort().culprits()));
      // P1 names P2, or — when P2 aborted on entering round two, before sending its share — is
      // left waiting for P2, which the node's timeout reports.
      if (outcomes.get(P1).aborted()) {
        assertAbort(outcomes.get(P1), AbortReason.ECHO_MISMATCH, Set.of(P2));
      } else {
        assertEquals(Set.of(P2), parties.get(P1).waitingFor());
      }
    }
  }

  /** ATTACKS.md, FROST coordinator as signing oracle: signers given different messages. */
  @ParameterizedTest
  @MethodSource("suites")
  void coordinatorSigningOracleDifferentMessagesNeverSign(FrostCiphersuite suite)
      throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 2, 24);
    SessionId session = SessionId.random(f.rng);
    Map<PartyId, FrostSignParty> parties = new java.util.TreeMap<>();
    parties.put(P1, new FrostSignParty(suite, f.keys.of(P1), FrostFixture.ids(1, 2),
        "pay Alice 1".getBytes(), session, f.rng));
    parties.put(P2, new FrostSignParty(suite, f.keys.of(P2), FrostFixture.ids(1, 2),
        "pay Mallory 100".getBytes(), session, f.rng));
    Map<PartyId, Outcome<Signature>> outcomes = f.network(parties).runAll();
    assertAbort(outcomes.get(P1), AbortReason.ECHO_MISMATCH, Set.of(P2));
    assertAbort(outcomes.get(P2), AbortReason.ECHO_MISMATCH, Set.of(P1));
  }

  /** STYLE.md §2.4: a different second message for one round is EQUIVOCATION. */
  @ParameterizedTest
  @MethodSource("suites")
  void roundTwoSentTwiceWithDifferentContentIsEquivocation(FrostCiphersuite suite)
      throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 3, 3, 25);
    byte[] message = {7};
    // FIFO delivery: P3 finishes round one first, so P1 and P2 still wait when its two shares land.
    Map<PartyId, Outcome<Signature>> outcomes =
        f.network(f.parties(FrostFixture.ids(1, 2, 3), message, SessionId.random(f.rng)))
            .intercept((e, to) -> e.from().equals(P3) && e.round() == 2
                ? List.of(e, corruptShare(e)) : List.of(e))
            .runAll();
    assertAbort(outcomes.get(P1), AbortReason.EQUIVOCATION, Set.of(P3));
    assertAbort(outcomes.get(P2), AbortReason.EQUIVOCATION, Set.of(P3));
    assertNoInvalidOutput(f, outcomes, message);

    // The same while the recipient is still in round one (held as an early message).
    Map<PartyId, FrostSignParty> parties =
        f.parties(FrostFixture.ids(1, 2, 3), message, SessionId.random(f.rng));
    var c1 = parties.get(P1).start().get(0);
    var c2 = parties.get(P2).start().get(0);
    parties.get(P3).start();
    parties.get(P3).receive(c1);
    Envelope<FrostSignMessage> share3 = parties.get(P3).receive(c2).get(0);
    FrostSignParty p1 = parties.get(P1);
    p1.receive(share3);
    ProtocolAbort abort = assertThrows(ProtocolAbort.class, () -> p1.receive(corruptShare(share3)));
    assertEquals(AbortReason.EQUIVOCATION, abort.reason());
    assertEquals(Set.of(P3), abort.culprits());
  }

  /** A party in the committee but not among the signers, or outside it, is not heard. */
  @ParameterizedTest
  @MethodSource("suites")
  void signerOutsideTheSignerSetIsUnexpected(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 3, 26);
    byte[] message = {8};
    for (PartyId intruder : List.of(P3, PartyId.of(9))) {
      for (int round : new int[] {1, 2}) {
        Map<PartyId, FrostSignParty> parties =
            f.parties(FrostFixture.ids(1, 2), message, SessionId.random(f.rng));
        Map<PartyId, Outcome<Signature>> outcomes = f.network(parties).intercept((e, to) -> {
          if (e.from().equals(P2) && e.round() == round && to.equals(P1)) {
            return List.of(new Envelope<>(e.session(), e.protocol(), round, intruder, null,
                e.body()), e);
          }
          return List.of(e);
        }).runAll();
        assertAbort(outcomes.get(P1), AbortReason.UNEXPECTED_MESSAGE, Set.of(intruder));
        assertNoInvalidOutput(f, outcomes, message);
      }
    }
  }

  /** ATTACKS.md, Vultisig relay-controlled message identity: a dropped share names the sender. */
  @ParameterizedTest
  @MethodSource("suites")
  void maliciousRelayDroppingAShareLeavesTheSenderNamed(FrostCiphersuite suite) {
    FrostFixture f = FrostFixture.numbered(suite, 2, 3, 27);
    Map<PartyId, FrostSignParty> parties =
        f.parties(FrostFixture.ids(1, 2, 3), new byte[] {1}, SessionId.random(f.rng));
    LocalNetwork<FrostSignMessage, Signature> net = f.network(parties).intercept((e, to) ->
        e.from().equals(P2) && e.round() == 2 && to.equals(P1) ? List.of() : List.of(e));
    assertThrows(IllegalStateException.class, net::runAll, "P1 stalls");
    assertEquals(Set.of(P2), parties.get(P1).waitingFor());
    assertFalse(parties.get(P1).isDone());
    assertTrue(parties.get(P3).isDone());
  }

  /** RFC 9591 §5.2: nonces are used once; a second use throws instead of leaking the share. */
  @ParameterizedTest
  @MethodSource("suites")
  void nonceReuseIsImpossible(FrostCiphersuite suite) throws Exception {
    FrostFixture f = FrostFixture.numbered(suite, 2, 2, 28);
    var share1 = f.keys.of(P1).signingShare();
    var share2 = f.keys.of(P2).signingShare();
    SigningNonces n1 = Round1.commit(suite, share1, f.rng);
    SigningNonces n2 = Round1.commit(suite, share2, f.rng);
    VerifyingKeys keys = VerifyingKeys.of(suite, f.keys.publicKeys());
    SigningPackage pkg = SigningPackage.build(keys,
        Map.of(P1, n1.commitments(), P2, n2.commitments()), new byte[] {1}, P1, n1);
    Round2.sign(pkg, P1, share1, n1);
    assertTrue(n1.isDestroyed());
    assertThrows(IllegalStateException.class, () -> Round2.sign(pkg, P1, share1, n1));
    assertThrows(IllegalStateException.class, () -> n1.consume(suite.group().one(), false));
    SigningPackage other = SigningPackage.build(keys,
        Map.of(P1, n1.commitments(), P2, n2.commitments()), new byte[] {2}, P2, null);
    assertThrows(IllegalStateException.class, () -> Round2.sign(other, P1, share1, n1),
        "not even for another message");
    assertEquals("SigningNonces[redacted]", n2.toString());
  }
}
