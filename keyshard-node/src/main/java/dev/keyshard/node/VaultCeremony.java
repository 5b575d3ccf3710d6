package dev.keyshard.node;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.hash.Transcript;
import com.google.protobuf.ByteString;
import dev.keyshard.node.proto.FinishedVaultProto;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.dkg.DkgCodec;
import dev.keyshard.mpc.dkg.DkgParty;
import dev.keyshard.mpc.dkg.DkgResult;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.Dkls23KeygenCodec;
import dev.keyshard.mpc.dkls23.Dkls23KeygenParty;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.relay.client.RelayException;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VaultKind;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates a vault across devices through a relay: one device initiates (makes the join code,
 * waits for the others, starts), the others join with the code; then all run, in one session,
 * the hello exchange, DKLs23 key generation (root ECDSA key and chain code), a FROST Ed25519 DKG
 * (root EdDSA key) and a confirmation that every device holds the same vault. Each device ends
 * with its own {@link KeyshardVaultShare}; nothing is written here (the caller stores it).
 */
public final class VaultCeremony {
  /** The {@link FinishedResult} kind of a made vault. */
  static final String RESULT = "vault";
  static final String KIND = "vault";
  static final String DKLS23 = "dkls23-keygen";
  static final String FROST = "frost-dkg";

  /** Settings common to both sides. */
  public record Options(Duration joinTimeout, Duration stepTimeout, Progress progress) {
    public static Options defaults(Progress progress) {
      return new Options(Duration.ofMinutes(10), Duration.ofMinutes(5), progress);
    }
  }

  private final SecureRandom rng;
  private final Options options;

  public VaultCeremony(SecureRandom rng, Options options) {
    this.rng = rng;
    this.options = options;
  }

  /** The initiator's half: the join code to show, then {@link Initiator#run()}. */
  public Initiator initiate(URI relay, String name, int t, int n) {
    if (t < 2 || t > n || n > Committee.MAX_PARTIES) {
      throw new IllegalArgumentException("need 2 <= t <= n <= " + Committee.MAX_PARTIES);
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the vault needs a name");
    }
    byte[] key = new byte[32];
    rng.nextBytes(key);
    SessionIdentity identity = new SessionIdentity(rng);
    JoinCode code = new JoinCode(relay, UUID.randomUUID().toString(), key, identity.identityKey(),
        Map.of("kind", KIND, "name", name.strip(), "t", Integer.toString(t), "n", Integer.toString(n),
            "created", Long.toString(Instant.now().getEpochSecond())));
    return new Initiator(code, identity, Rendezvous.memberName(rng));
  }

  /** The initiator's side of one ceremony. */
  public final class Initiator {
    private final JoinCode code;
    private final SessionIdentity identity;
    private final String self;

    private Initiator(JoinCode code, SessionIdentity identity, String self) {
      this.code = code;
      this.identity = identity;
      this.self = self;
    }

    public JoinCode joinCode() {
      return code;
    }

    /** Waits for the other n-1 devices, starts, and runs the ceremony. */
    public KeyshardVaultShare run() throws SessionException {
      int n = Integer.parseInt(code.param("n"));
      String token = Rendezvous.queueToken(rng);
      RelayClient client = new RelayClient(code.relay());
      Deadline joinBy = Deadline.in(options.joinTimeout());
      try {
        List<String> committee = Rendezvous.gather(client, code.session(), self, token, n, "devices",
            options.progress(), joinBy);
        return ceremony(code, identity, self, token, committee, client);
      } catch (RelayException e) {
        throw new SessionException("relay: " + e.getMessage(), List.of(), e);
      }
    }
  }

  /** A joiner's side: joins the session of {@code code} and runs the ceremony. */
  public KeyshardVaultShare join(JoinCode code) throws SessionException {
    if (!KIND.equals(code.param("kind"))) {
      throw new IllegalArgumentException("this join code is not for creating a vault");
    }
    SessionIdentity identity = new SessionIdentity(rng);
    String self = Rendezvous.memberName(rng);
    String token = Rendezvous.queueToken(rng);
    RelayClient client = new RelayClient(code.relay());
    Deadline joinBy = Deadline.in(options.joinTimeout());
    try {
      List<String> committee = Rendezvous.awaitStart(client, code.session(), self, token,
          null, options.progress(), joinBy);
      if (committee == null) {
        throw leftOut(client, code);
      }
      return ceremony(code, identity, self, token, committee, client);
    } catch (RelayException e) {
      throw new SessionException("relay: " + e.getMessage(), List.of(), e);
    }
  }

