package dev.keyshard.mpc.dkls23;

import static dev.keyshard.mpc.dkls23.Dkls23Tamper.G;
import static dev.keyshard.mpc.dkls23.Dkls23Tamper.is;
import static dev.keyshard.mpc.dkls23.Dkls23Tamper.withBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Commit;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Extend;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Reveal;
import dev.keyshard.mpc.dkls23.Dkls23SignMessage.Share;
import dev.keyshard.mpc.local.LocalNetwork;
import dev.keyshard.mpc.local.LocalNetwork.Outcome;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cheating signers and a cheating relay against {@link Dkls23SignParty}, named after the ATTACKS.md
 * rows they cover (proof/message replay, Lindell17-style selective abort, broadcast consistency).
 * Every test asserts the reason and the culprits (or suspects, where DKLs23 cannot identify), that
 * no honest party outputs an invalid signature, and that no abort message carries a share.
 */
class Dkls23SignAttackTest {
  static final PartyId P1 = PartyId.of(1);
  static final PartyId P2 = PartyId.of(2);
  static final PartyId P3 = PartyId.of(3);
  static final Set<PartyId> PAIR = Set.of(P1, P2);

  static void assertAbort(Dkls23Fixture f, Outcome<EcdsaSignature> o, AbortReason reason,
      Set<PartyId> culprits, boolean identified) {
    assertTrue(o.aborted(), "expected an abort, got " + o);
    assertEquals(reason, o.abort().reason(), o.abort().getMessage());
    assertEquals(culprits, o.abort().culprits(), o.abort().getMessage());
    assertEquals(identified, o.abort().identified(), o.abort().getMessage());
    assertNull(o.result());
    String text = o.abort().getMessage().toLowerCase();
    for (Dkls23KeyShare s : f.shares.values()) {
      String hex = HexFormat.of().formatHex(s.signingShare().toBytes(InsecureSecretAccess.get()));
      assertFalse(text.contains(hex.substring(0, 12)), "abort message leaks a share");
    }
  }

  /** Whatever any party output verifies. */
  static void assertNoInvalidOutput(Dkls23Fixture f, Map<PartyId, Outcome<EcdsaSignature>> out,
      byte[] hash) throws Exception {
    for (Outcome<EcdsaSignature> o : out.values()) {
      if (o.result() != null) {
        Dkls23Fixture.assertValid(o.result(), f.publicKey(), hash);
      }
    }
  }

  static Map<PartyId, Outcome<EcdsaSignature>> run(Dkls23Fixture f, Set<PartyId> signers,
      byte[] hash, LocalNetwork.Interceptor<Dkls23SignMessage> interceptor) throws Exception {
    Map<PartyId, Outcome<EcdsaSignature>> out =
        f.network(f.signers(signers, hash, null)).intercept(interceptor).runAll();
    assertNoInvalidOutput(f, out, hash);
    return out;
  }

