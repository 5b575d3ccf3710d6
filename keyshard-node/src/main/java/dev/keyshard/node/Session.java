package dev.keyshard.node;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.Party;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolMessage;
import dev.keyshard.node.proto.ConfirmProto;
import dev.keyshard.node.proto.FrameProto;
import dev.keyshard.node.proto.HelloProto;
import dev.keyshard.node.proto.ProtocolFrameProto;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * One device's view of a session among a fixed committee: the end-to-end security layer and the
 * loop that drives a sans-IO protocol over an untrusted {@link Transport}.
 *
 * <p>Three layers protect each frame. The session key (from the join code) seals every relay body,
 * as Vultisig does, so the relay sees ciphertext. Then, beyond Vultisig, each member has a fresh
 * Ed25519 identity, announced in a signed hello and bound into the session transcript; every frame
 * is signed by its sender over the transcript, phase, round header and content, so another member
 * holding the session key can neither forge nor replay a frame; and point-to-point envelopes are
 * sealed again under a key only the two ends derive (X25519, HKDF over the transcript), so other
 * members cannot read them.
 *
 * <p>Not thread-safe: one session, one thread.
 */
final class Session {
  static final String HELLO = "hello";
  static final String CONFIRM = "confirm";
  private static final long POLL_MIN_MS = 15;
  private static final long POLL_MAX_MS = 250;
  /** Re-post what this member sent when nothing new arrives for this long (a relay lost it). */
  private static final long REPOST_AFTER_MS = 3000;

  private final Transport transport;
  private final String sessionId;
  private final byte[] sessionKey;
  private final SessionIdentity identity;
  private final String self;
  private final List<String> committee;
  private final SecureRandom rng;
  private final Map<String, byte[]> identityKeys = new LinkedHashMap<>();
  private final Map<String, byte[]> exchangeKeys = new LinkedHashMap<>();
  private final Map<String, PartyId> parties = new LinkedHashMap<>();
  private final PartyId selfParty;
  /** Each member's party number when every device knows it beforehand (a new vault), else null. */
  private Map<String, PartyId> expectedParties;
  private final Set<String> seen = new HashSet<>();
  /** What this member sent in the phases it finished: a peer may still wait for one of them. */
  private final Map<String, List<Outgoing>> finished = new LinkedHashMap<>();
  /** Posts the relay did not take yet, with their phases. */
  private final Map<Outgoing, String> unsent = new LinkedHashMap<>();
  private byte[] transcript;

  /**
   * @param selfParty the party number this member takes: its place in the committee when a vault
   *     is made, its place in the vault when signing; announced in its hello
   */
  Session(Transport transport, String sessionId, byte[] sessionKey, SessionIdentity identity,
      String self, List<String> committee, PartyId selfParty, SecureRandom rng) {
    if (!committee.contains(self) || committee.stream().distinct().count() != committee.size()) {
      throw new IllegalArgumentException("the committee must hold this member once");
    }
    this.transport = transport;
    this.sessionId = sessionId;
    this.sessionKey = sessionKey.clone();
    this.identity = identity;
    this.self = self;
    this.committee = List.copyOf(committee);
    this.selfParty = selfParty;
    this.rng = rng;
  }

  String self() {
    return self;
  }

  /**
   * Declares every member's party number before the hellos, as when a vault is made (a member's
   * place in the committee): a hello claiming another number is then blamed on its sender alone,
   * whichever hello arrives first.
   */
  void expectParties(Map<String, PartyId> expected) {
    if (!expected.keySet().equals(new HashSet<>(committee)) || !selfParty.equals(expected.get(self))
        || new HashSet<>(expected.values()).size() != expected.size()) {
      throw new IllegalArgumentException("expected party numbers must be distinct, one per member, "
          + "and include this member's own");
    }
    this.expectedParties = Map.copyOf(expected);
  }

  List<String> committee() {
    return committee;
  }

  /** The party number a member announced. */
  PartyId partyOf(String member) {
    requireHellos();
    return parties.get(member);
  }

  String memberOf(PartyId id) {
    requireHellos();
    for (Map.Entry<String, PartyId> e : parties.entrySet()) {
      if (e.getValue().equals(id)) {
        return e.getKey();
      }
    }
    return "party " + id.value();
  }

  /** Every member's party number. */
  java.util.Set<PartyId> partyNumbers() {
    requireHellos();
    return new java.util.TreeSet<>(parties.values());
  }