  private KeyshardVaultShare ceremony(JoinCode code, SessionIdentity identity, String self,
      String token, List<String> committeeMembers, RelayClient client) throws SessionException {
    int t = Integer.parseInt(code.param("t"));
    int n = Integer.parseInt(code.param("n"));
    if (committeeMembers.size() != n) {
      throw new SessionException("the session started with " + committeeMembers.size()
          + " devices, not " + n, List.of());
    }
    Session s = new Session(new RelayTransport(client, code.session(), self, token), code.session(),
        code.key(), identity, self, committeeMembers,
        PartyId.of(committeeMembers.indexOf(self) + 1), rng);
    java.util.Map<String, PartyId> places = new java.util.HashMap<>();
    for (int i = 0; i < committeeMembers.size(); i++) {
      places.put(committeeMembers.get(i), PartyId.of(i + 1));
    }
    s.expectParties(places);
    Progress p = options.progress();
    s.exchangeHellos(committeeMembers.get(0), code.initiatorKey(), Deadline.in(options.stepTimeout()));
    p.report("session fingerprint " + s.fingerprint() + " (the same on every device)");
    Committee committee = Committee.numbered(t, n);
    PartyId me = s.partyOf(self);
    byte[] transcript = s.transcript();

    p.report("DKLs23 key generation (ECDSA root key and chain code)...");
    Dkls23KeyShare ecdsa = s.run(DKLS23,
        new Dkls23KeygenParty(committee, me, sessionId(transcript, DKLS23), rng),
        new EnvelopeCodec<>(ProtocolId.DKLS23_KEYGEN, new Dkls23KeygenCodec(committee)),
        Deadline.in(options.stepTimeout()));
    p.report("FROST key generation (EdDSA root key)...");
    DkgResult dkg = s.run(FROST,
        new DkgParty(Ed25519.INSTANCE, committee, me, sessionId(transcript, FROST), rng),
        new EnvelopeCodec<>(ProtocolId.FROST_DKG, new DkgCodec(Ed25519.INSTANCE, committee)),
        Deadline.in(options.stepTimeout()));
    KeyShare eddsa = dkg.keyShare();
    VaultInfo info = new VaultInfo(code.param("name"), t, KeyshardVaultShare.signerNames(ecdsa),
        KeyshardVaultShare.signerName(me), ecdsa.publicKey().toBytes(),
        eddsa.publicKeys().groupKey().toBytes(), ecdsa.chainCode(),
        createdAt(code), VaultKind.KEYSHARD);
    KeyshardVaultShare share = new KeyshardVaultShare(info, ecdsa, eddsa);
    p.report("confirming that every device holds vault " + info.id().substring(0, 8) + "...");
    s.confirm(digest(info), Deadline.in(options.stepTimeout()));
    FinishedResult.publish(client, code, RESULT, describe(info).toByteArray(), rng);
    try {
      client.complete(code.session(), self);
    } catch (RelayException e) {
      // Completion is a courtesy for other clients; the confirm round already proved it.
    }
    return share;
  }

  /**
   * A device the session started without (it was full) holds no share; it waits for the others to
   * finish and says which vault they made, from the result they leave on the relay.
   */
  private SessionException leftOut(RelayClient client, JoinCode code) throws RelayException {
    String left = "the session started without this device (it was full), so it holds no share";
    options.progress().report("the session started without this device; waiting for the others' result");
    Deadline by = Deadline.in(options.stepTimeout());
    while (!by.passed()) {
      var result = FinishedResult.fetch(client, code, RESULT);
      if (result.isPresent()) {
        try {
          FinishedVaultProto v = FinishedVaultProto.parseFrom(result.get());
          return new SessionException(left + "; the other devices made vault '" + v.getName()
              + "' (" + VaultInfo.idOf(v.getPublicKeyEcdsa().toByteArray(),
                  v.getPublicKeyEddsa().toByteArray()).substring(0, 8) + ", " + v.getThreshold()
              + " of " + v.getSignersCount() + ")", List.of());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          break;
        }
      }
      Session.sleep(Rendezvous.POLL_MS);
    }
    return new SessionException(left, List.of());
  }

  static FinishedVaultProto describe(VaultInfo v) {
    return FinishedVaultProto.newBuilder().setName(v.name()).setThreshold(v.threshold())
        .addAllSigners(v.signers()).setPublicKeyEcdsa(ByteString.copyFrom(v.publicKeyEcdsa()))
        .setPublicKeyEddsa(ByteString.copyFrom(v.publicKeyEddsa()))
        .setChainCode(ByteString.copyFrom(v.chainCode())).setCreatedAt(v.createdAt().getEpochSecond())
        .build();
  }

  /** Every device must describe the vault identically, so the time comes from the join code. */
  private static Instant createdAt(JoinCode code) throws SessionException {
    try {
      return Instant.ofEpochSecond(Long.parseLong(code.param("created")));
    } catch (RuntimeException e) {
      throw new SessionException("the join code's creation time is damaged", List.of());
    }
  }

  static SessionId sessionId(byte[] transcript, String phase) {
    return SessionId.of(Transcript.of("keyshard/protocol-session/v1").append("transcript", transcript)
        .append("phase", phase).digest());
  }

  static byte[] digest(VaultInfo v) {
    return Transcript.of("keyshard/vault-confirm/v1").append("id", v.id())
        .append("ecdsa", v.publicKeyEcdsa()).append("eddsa", v.publicKeyEddsa())
        .append("chain code", v.chainCode()).appendInt("threshold", v.threshold())
        .append("name", v.name()).digest();
  }

}