  /** KOS15 check (ATTACKS.md, Lindell17 abort): a bit of u, x̂ or t̂ flipped by Bob. */
  @ParameterizedTest
  @ValueSource(ints = {0, 5000, 19968, 26649})
  void extensionThatFailsTheKosCheckNamesBobAndBurnsThePair(int offset) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 2, 50 + offset);
    byte[] hash = f.hash("kos");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        is(e, P2, P1, Extend.class) ? withBody(e, new Extend(((Extend) e.body()).nonce(),
            uncheck(() -> Dkls23Tamper.flipExtendBit(((Extend) e.body()).extend(),
                Math.min(offset, Dkls23SignCodec.EXTEND_BYTES - 1))))) : e));
    assertAbort(f, out.get(P1), AbortReason.OT_CONSISTENCY_CHECK_FAILED, Set.of(P2), true);
    // The pair is burned: P1 refuses to sign with P2 again (the abort may have leaked a Δ bit).
    assertTrue(f.shares.get(P1).peer(P2).asAlice().isBurned());
    assertThrows(IllegalStateException.class, () -> f.signers(PAIR, hash, null));
  }

  /**
   * ATTACKS.md, Lindell17 abort: the burn survives storage. After P2 fails P1's KOS check, P1's
   * share is encoded and decoded; the reloaded share still refuses P2 (else each reload would let
   * P2 probe another bit of Δ), keeps no Δ for P2, and still signs with P3.
   */
  @Test
  void burnedPairSurvivesEncodingAndIsRefusedAfterReload() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 80);
    byte[] hash = f.hash("kos-reload");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        is(e, P2, P1, Extend.class) ? withBody(e, new Extend(((Extend) e.body()).nonce(),
            uncheck(() -> Dkls23Tamper.flipExtendBit(((Extend) e.body()).extend(), 0)))) : e));
    assertAbort(f, out.get(P1), AbortReason.OT_CONSISTENCY_CHECK_FAILED, Set.of(P2), true);
    assertTrue(f.shares.get(P1).peer(P2).asAlice().isBurned());

    byte[] bytes = Dkls23KeyShareCodec.encode(f.shares.get(P1), InsecureSecretAccess.get());
    var proto = dev.keyshard.mpc.proto.Dkls23KeyShareProto.parseFrom(bytes);
    for (var peer : proto.getPeersList()) {
      assertEquals(peer.getPeer() == 2, peer.getOtAsAliceBurned(), "peer " + peer.getPeer());
      assertEquals(peer.getPeer() == 2, peer.getOtAsAlice().isEmpty(), "peer " + peer.getPeer());
    }
    Dkls23KeyShare reloaded = Dkls23KeyShareCodec.decode(bytes, InsecureSecretAccess.get());
    assertTrue(reloaded.peer(P2).asAlice().isBurned());
    assertFalse(reloaded.peer(P3).asAlice().isBurned());
    assertTrue(java.util.Arrays.equals(bytes,
        Dkls23KeyShareCodec.encode(reloaded, InsecureSecretAccess.get())));

    Map<PartyId, Dkls23KeyShare> shares = new java.util.TreeMap<>(f.shares);
    shares.put(P1, reloaded);
    Dkls23Fixture g = Dkls23Fixture.fromShares(f.committee, shares, TestRandom.seeded(80, "r"));
    byte[] again = g.hash("kos-reload-again");
    IllegalStateException refused =
        assertThrows(IllegalStateException.class, () -> g.signers(PAIR, again, null));
    assertTrue(refused.getMessage().contains("P2"), refused.getMessage());
    // The unburned pair still signs from the reloaded share.
    EcdsaSignature sig = g.network(g.signers(Set.of(P1, P3), again, null)).run().get(P1);
    Dkls23Fixture.assertValid(sig, g.publicKey(), again);
  }

  /** A base-OT sender that deviates at key generation is named at the first signing. */
  @Test
  void baseOtDeviationAtKeygenIsCaughtByTheFirstSigning() throws Exception {
    var rng = TestRandom.seeded(60, "keygen");
    var committee = dev.keyshard.mpc.Committee.numbered(2, 3);
    var net = Dkls23Fixture.keygenNetwork(committee, SessionId.random(rng), rng)
        .intercept((e, to) -> {
          if (e.from().equals(P2) && P1.equals(e.to())
              && e.body() instanceof Dkls23KeygenMessage.Round1Direct) {
            var d = (Dkls23KeygenMessage.Round1Direct) e.body();
            // P2 announces A' = A + G but keeps its own key a: its base-OT outputs are no longer
            // the ones P1 can derive.
            var fake = uncheck(() -> dev.keyshard.crypto.ot.BaseOtSenderMessage.decode(
                G.decodePoint(d.asSender().toBytes()).add(G.generator()).toBytes()));
            return List.of(new Envelope<>(e.session(), e.protocol(), e.round(), e.from(), e.to(),
                new Dkls23KeygenMessage.Round1Direct(fake, d.asReceiver(),
                    d.zeroSeedCommitment())));
          }
          return List.of(e);
        });
    Map<PartyId, Dkls23KeyShare> shares = net.run(); // base OTs have no checkable output
    Dkls23Fixture f = Dkls23Fixture.fromShares(committee, shares, TestRandom.seeded(60, "s"));
    byte[] hash = f.hash("base-ot");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(e));
    assertAbort(f, out.get(P1), AbortReason.OT_CONSISTENCY_CHECK_FAILED, Set.of(P2), true);
    // The pairs without P2's deviation still sign.
    EcdsaSignature sig = f.network(f.signers(Set.of(P1, P3), hash, null)).run().get(P1);
    Dkls23Fixture.assertValid(sig, f.publicKey(), hash);
  }

  /** Protocol 5.2 check: a correction vector that is not one correlation. */
  @Test
  void inconsistentVoleCorrelationNamesAlice() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] hash = f.hash("vole");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        is(e, P2, P1, Reveal.class) ? withBody(e, Dkls23Tamper.reveal((Reveal) e.body(),
            p -> p.vole(uncheck(() -> Dkls23Tamper.shiftATilde(p.vole(), 100, 300, 0,
                G.one()))))) : e));
    assertAbort(f, out.get(P1), AbortReason.VOLE_CHECK_FAILED, Set.of(P2), true);
  }

  /** Protocol 5.2 check: a tampered check hash μ or check value η. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void tamperedVoleCheckValueNamesAlice(boolean mu) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] hash = f.hash("mu");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, Set.of(P1, P3), hash, (e, to) -> List.of(
        is(e, P3, P1, Reveal.class) ? withBody(e, Dkls23Tamper.reveal((Reveal) e.body(), p -> {
          byte[] m = p.vole().mu();
          var eta = p.vole().eta();
          if (mu) {
            m[0] ^= 1;
          } else {
            eta[0] = eta[0].add(G.one());
          }
          return p.vole(uncheck(() -> VoleTransfer.decode(p.vole().aliceNonce(), p.vole().aTildeBytes(), eta, m)));
        })) : e));
    assertAbort(f, out.get(P1), AbortReason.VOLE_CHECK_FAILED, Set.of(P3), true);
  }

  /** Γ^u or Γ^v that do not match the VOLE (Protocol 3.6 consistency checks). */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void inconsistentGammaNamesTheSender(boolean nonce) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] hash = f.hash("gamma");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        is(e, P2, P1, Reveal.class) ? withBody(e, Dkls23Tamper.reveal((Reveal) e.body(),
            p -> nonce ? p.gammaU(p.gammaU().add(G.generator()))
                : p.gammaV(p.gammaV().add(G.generator())))) : e));
    assertAbort(f, out.get(P1), nonce ? AbortReason.NONCE_CONSISTENCY_CHECK_FAILED
        : AbortReason.KEY_CONSISTENCY_CHECK_FAILED, Set.of(P2), true);
  }

  /**
   * A signer commits to and reveals R′ = R + G but feeds r into the VOLE: the commitment opens,
   * the VOLE passes, and the first consistency check (χ·R_j − Γ^u = d^u·G) names it. Driven by
   * hand: the cheater learns its R from its own round 2 before its commitment reaches P1.
   */
  @Test
  void nonceThatIsNotTheVoleInputNamesTheSender() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] hash = f.hash("nonce");
    Map<PartyId, Dkls23SignParty> parties = f.signers(PAIR, hash, null);
    Dkls23SignParty p1 = parties.get(P1);
    Dkls23SignParty p2 = parties.get(P2);
    List<Envelope<Dkls23SignMessage>> fromP1 = p1.start();
    List<Envelope<Dkls23SignMessage>> fromP2 = p2.start();
    Envelope<Dkls23SignMessage> p2Reveal = null;
    for (Envelope<Dkls23SignMessage> e : fromP1) {
      for (Envelope<Dkls23SignMessage> out : p2.receive(e)) {
        p2Reveal = out;
      }
    }
    Reveal honest = (Reveal) p2Reveal.body();
    var fakeNonce = honest.nonce().add(G.generator());
    byte[] salt = new byte[32];
    byte[] fakeCommitment = HashCommitment.commit(SignContext.NONCE_COMMITMENT,
        p2.sessionBinding(), P2, null, fakeNonce.toBytes(), salt);
    Envelope<Dkls23SignMessage> p1Reveal = null;
    for (Envelope<Dkls23SignMessage> e : fromP2) {
      Envelope<Dkls23SignMessage> sent =
          e.body() instanceof Commit ? withBody(e, new Commit(fakeCommitment)) : e;
      for (Envelope<Dkls23SignMessage> out : p1.receive(sent)) {
        p1Reveal = out;
      }
    }
    // The cheater does not need P1's reveal (its own honest code would now see P1 echo c_2′).
    assertTrue(p1Reveal != null);
    byte[] echo = honest.echo(); // P2 echoes its fake commitment too: [c_1, c_2′]
    System.arraycopy(fakeCommitment, 0, echo, 32, 32);
    Envelope<Dkls23SignMessage> cheat = withBody(p2Reveal,
        Dkls23Tamper.reveal(honest, p -> p.nonce(fakeNonce).salt(salt).echo(echo)));
    dev.keyshard.mpc.ProtocolAbort abort =
        assertThrows(dev.keyshard.mpc.ProtocolAbort.class, () -> p1.receive(cheat));
    assertAbort(f, new Outcome<>(null, abort), AbortReason.NONCE_CONSISTENCY_CHECK_FAILED,
        Set.of(P2), true);
  }

  /** R_j that does not open the commitment (Protocol 3.6, round 3). */
  @Test
  void nonceThatDoesNotOpenItsCommitmentNamesTheSender() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 2, 1);
    byte[] hash = f.hash("open");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        is(e, P2, P1, Reveal.class) ? withBody(e, Dkls23Tamper.reveal((Reveal) e.body(),
            p -> p.salt(new byte[32]))) : e));
    assertAbort(f, out.get(P1), AbortReason.INVALID_COMMITMENT, Set.of(P2), true);
  }

  /** ATTACKS.md, ToB DKLs23 broadcast consistency: different commitments to different signers. */
  @Test
  void equivocatedCommitmentIsCaughtByTheEcho() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(3, 5, 1);
    byte[] hash = f.hash("echo");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, Set.of(P1, P2, P3), hash, (e, to) ->
        List.of(is(e, P2, null, Commit.class) && to.equals(P3)
            ? withBody(e, new Commit(new byte[32])) : e));
    assertAbort(f, out.get(P1), AbortReason.ECHO_MISMATCH, Set.of(P2, P3), false);
    assertAbort(f, out.get(P3), AbortReason.ECHO_MISMATCH, Set.of(P1, P2), false);
  }

  /** A key share inconsistent with the public key: VOLE and Γ pass, Σpk_j ≠ P does not. */
  @Test
  void wrongKeyShareIsCaughtButNotIdentified() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(3, 5, 1);
    Dkls23Fixture bad = f.withCorruptedShare(P2);
    byte[] hash = f.hash("pk");
    Map<PartyId, Outcome<EcdsaSignature>> out =
        bad.network(bad.signers(Set.of(P1, P2, P3), hash, null)).runAll();
    assertNoInvalidOutput(f, out, hash);
    assertAbort(f, out.get(P1), AbortReason.PUBLIC_KEY_MISMATCH, Set.of(P2, P3), false);
    assertAbort(f, out.get(P3), AbortReason.PUBLIC_KEY_MISMATCH, Set.of(P1, P2), false);
  }

  /** A wrong final share: no signature comes out, and DKLs23 cannot say who. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void wrongFinalShareGivesNoSignature(boolean u) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 2, 1);
    byte[] hash = f.hash("final");
    Map<PartyId, Outcome<EcdsaSignature>> out = run(f, PAIR, hash, (e, to) -> List.of(
        is(e, P2, null, Share.class) ? withBody(e, new Share(
            u ? ((Share) e.body()).u().add(G.one()) : ((Share) e.body()).u(),
            u ? ((Share) e.body()).w() : ((Share) e.body()).w().add(G.one()))) : e));
    assertAbort(f, out.get(P1), AbortReason.INVALID_SIGNATURE, Set.of(P2), false);
    assertTrue(out.get(P2).result() != null);
  }

  /** Bodies handed to a party without the codec are shape-checked too. */
  @Test
  void wrongLengthsWithoutTheCodecAreRefused() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(2, 3, 1);
    byte[] hash = f.hash("shape");
    Map<PartyId, Dkls23SignParty> parties = f.signers(PAIR, hash, null);
    Dkls23SignParty p1 = parties.get(P1);
    p1.start();
    Envelope<Dkls23SignMessage> commit = parties.get(P2).start().get(0);
    var abort = assertThrows(dev.keyshard.mpc.ProtocolAbort.class,
        () -> p1.receive(withBody(commit, new Commit(new byte[31]))));
    assertEquals(AbortReason.WRONG_LENGTH, abort.reason());
    assertEquals(Set.of(P2), abort.culprits());
  }

  interface Failing<T> {
    T get() throws Exception;
  }

  static <T> T uncheck(Failing<T> f) {
    try {
      return f.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