  /** The session transcript (after {@link #exchangeHellos}): every member's keys, in order. */
  byte[] transcript() {
    requireHellos();
    return transcript.clone();
  }

  /** A short code of the transcript for people to compare across their devices. */
  String fingerprint() {
    String h = HexFormat.of().formatHex(transcript(), 0, 6);
    return h.substring(0, 4) + "-" + h.substring(4, 8) + "-" + h.substring(8, 12);
  }

  /**
   * Announces this member's identity and collects everyone's.
   *
   * @param initiator the member who made the join code, whose identity key it carries
   * @throws SessionException a bad hello (culprit named), the initiator's key not the join code's,
   *     or the deadline
   */
  void exchangeHellos(String initiator, byte[] initiatorKey, Deadline deadline) throws SessionException {
    byte[] id = identity.identityKey();
    byte[] kx = identity.exchangeKey();
    HelloProto hello = HelloProto.newBuilder().setMember(self).setParty(selfParty.value())
        .setIdentityKey(ByteString.copyFrom(id)).setExchangeKey(ByteString.copyFrom(kx))
        .setSignature(ByteString.copyFrom(identity.sign(helloMessage(self, selfParty.value(), id, kx))))
        .build();
    identityKeys.put(self, id);
    exchangeKeys.put(self, kx);
    parties.put(self, selfParty);
    List<Outgoing> sent = List.of(post(HELLO, others(), FrameProto.newBuilder().setHello(hello).build()));
    loop(HELLO, deadline, sent, () -> identityKeys.size() == committee.size(),
        () -> missing(identityKeys.keySet()), (from, frame) -> {
          if (!frame.hasHello()) {
            throw bad(from, "sent something other than a hello");
          }
          HelloProto h = frame.getHello();
          byte[] hid = h.getIdentityKey().toByteArray();
          byte[] hkx = h.getExchangeKey().toByteArray();
          if (!h.getMember().equals(from) || !SessionIdentity.verify(hid,
              helloMessage(from, h.getParty(), hid, hkx), h.getSignature().toByteArray())) {
            throw bad(from, "sent a hello with a bad signature");
          }
          PartyId claimed;
          try {
            claimed = PartyId.of(h.getParty());
          } catch (IllegalArgumentException e) {
            throw bad(from, "claimed no valid party number");
          }
          if (expectedParties != null && !claimed.equals(expectedParties.get(from))) {
            throw bad(from, "claimed party " + claimed.value() + ", not its place "
                + expectedParties.get(from).value());
          }
          for (Map.Entry<String, PartyId> other : parties.entrySet()) {
            if (!other.getKey().equals(from) && other.getValue().equals(claimed)) {
              // Nothing tells which of the two is honest, so both are named, in either order.
              List<String> both = new ArrayList<>(List.of(other.getKey(), from));
              both.remove(self);
              throw new SessionException(other.getKey() + " and " + from + " both claimed party "
                  + claimed.value(), both);
            }
          }
          parties.put(from, claimed);
          byte[] known = identityKeys.get(from);
          if (known != null && !Arrays.equals(known, hid)) {
            throw bad(from, "announced two different identities");
          }
          identityKeys.put(from, hid);
          exchangeKeys.put(from, hkx);
          return true;
        });
    if (!Arrays.equals(identityKeys.get(initiator), initiatorKey)) {
      throw new SessionException("the session's initiator is not the one whose join code this is",
          List.of(initiator));
    }
    Transcript t = Transcript.of("keyshard/session/v1").append("session", sessionId);
    for (String m : committee) {
      t.append("member", m).appendInt("party", parties.get(m).value())
          .append("identity", identityKeys.get(m)).append("exchange", exchangeKeys.get(m));
    }
    transcript = t.digest();
  }

