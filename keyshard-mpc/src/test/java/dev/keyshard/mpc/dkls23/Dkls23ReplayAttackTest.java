package dev.keyshard.mpc.dkls23;

import static dev.keyshard.mpc.dkls23.Dkls23SignAttackTest.P1;
import static dev.keyshard.mpc.dkls23.Dkls23SignAttackTest.P2;
import static dev.keyshard.mpc.dkls23.Dkls23SignAttackTest.P3;
import static dev.keyshard.mpc.dkls23.Dkls23SignAttackTest.PAIR;
import static dev.keyshard.mpc.dkls23.Dkls23SignAttackTest.assertAbort;
import static dev.keyshard.mpc.dkls23.Dkls23SignAttackTest.run;
import static dev.keyshard.mpc.dkls23.Dkls23Tamper.is;
import static dev.keyshard.mpc.dkls23.Dkls23Tamper.withBody;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Commit;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Extend;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Reveal;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Share;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * ATTACKS.md, tss-lib proof/message replay (CVE-2022-47930 family): messages of one session
 * delivered in another, sessions run twice, and parties used after an abort.
 */
class Dkls23ReplayAttackTest {

  /** ATTACKS.md, tss-lib replay: a message of session A delivered in session B. */
  @Test
  void messagesFromAnotherSessionAreRefused() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 2, 70);
    byte[] hash = f.hash("replay");
    Map<Class<?>, Envelope<Dkls23SignMessage>> recorded = new java.util.HashMap<>();
    run(f, PAIR, hash, (e, to) -> {
      if (e.from().equals(P2)) {
        recorded.put(e.body().getClass(), e);
      }
      return List.of(e);
    });
    // As sent (session A header): refused before any maths.
    for (Class<?> type : List.of(Commit.class, Extend.class, Reveal.class, Share.class)) {
      Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
          e.from().equals(P2) && type.isInstance(e.body()) ? recorded.get(type) : e));
      assertAbort(f, out.get(P1), AbortReason.UNEXPECTED_MESSAGE, Set.of(P2), true);
    }
    // Header rewritten to session B: the body's bindings fail. A replayed commitment and reveal
    // open under A's binding only.
    for (Class<?> type : List.of(Commit.class, Reveal.class)) {
      Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
          e.from().equals(P2) && type.isInstance(e.body())
              ? withBody(e, recorded.get(type).body()) : e));
      // The echo in P2's reveal no longer matches the commitment P1 received from P2.
      assertAbort(f, out.get(P1), AbortReason.ECHO_MISMATCH, Set.of(P2), true);
    }
    // Commitment and reveal replayed together (a consistent pair from session A): the echo now
    // differs on P1's own commitment, which only P2 can have altered.
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        e.from().equals(P2) && (e.body() instanceof Commit || e.body() instanceof Reveal)
            ? withBody(e, recorded.get(e.body().getClass()).body()) : e));
    assertAbort(f, out.get(P1), AbortReason.ECHO_MISMATCH, Set.of(P2), true);
    // A replayed extension fails the KOS check (its PRG streams belong to A's session).
    out = run(f, PAIR, hash, (e, to) -> List.of(is(e, P2, P1, Extend.class)
        ? withBody(e, recorded.get(Extend.class).body()) : e));
    assertAbort(f, out.get(P1), AbortReason.OT_CONSISTENCY_CHECK_FAILED, Set.of(P2), true);
  }

  @Test
  void abortedPartyIsTerminalAndSessionsAreNotReused() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] hash = f.hash("terminal");
    Map<PartyId, Dkls23SignParty> parties = f.signers(PAIR, hash, null);
    Dkls23SignParty p1 = parties.get(P1);
    p1.start();
    List<Envelope<Dkls23SignMessage>> fromP2 = parties.get(P2).start();
    var commit = fromP2.get(0);
    // An extension in a broadcast envelope: refused before any maths.
    assertThrows(dev.keyshard.mpc.ProtocolAbort.class, () -> p1.receive(withBody(commit,
        fromP2.get(1).body())));
    assertThrows(IllegalStateException.class, () -> p1.receive(commit));
    // Same share, same session and message: refused (the OT streams would repeat).
    SessionId session = SessionId.random(f.rng);
    new Dkls23SignParty(f.shares.get(P3), Set.of(P1, P3), hash, session, f.rng);
    assertThrows(IllegalStateException.class,
        () -> new Dkls23SignParty(f.shares.get(P3), Set.of(P1, P3), hash, session, f.rng));
  }
}
