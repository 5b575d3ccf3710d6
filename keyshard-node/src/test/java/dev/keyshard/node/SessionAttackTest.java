package dev.keyshard.node;

import static dev.keyshard.node.SessionHarness.await;
import static dev.keyshard.node.SessionHarness.failsNaming;
import static dev.keyshard.node.SessionHarness.frostDkg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.node.proto.FrameProto;
import dev.keyshard.node.proto.HelloProto;
import dev.keyshard.node.proto.ProtocolFrameProto;
import dev.keyshard.relay.client.RelayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Member 3 is an insider: it holds the session key and its own session identity, and rewrites or
 * injects frames; sometimes a stranger without the key joins in. Members 1 and 2 are honest. Each
 * honest member either ends with the right key (when the attack is only noise) or stops with a
 * {@link SessionException} naming the insider — never an honest member, never a hang, never a
 * result from a session under attack.
 */
@Timeout(120)
class SessionAttackTest {
  static final Duration STEP = Duration.ofSeconds(6);
  static final String FROST = SessionHarness.FROST;
  final SessionHarness h = new SessionHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  /** Each member: hellos (waiting for {@code ready} first when given), then a FROST DKG. */
  List<Future<byte[]>> run(SessionHarness.Group g, Session... sessions) {
    List<Future<byte[]>> fs = new ArrayList<>();
    for (Session s : sessions) {
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        return frostDkg(s, 2, STEP);
      }));
    }
    return fs;
  }

  /** Rewrites the insider's own protocol frames in FROST (re-signed by it when {@code resign}). */
  static FaultyTransport.Rewrite protocolFrames(SessionHarness.Group g, Session insider,
      boolean pointToPointOnly, boolean resign, UnaryOperator<ProtocolFrameProto.Builder> change) {
    return (phase, to, body, index) -> {
      if (!phase.equals(FROST)) {
        return body;
      }
      FrameProto frame = g.open(phase, body);
      ProtocolFrameProto f = frame.getProtocol();
      if (pointToPointOnly && f.getTo() == 0) {
        return body;
      }
      ProtocolFrameProto.Builder b = change.apply(f.toBuilder());
      if (resign) {
        b.setSignature(ByteString.copyFrom(g.identities.get(insider.self()).sign(
            frameMessage(insider.transcript(), b.build()))));
      }
      return g.seal(phase, FrameProto.newBuilder().setProtocol(b).build());
    };
  }

  /** What a member signs for a protocol frame (the wire format, restated). */
  static byte[] frameMessage(byte[] transcript, ProtocolFrameProto f) {
    return Transcript.of("keyshard/frame/v1").append("transcript", transcript)
        .append("phase", f.getPhase()).appendInt("from", f.getFrom()).appendInt("to", f.getTo())
        .appendInt("sealed", f.getSealed() ? 1 : 0).append("envelope", f.getEnvelope().toByteArray())
        .digest();
  }

  /** Both honest members stop with a SessionException (of {@code type}) naming only the insider. */
  static void honestStopNamingInsider(SessionHarness.Group g, List<Future<byte[]>> fs,
      Class<? extends SessionException> type, String why) throws Exception {
    for (int i = 0; i < 2; i++) {
      SessionException e = failsNaming(fs.get(i), 30, type, g.member(3));
      assertTrue(e.getMessage().contains(why), e.getMessage());
    }
  }

  static void allAgree(List<Future<byte[]>> fs) throws Exception {
    List<byte[]> keys = new ArrayList<>();
    for (Future<byte[]> f : fs) {
      keys.add(await(f, 60));
    }
    for (byte[] k : keys) {
      assertArrayEquals(keys.get(0), k);
    }
  }

  @Test
  void aFrameClaimingAnotherMembersPartyNumberIsBlamedOnItsSigner() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    Session insider = g.session(3);
    // Member 3 signs, with its own key, frames that say they come from party 1.
    t3.rewrite = protocolFrames(g, insider, false, true, b -> b.setFrom(1));
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2), insider);
    honestStopNamingInsider(g, fs, SessionException.class, "bad signature or header");
  }

  @Test
  void aFrameWithABadSignatureNeverLeadsToAResultAndBlamesOnlyTheSender() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    Session insider = g.session(3);
    // Member 3's frames claim party 1 and keep member 3's signature over the original header.
    t3.rewrite = protocolFrames(g, insider, false, false, b -> b.setFrom(1));
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2), insider);
    // Unverifiable frames prove nothing about who made them: the honest members may ignore them
    // and time out waiting for member 3, or stop at once; either way only member 3 is named.
    for (int i = 0; i < 2; i++) {
      failsNaming(fs.get(i), 30, SessionException.class, g.member(3));
    }
  }

  @Test
  void framesPostedUnderAnotherMembersRelayIdDoNotFrameThatMember() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    List<Session> ss = List.of(g.session(1), g.session(2), g.session(3));
    // Hellos first, so the injected frames wait in member 2's FROST queue before it starts.
    List<Future<Void>> hs = new ArrayList<>();
    for (Session s : ss) {
      hs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        return null;
      }));
    }
    for (Future<Void> f : hs) {
      await(f, 30);
    }
    Session insider = ss.get(2);
    String honest1 = g.member(1);
    // The relay does not authenticate "from": the insider posts as member 1.
    ProtocolFrameProto.Builder forged = ProtocolFrameProto.newBuilder().setPhase(FROST).setFrom(1).setTo(0)
        .setSealed(false).setEnvelope(ByteString.copyFrom(SessionHarness.bytes(200)));
    forged.setSignature(ByteString.copyFrom(g.identities.get(insider.self())
        .sign(frameMessage(insider.transcript(), forged.build()))));
    g.inject(FROST, honest1, List.of(g.member(2)),
        g.seal(FROST, FrameProto.newBuilder().setProtocol(forged).build()));
    // A frame of the wrong kind in FROST, also "from" member 1.
    g.inject(FROST, honest1, List.of(g.member(2)), g.seal(FROST, FrameProto.newBuilder()
        .setHello(HelloProto.newBuilder().setMember(honest1).setParty(1)).build()));
    List<Future<byte[]>> fs = new ArrayList<>();
    for (Session s : ss) {
      fs.add(h.spawn(() -> frostDkg(s, 2, STEP)));
    }
    allAgree(fs);
  }

  @Test
  void aFrameReplayedFromAnotherSessionIsRejected() throws Exception {
    // An earlier session among the same devices; member 3 keeps what it sent and what member 1 sent.
    SessionHarness.Group old = h.new Group(3);
    FaultyTransport o1 = old.wrap(1, FaultyTransport::new);
    FaultyTransport o3 = old.wrap(3, FaultyTransport::new);
    allAgree(run(old, old.session(1), old.session(2), old.session(3)));
    FrameProto oldOfMember1 = old.open(FROST, o1.posted.get(FROST).get(0));
    FrameProto oldOfMember3 = old.open(FROST, o3.posted.get(FROST).get(0));
    assertTrue(oldOfMember1.hasProtocol() && oldOfMember3.hasProtocol());

    // A new session: member 3 sends its old frames instead of its new ones.
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    t3.rewrite = (phase, to, body, index) -> phase.equals(FROST)
        ? g.seal(phase, oldOfMember3) : body;
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2), g.session(3));
    for (int i = 0; i < 2; i++) {
      failsNaming(fs.get(i), 30, SessionException.class, g.member(3));
    }

    // Another new session: member 1's old frame, re-sealed under the new key, posted as member 1,
    // is noise, and the session completes.
    SessionHarness.Group g2 = h.new Group(3);
    FaultyTransport t2 = g2.wrap(2, FaultyTransport::new);
    boolean[] injected = new boolean[1];
    t2.rewrite = (phase, to, body, index) -> {
      if (phase.equals(FROST) && !injected[0]) {
        injected[0] = true;
        try {
          g2.inject(FROST, g2.member(1), List.of(g2.member(2), g2.member(3)),
              g2.seal(FROST, oldOfMember1));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return body;
    };
    allAgree(run(g2, g2.session(1), g2.session(2), g2.session(3)));
    assertTrue(injected[0]);
  }

  @Test
  void aPointToPointFrameInTheClearIsBlamedOnItsSender() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    Session insider = g.session(3);
    t3.rewrite = protocolFrames(g, insider, true, true, b -> b.setSealed(false));
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2), insider);
    honestStopNamingInsider(g, fs, SessionException.class, "in the clear");
  }

  @Test
  void aPointToPointFrameUnderTheWrongPairKeyIsBlamedOnItsSender() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    Session insider = g.session(3);
    t3.rewrite = protocolFrames(g, insider, true, true, b -> b.setEnvelope(ByteString.copyFrom(
        Aead.seal(SessionHarness.bytes(32), SessionHarness.bytes(300), new byte[0], SessionHarness.RNG))));
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2), insider);
    honestStopNamingInsider(g, fs, SessionException.class, "does not open");
  }

  @Test
  void aHelloClaimingAnotherPlaceThanItsOwnIsBlamedOnIt() throws Exception {
    // As when a vault is made: every device knows each member's place, so the claim is checked
    // against it and only the claimant is named, whichever hello arrives first.
    SessionHarness.Group g = h.new Group(3);
    List<Session> ss = List.of(g.session(1), g.session(2), g.session(3, PartyId.of(1)));
    java.util.Map<String, PartyId> places = java.util.Map.of(g.member(1), PartyId.of(1),
        g.member(2), PartyId.of(2), g.member(3), PartyId.of(3));
    ss.get(0).expectParties(places);
    ss.get(1).expectParties(places);
    List<Future<byte[]>> fs = run(g, ss.get(0), ss.get(1), ss.get(2));
    honestStopNamingInsider(g, fs, SessionException.class, "claimed party 1, not its place 3");
  }

  @Test
  void twoHellosClaimingOnePartyNumberNameBothClaimants() throws Exception {
    // As when signing: a member's party number is its own vault's to tell, so when two claim the
    // same one nothing shows which is honest. The third member names both, never only one.
    SessionHarness.Group g = h.new Group(3);
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2, PartyId.of(1)), g.session(3));
    java.util.concurrent.ExecutionException stopped = assertThrows(
        java.util.concurrent.ExecutionException.class,
        () -> fs.get(2).get(30, java.util.concurrent.TimeUnit.SECONDS));
    SessionException e = assertInstanceOf(SessionException.class, stopped.getCause());
    assertEquals(java.util.Set.of(g.member(1), g.member(2)), new java.util.HashSet<>(e.culprits()),
        e.getMessage());
    assertTrue(e.getMessage().contains("both claimed party 1"), e.getMessage());
  }

  @Test
  void aConfirmationOfAnotherResultStopsTheHonestMembers() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    List<Future<byte[]>> fs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Session s = g.session(i);
      boolean insider = i == 3;
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        byte[] key = frostDkg(s, 2, STEP);
        byte[] digest = Transcript.of("test/result").append("key", key).digest();
        if (insider) {
          digest[0] ^= 1;
        }
        s.confirm(digest, Deadline.in(STEP));
        return key;
      }));
    }
    honestStopNamingInsider(g, fs, SessionException.class, "different result");
  }

  @Test
  void junkFromStrangersAndGarbageBodiesAreIgnored() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    List<String> honest = List.of(g.member(1), g.member(2));
    List<String> bodies = List.of(
        Base64.getEncoder().encodeToString(SessionHarness.bytes(600)), // sealed under no key we know
        Base64.getEncoder().encodeToString(Aead.seal(SessionHarness.bytes(32), SessionHarness.bytes(64),
            SessionHarness.relayAd(g.sessionId, FROST), SessionHarness.RNG)), // another key
        "%%% not base64 at all %%%",
        "QUJD", // base64 of three bytes: shorter than a nonce and tag
        Base64.getEncoder().encodeToString(SessionHarness.bytes(1 << 20)), // a megabyte of noise
        // Sealed under the session key but for another phase, and garbage inside the seal.
        g.seal(Session.HELLO, FrameProto.getDefaultInstance()),
        Base64.getEncoder().encodeToString(Aead.seal(g.key, SessionHarness.bytes(100),
            SessionHarness.relayAd(g.sessionId, FROST), SessionHarness.RNG)));
    for (String phase : List.of(Session.HELLO, FROST)) {
      for (String b : bodies) {
        g.inject(phase, "stranger", honest, b);
        g.inject(phase, g.member(3), honest, b);
      }
    }
    // Bodies over the relay's limit never reach a queue.
    String huge = Base64.getEncoder().encodeToString(SessionHarness.bytes(9 << 20));
    assertThrows(RelayException.class, () -> h.client().post(g.sessionId, FROST,
        new dev.keyshard.relay.RelayMessage(g.sessionId, "stranger", honest, huge, "h", 0)));
    List<Future<byte[]>> fs = run(g, g.session(1), g.session(2), g.session(3));
    allAgree(fs);
    assertFalse(fs.get(0).isCancelled());
    assertEquals(3, fs.size());
  }
}