  /**
   * Runs {@code party} to its result over the phase's queues.
   *
   * @throws SessionException a protocol abort (its culprits named), a bad frame, or the deadline
   *     (naming who the protocol still waits for)
   */
  <M extends ProtocolMessage, R> R run(String phase, Party<M, R> party, EnvelopeCodec<M> codec,
      Deadline deadline) throws SessionException {
    requireHellos();
    List<Outgoing> sent = new ArrayList<>();
    sendAll(phase, party.start(), codec, sent);
    loop(phase, deadline, sent, party::isDone, () -> {
      List<String> late = new ArrayList<>();
      party.waitingFor().forEach(p -> late.add(memberOf(p)));
      return late;
    }, (from, frame) -> {
      ProtocolFrameProto f = frame.getProtocol();
      // The relay's "from" is a claim anyone holding the session key can make: only a frame that
      // verifies under that member's key is that member's. Anything else, and that member's own
      // frames replayed from another phase or addressed to another member, is ignored, not blamed.
      if (!frame.hasProtocol()
          || !SessionIdentity.verify(identityKeys.get(from), frameMessage(f), f.getSignature().toByteArray())
          || !f.getPhase().equals(phase) || (f.getTo() != 0 && f.getTo() != partyOf(self).value())) {
        return false;
      }
      PartyId sender = partyOf(from);
      if (f.getFrom() != sender.value()) {
        throw bad(from, "sent a frame with a bad signature or header");
      }
      byte[] envelope = f.getEnvelope().toByteArray();
      if (f.getSealed()) {
        envelope = Aead.open(pairKey(from, self), envelope, pairAd(phase, from, self));
        if (envelope == null) {
          throw bad(from, "sent a point-to-point frame that does not open");
        }
      } else if (f.getTo() != 0) {
        throw bad(from, "sent a point-to-point frame in the clear");
      }
      try {
        Envelope<M> e = codec.decode(sender, envelope);
        if ((e.to() == null) != (f.getTo() == 0)) {
          throw bad(from, "framed a message for another recipient");
        }
        sendAll(phase, party.receive(e), codec, sent);
        return true;
      } catch (ProtocolAbort a) {
        List<String> culprits = new ArrayList<>();
        a.culprits().forEach(p -> culprits.add(memberOf(p)));
        throw new SessionException(phase + " aborted: " + a.getMessage(), culprits, a);
      }
    });
    return party.result();
  }

  /**
   * The last step: every member signs a digest of its result, and all must agree, so no member
   * keeps a result another does not hold.
   */
  void confirm(byte[] digest, Deadline deadline) throws SessionException {
    confirm(CONFIRM, digest, other -> "finished with a different result", deadline);
  }

  /**
   * As {@link #confirm(byte[], Deadline)} in its own phase (a session may agree several times),
   * with {@code explain} wording why a member whose digest differs is named.
   */
  void confirm(String phase, byte[] digest, java.util.function.Function<byte[], String> explain,
      Deadline deadline) throws SessionException {
    requireHellos();
    int me = partyOf(self).value();
    ConfirmProto c = ConfirmProto.newBuilder().setFrom(me).setResultDigest(ByteString.copyFrom(digest))
        .setSignature(ByteString.copyFrom(identity.sign(confirmMessage(phase, me, digest)))).build();
    Set<String> agreed = new HashSet<>(List.of(self));
    List<Outgoing> sent = List.of(post(phase, others(), FrameProto.newBuilder().setConfirm(c).build()));
    loop(phase, deadline, sent, () -> agreed.size() == committee.size(), () -> missing(agreed),
        (from, frame) -> {
          ConfirmProto x = frame.getConfirm();
          if (!frame.hasConfirm() || !SessionIdentity.verify(identityKeys.get(from),
              confirmMessage(phase, x.getFrom(), x.getResultDigest().toByteArray()),
              x.getSignature().toByteArray())) {
            return false; // not made by that member (see run): ignored, not blamed
          }
          if (x.getFrom() != partyOf(from).value()) {
            throw bad(from, "sent a bad confirmation");
          }
          if (!Arrays.equals(x.getResultDigest().toByteArray(), digest)) {
            throw new SessionException(from + " " + explain.apply(x.getResultDigest().toByteArray()),
                List.of(from));
          }
          agreed.add(from);
          return true;
        });
  }

  // --- the loop ---

  @FunctionalInterface
  private interface Handler {
    /** @return false for a frame ignored as not its claimed sender's (it is no progress) */
    boolean handle(String from, FrameProto frame) throws SessionException;
  }

  @FunctionalInterface
  private interface Waiting {
    List<String> who();
  }

  private record Outgoing(List<String> to, String body, String hash) {}

