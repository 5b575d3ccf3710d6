package dev.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.dkg.DkgCodec;
import dev.keyshard.mpc.dkg.DkgParty;
import dev.keyshard.mpc.dkg.DkgResult;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.Dkls23KeygenCodec;
import dev.keyshard.mpc.dkls23.Dkls23KeygenParty;
import dev.keyshard.node.proto.FrameProto;
import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayMessage;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.relay.client.RelayClient;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Three (or n) members of one session over a real in-process relay, each driving {@link Session}
 * in its own thread, with hooks to put a {@link Transport} wrapper between a member and the relay.
 * Also knows the wire format (the relay body's sealing and name) so tests can play an insider who
 * holds the session key.
 */
final class SessionHarness implements AutoCloseable {
  static final SecureRandom RNG = new SecureRandom();
  final RelayServer relay;
  final URI url;
  final ExecutorService pool = Executors.newCachedThreadPool();
  private final boolean ownRelay;

  SessionHarness() {
    this(new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0), true);
  }

  private SessionHarness(RelayServer relay, boolean own) {
    this.relay = relay;
    this.url = URI.create("http://127.0.0.1:" + relay.port());
    this.ownRelay = own;
  }

  /** A relay client that gives up quickly, so a fault surfaces in the session, not in retries. */
  RelayClient client() {
    return new RelayClient(url, Duration.ofSeconds(2), 2);
  }

  /** One session's members, joined on the relay, each with its own identity and queue token. */
  final class Group {
    final String sessionId = UUID.randomUUID().toString();
    final byte[] key = new byte[32];
    final List<String> members = new ArrayList<>();
    final Map<String, SessionIdentity> identities = new LinkedHashMap<>();
    final Map<String, Transport> transports = new LinkedHashMap<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();

    Group(int n) throws Exception {
      RNG.nextBytes(key);
      for (int i = 1; i <= n; i++) {
        String m = "member-" + i + "-" + HexFormat.of().formatHex(bytes(3));
        members.add(m);
        identities.put(m, new SessionIdentity(RNG));
        String token = HexFormat.of().formatHex(bytes(16));
        RelayClient c = client();
        c.join(sessionId, m, token);
        transports.put(m, new RelayTransport(c, sessionId, m, token));
      }
    }

    String member(int party) {
      return members.get(party - 1);
    }

    /** Wraps member {@code party}'s transport (before its session is made). */
    <T extends Transport> T wrap(int party, java.util.function.Function<Transport, T> f) {
      T t = f.apply(transports.get(member(party)));
      transports.put(member(party), t);
      return t;
    }

    Session session(int party) {
      return session(party, PartyId.of(party));
    }

    /** Member {@code party}'s session, announcing {@code claimed} as its party number. */
    Session session(int party, PartyId claimed) {
      String m = member(party);
      return sessions.computeIfAbsent(m, x -> new Session(transports.get(m), sessionId, key,
          identities.get(m), m, members, claimed, new SecureRandom()));
    }

    void hellos(Session s, Duration d) throws SessionException {
      s.exchangeHellos(members.get(0), identities.get(members.get(0)).identityKey(), Deadline.in(d));
    }

    /** Seals a frame as a holder of the session key does, for {@code phase}. */
    String seal(String phase, FrameProto frame) {
      return Base64.getEncoder().encodeToString(
          Aead.seal(key, frame.toByteArray(), relayAd(sessionId, phase), RNG));
    }

    /** Opens a relay body with the session key; null when it is not sealed under it. */
    FrameProto open(String phase, String body) {
      byte[] plain = Aead.open(key, Base64.getDecoder().decode(body), relayAd(sessionId, phase));
      try {
        return plain == null ? null : FrameProto.parseFrom(plain);
      } catch (InvalidProtocolBufferException e) {
        return null;
      }
    }

    /** Posts a raw body straight to the relay, claiming relay-level sender {@code from}. */
    void inject(String phase, String from, List<String> to, String body) throws Exception {
      client().post(sessionId, phase, new RelayMessage(sessionId, from, to, body, name(body), 0));
    }
  }

  static byte[] relayAd(String sessionId, String phase) {
    return Transcript.of("keyshard/relay-body/v1").append("session", sessionId).append("phase", phase)
        .digest();
  }

  /** The content-derived name a Session gives a body. */
  static String name(String body) {
    return HexFormat.of().formatHex(Transcript.of("keyshard/relay-hash/v1").append("body", body)
        .digest(), 0, 16);
  }

  /** Waits (at most 30 s) until the session's committee has started on the relay. */
  static void awaitStarted(java.net.URI relay, JoinCode code) throws Exception {
    dev.keyshard.relay.client.RelayClient observer = new dev.keyshard.relay.client.RelayClient(relay);
    long until = System.nanoTime() + 30_000_000_000L;
    while (observer.started(code.session()).isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
  }

  static byte[] bytes(int n) {
    byte[] b = new byte[n];
    RNG.nextBytes(b);
    return b;
  }

  // --- protocols ---

  static final String FROST = VaultCeremony.FROST;
  static final String DKLS = VaultCeremony.DKLS23;

  /** A FROST Ed25519 DKG for {@code s}'s member; the group key's bytes. */
  static byte[] frostDkg(Session s, int t, Duration d) throws SessionException {
    Committee committee = Committee.numbered(t, s.committee().size());
    PartyId me = s.partyOf(s.self());
    DkgResult r = s.run(FROST, new DkgParty(Ed25519.INSTANCE, committee, me,
        VaultCeremony.sessionId(s.transcript(), FROST), new SecureRandom()),
        new EnvelopeCodec<>(ProtocolId.FROST_DKG, new DkgCodec(Ed25519.INSTANCE, committee)),
        Deadline.in(d));
    return r.publicKeys().groupKey().toBytes();
  }

  /** A DKLs23 key generation; the ECDSA public key's bytes. */
  static Dkls23KeyShare dkls(Session s, int t, Duration d) throws SessionException {
    Committee committee = Committee.numbered(t, s.committee().size());
    PartyId me = s.partyOf(s.self());
    return s.run(DKLS, new Dkls23KeygenParty(committee, me,
        VaultCeremony.sessionId(s.transcript(), DKLS), new SecureRandom()),
        new EnvelopeCodec<>(ProtocolId.DKLS23_KEYGEN, new Dkls23KeygenCodec(committee)),
        Deadline.in(d));
  }

  // --- futures ---

  @FunctionalInterface
  interface Step<R> {
    R run() throws Exception;
  }

  <R> Future<R> spawn(Step<R> step) {
    return pool.submit(step::run);
  }

  /** The result, or fails the test when it does not come within {@code seconds}. */
  static <R> R await(Future<R> f, int seconds) throws Exception {
    try {
      return f.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      fail("a member hung (no result nor error within " + seconds + " s)");
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }

  /** The exception a member failed with (fails the test if it succeeded or hung). */
  static Throwable failure(Future<?> f, int seconds) throws Exception {
    try {
      Object r = f.get(seconds, TimeUnit.SECONDS);
      fail("expected this member to fail, but it produced " + r);
      return null;
    } catch (TimeoutException e) {
      f.cancel(true);
      fail("a member hung (no result nor error within " + seconds + " s)");
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** Asserts {@code f} failed with a {@link SessionException} of {@code type} naming exactly {@code culprits}. */
  static SessionException failsNaming(Future<?> f, int seconds, Class<? extends SessionException> type,
      String... culprits) throws Exception {
    Throwable t = failure(f, seconds);
    assertTrue(type.isInstance(t), "expected " + type.getSimpleName() + " but got " + t);
    SessionException e = (SessionException) t;
    assertEquals(List.of(culprits), e.culprits(), e.getMessage());
    return e;
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (ownRelay) {
      relay.close();
    }
  }
}
