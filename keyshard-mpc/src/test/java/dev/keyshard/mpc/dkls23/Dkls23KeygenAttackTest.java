package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkg.DkgMessage;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round1Broadcast;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round3Direct;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round4Broadcast;
import dev.keyshard.mpc.local.LocalNetwork;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Cheating parties against {@link Dkls23KeygenParty}: the DKLs23 additions (chain code, zero-share
 * seeds, confirmation) and the embedded DKG's own checks. Each test asserts reason and culprits,
 * and that no honest party outputs a share.
 */
class Dkls23KeygenAttackTest {
  static final PartyId P1 = PartyId.of(1);
  static final PartyId P2 = PartyId.of(2);
  static final PartyId P3 = PartyId.of(3);

  static Map<PartyId, Outcome<Dkls23KeyShare>> run(int t, int n, long seed,
      LocalNetwork.Interceptor<Dkls23KeygenMessage> interceptor) {
    var rng = TestRandom.seeded(seed, "keygen-attack");
    return Dkls23Fixture.keygenNetwork(Committee.numbered(t, n), SessionId.random(rng), rng)
        .intercept(interceptor).runAll();
  }

  static void assertAbort(Outcome<Dkls23KeyShare> o, AbortReason reason, Set<PartyId> culprits,
      boolean identified) {
    assertTrue(o.aborted(), "expected an abort, got " + o);
    assertEquals(reason, o.abort().reason(), o.abort().getMessage());
    assertEquals(culprits, o.abort().culprits(), o.abort().getMessage());
    assertEquals(identified, o.abort().identified());
    assertNull(o.result());
  }

  static Envelope<Dkls23KeygenMessage> with(Envelope<Dkls23KeygenMessage> e,
      Dkls23KeygenMessage body) {
    return new Envelope<>(e.session(), e.protocol(), e.round(), e.from(), e.to(), body);
  }

  static Round3Direct opening(Round3Direct m, byte[] chainCode, byte[] zeroSeed) {
    return new Round3Direct(new DkgMessage.Share(m.dkg().value().copy()),
        chainCode == null ? m.chainCode() : chainCode, m.chainCodeSalt(),
        zeroSeed == null ? m.zeroSeed() : zeroSeed, m.zeroSeedSalt());
  }

  @Test
  void chainCodeContributionThatDoesNotOpenNamesTheSender() {
    var out = run(2, 3, 1, (e, to) -> List.of(e.from().equals(P2) && e.body() instanceof
        Round3Direct && P1.equals(to)
        ? with(e, opening((Round3Direct) e.body(), new byte[32], null)) : e));
    assertAbort(out.get(P1), AbortReason.INVALID_COMMITMENT, Set.of(P2), true);
  }

  @Test
  void zeroSeedThatDoesNotOpenNamesTheSender() {
    var out = run(2, 2, 2, (e, to) -> List.of(e.from().equals(P2) && e.body() instanceof
        Round3Direct ? with(e, opening((Round3Direct) e.body(), null, new byte[32])) : e));
    assertAbort(out.get(P1), AbortReason.INVALID_COMMITMENT, Set.of(P2), true);
  }

  /** ATTACKS.md, ToB broadcast consistency: other chain-code commitments to other parties. */
  @Test
  void equivocatedChainCodeCommitmentIsCaughtByTheEcho() {
    var out = run(2, 3, 3, (e, to) -> {
      if (e.from().equals(P2) && e.body() instanceof Round1Broadcast && to.equals(P3)) {
        Round1Broadcast b = (Round1Broadcast) e.body();
        return List.of(with(e, new Round1Broadcast(b.dkg(), new byte[32])));
      }
      return List.of(e);
    });
    for (PartyId honest : List.of(P1, P3)) {
      Outcome<Dkls23KeyShare> o = out.get(honest);
      assertTrue(o.aborted());
      assertEquals(AbortReason.ECHO_MISMATCH, o.abort().reason(), o.abort().getMessage());
      assertFalse(o.abort().identified());
      assertTrue(o.abort().culprits().contains(P2));
    }
  }

  @Test
  void differentConfirmationNamesTheSender() {
    var out = run(2, 3, 4, (e, to) -> List.of(e.from().equals(P3) && e.body() instanceof
        Round4Broadcast ? with(e, new Round4Broadcast(((Round4Broadcast) e.body()).dkg(),
            new byte[32])) : e));
    assertAbort(out.get(P1), AbortReason.CONFIRMATION_MISMATCH, Set.of(P3), true);
    assertAbort(out.get(P2), AbortReason.CONFIRMATION_MISMATCH, Set.of(P3), true);
  }

  /** The embedded DKG's checks still apply: a proof of knowledge copied from another party. */
  @Test
  void dkgAbortsPropagateWithTheirCulprit() {
    var out = run(2, 3, 5, (e, to) -> {
      if (e.from().equals(P3) && e.body() instanceof Round1Broadcast) {
        Round1Broadcast b = (Round1Broadcast) e.body();
        var points = new java.util.ArrayList<>(b.dkg().coefficients());
        points.set(0, points.get(0).add(Dkls23Tamper.G.generator()));
        return List.of(with(e, new Round1Broadcast(
            new DkgMessage.Commitment(points, b.dkg().proofOfKnowledge()),
            b.chainCodeCommitment())));
      }
      return List.of(e);
    });
    assertAbort(out.get(P1), AbortReason.INVALID_PROOF, Set.of(P3), true);
    assertAbort(out.get(P2), AbortReason.INVALID_PROOF, Set.of(P3), true);
  }

  /** Shuffled delivery, repeated messages: an honest run still completes with one key. */
  @Test
  void shuffledAndDuplicatedDeliveryStillCompletes() throws Exception {
    var rng = TestRandom.seeded(6, "keygen-shuffle");
    Committee c = Committee.numbered(3, 4);
    Map<PartyId, Dkls23KeyShare> shares = Dkls23Fixture.keygenNetwork(c, SessionId.random(rng),
        rng).shuffle(new Random(6)).intercept((e, to) -> List.of(e, e)).run();
    assertEquals(1, shares.values().stream().map(Dkls23KeyShare::publicKey).distinct().count());
    assertEquals(1, shares.values().stream()
        .map(s -> java.util.HexFormat.of().formatHex(s.chainCode())).distinct().count());
  }

  @Test
  void receiveBeforeStartAndAfterAbortAreRefused() {
    var rng = TestRandom.seeded(7, "keygen-state");
    Committee c = Committee.numbered(2, 2);
    SessionId sid = SessionId.random(rng);
    Dkls23KeygenParty p1 = new Dkls23KeygenParty(c, P1, sid, rng);
    Dkls23KeygenParty p2 = new Dkls23KeygenParty(c, P2, sid, rng);
    var fromP2 = p2.start();
    assertThrows(IllegalStateException.class, () -> p1.receive(fromP2.get(0)));
    p1.start();
    assertThrows(IllegalStateException.class, p1::start);
    // A round-1 broadcast body in a round-2 envelope: WRONG_ROUND, then terminal.
    var wrong = new Envelope<>(sid, fromP2.get(0).protocol(), 2, P2, null, fromP2.get(0).body());
    var abort = assertThrows(dev.keyshard.mpc.ProtocolAbort.class, () -> p1.receive(wrong));
    assertEquals(AbortReason.WRONG_ROUND, abort.reason());
    assertThrows(IllegalStateException.class, () -> p1.receive(fromP2.get(0)));
    assertThrows(IllegalArgumentException.class,
        () -> new Dkls23KeygenParty(c, PartyId.of(3), sid, rng));
  }
}