  private void loop(String phase, Deadline deadline, List<Outgoing> sent,
      java.util.function.BooleanSupplier done, Waiting waiting, Handler handler) throws SessionException {
    long pause = POLL_MIN_MS;
    long quietSince = System.nanoTime();
    while (!done.getAsBoolean()) {
      if (Thread.currentThread().isInterrupted()) {
        // Stopped on this device: not a silent peer's doing, so nobody is named.
        throw new SessionException(phase + " interrupted on this device", List.of());
      }
      if (deadline.passed()) {
        List<String> silent = waiting.who();
        throw new SessionTimeoutException(phase, silent, withParties(silent));
      }
      for (Map.Entry<Outgoing, String> u : List.copyOf(unsent.entrySet())) {
        tryPost(u.getValue(), u.getKey());
      }
      List<Transport.Delivery> batch;
      try {
        batch = transport.poll(phase);
      } catch (SessionException e) {
        // The relay's own retries are spent; keep trying until the deadline.
        batch = List.of();
      }
      boolean progressed = false;
      for (Transport.Delivery d : batch) {
        if (!seen.add(phase + "\n" + d.hash())) {
          continue;
        }
        FrameProto frame = open(phase, d);
        if (frame != null) {
          // Ignored frames are no progress: an insider's noise must not put off re-posts.
          progressed |= handler.handle(d.from(), frame);
        }
        try {
          transport.ack(phase, d.hash());
        } catch (SessionException e) {
          // Harmless: a re-delivery is recognised by its hash.
        }
        if (done.getAsBoolean()) {
          break;
        }
      }
      if (progressed) {
        pause = POLL_MIN_MS;
        quietSince = System.nanoTime();
      } else {
        if ((System.nanoTime() - quietSince) / 1_000_000 > REPOST_AFTER_MS) {
          for (Outgoing o : List.copyOf(sent)) {
            tryPost(phase, o);
          }
          // This member's last message of an earlier phase may be the one a relay lost, and the
          // peers still in that phase cannot move on without it.
          for (Map.Entry<String, List<Outgoing>> e : finished.entrySet()) {
            for (Outgoing o : e.getValue()) {
              tryPost(e.getKey(), o);
            }
          }
          quietSince = System.nanoTime();
        }
        sleep(Math.min(pause, deadline.remainingMillis()));
        pause = Math.min(pause * 2, POLL_MAX_MS);
      }
    }
    // Done here, but the step is not over while the relay lacks this member's messages: the
    // peers may need the very last one. Keep offering them until taken or the deadline.
    long pause2 = POLL_MIN_MS;
    while (!unsent.isEmpty()) {
      if (deadline.passed()) {
        throw new SessionTimeoutException(phase + " (the relay did not take this device's last"
            + " messages)", List.of());
      }
      for (Map.Entry<Outgoing, String> u : List.copyOf(unsent.entrySet())) {
        tryPost(u.getValue(), u.getKey());
      }
      if (!unsent.isEmpty()) {
        sleep(Math.min(pause2, deadline.remainingMillis()));
        pause2 = Math.min(pause2 * 2, POLL_MAX_MS);
      }
    }
    finished.put(phase, List.copyOf(sent));
  }

  /** The frame inside a delivery; null for anything not sealed under the session key. */
  private FrameProto open(String phase, Transport.Delivery d) {
    if (!committee.contains(d.from()) || d.from().equals(self)) {
      return null;
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(d.body());
    } catch (IllegalArgumentException e) {
      return null;
    }
    byte[] plain = Aead.open(sessionKey, sealed, relayAd(phase));
    if (plain == null) {
      // Not from a holder of the session key: the relay or a stranger. Ignore, do not blame.
      return null;
    }
    try {
      return FrameProto.parseFrom(plain);
    } catch (InvalidProtocolBufferException e) {
      return null;
    }
  }

  private <M extends ProtocolMessage> void sendAll(String phase, List<Envelope<M>> out,
      EnvelopeCodec<M> codec, List<Outgoing> sent) throws SessionException {
    int me = partyOf(self).value();
    for (Envelope<M> e : out) {
      byte[] bytes = codec.encode(e);
      ProtocolFrameProto.Builder f = ProtocolFrameProto.newBuilder().setPhase(phase).setFrom(me);
      List<String> to;
      if (e.isBroadcast()) {
        f.setTo(0).setSealed(false).setEnvelope(ByteString.copyFrom(bytes));
        to = others();
      } else {
        String peer = memberOf(e.to());
        f.setTo(e.to().value()).setSealed(true).setEnvelope(ByteString.copyFrom(
            Aead.seal(pairKey(self, peer), bytes, pairAd(phase, self, peer), rng)));
        to = List.of(peer);
      }
      ProtocolFrameProto signed = f.setSignature(ByteString.copyFrom(identity.sign(frameMessage(f.build()))))
          .build();
      Outgoing o = post(phase, to, FrameProto.newBuilder().setProtocol(signed).build());
      sent.add(o);
    }
  }

  private Outgoing post(String phase, List<String> to, FrameProto frame) throws SessionException {
    String body = Base64.getEncoder().encodeToString(
        Aead.seal(sessionKey, frame.toByteArray(), relayAd(phase), rng));
    // The name of a message is a hash of its content: a re-post is the same message.
    String hash = HexFormat.of().formatHex(Transcript.of("keyshard/relay-hash/v1")
        .append("body", body).digest(), 0, 16);
    Outgoing o = new Outgoing(to, body, hash);
    // A relay that stays unreachable past the client's retries is tried again on the next quiet
    // spell, as polls are, until the deadline: a member offline for a while catches up.
    tryPost(phase, o);
    return o;
  }

  private void tryPost(String phase, Outgoing o) {
    try {
      transport.post(phase, o.to(), o.body(), o.hash());
      unsent.remove(o);
    } catch (SessionException e) {
      // Retried on every turn of the loop (and again on quiet spells), until the deadline.
      unsent.put(o, phase);
    }
  }

  private List<String> others() {
    List<String> o = new ArrayList<>(committee);
    o.remove(self);
    return o;
  }

  /**
   * Members with the vault party they announced in their hello ({@code keyshard-1a2b3c4d (p2)}),
   * the name the user knows a device by; a member not heard from keeps its relay name alone.
   */
  private List<String> withParties(List<String> members) {
    List<String> shown = new ArrayList<>();
    for (String m : members) {
      PartyId p = parties.get(m);
      shown.add(p == null ? m : m + " (" + dev.keyshard.vault.KeyshardVaultShare.signerName(p) + ")");
    }
    return shown;
  }

  private List<String> missing(Set<String> have) {
    List<String> m = new ArrayList<>();
    for (String c : committee) {
      if (!have.contains(c)) {
        m.add(c);
      }
    }
    return m;
  }

  private SessionException bad(String from, String what) {
    return new SessionException(from + " " + what, List.of(from));
  }

  private void requireHellos() {
    if (transcript == null) {
      throw new IllegalStateException("exchange hellos first");
    }
  }

  private byte[] relayAd(String phase) {
    return Transcript.of("keyshard/relay-body/v1").append("session", sessionId).append("phase", phase)
        .digest();
  }

  private byte[] helloMessage(String member, int party, byte[] id, byte[] kx) {
    return Transcript.of("keyshard/hello/v1").append("session", sessionId).append("member", member)
        .appendInt("party", party).append("identity", id).append("exchange", kx).digest();
  }

  private byte[] frameMessage(ProtocolFrameProto f) {
    return Transcript.of("keyshard/frame/v1").append("transcript", transcript)
        .append("phase", f.getPhase()).appendInt("from", f.getFrom()).appendInt("to", f.getTo())
        .appendInt("sealed", f.getSealed() ? 1 : 0).append("envelope", f.getEnvelope().toByteArray())
        .digest();
  }

  private byte[] confirmMessage(String phase, int from, byte[] digest) {
    return Transcript.of("keyshard/confirm/v1").append("transcript", transcript)
        .append("phase", phase).appendInt("from", from).append("digest", digest).digest();
  }

  private byte[] pairAd(String phase, String from, String to) {
    return Transcript.of("keyshard/p2p-ad/v1").append("transcript", transcript).append("phase", phase)
        .append("from", from).append("to", to).digest();
  }

  /** The key for frames from {@code from} to {@code to}: one direction, this session only. */
  private byte[] pairKey(String from, String to) {
    String peer = from.equals(self) ? to : from;
    byte[] shared = identity.agree(exchangeKeys.get(peer));
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    byte[] info = ("keyshard/p2p/v1\n" + from + "\n" + to).getBytes(StandardCharsets.UTF_8);
    hkdf.init(new HKDFParameters(shared, transcript, info));
    byte[] key = new byte[32];
    hkdf.generateBytes(key, 0, 32);
    Arrays.fill(shared, (byte) 0);
    return key;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(Math.max(1, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** For tests. */
  Map<String, byte[]> identityKeys() {
    return new TreeMap<>(identityKeys);
  }
}
