package dev.keyshard.node;

import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.node.proto.FinishedSignatureProto;
import dev.keyshard.node.proto.FinishedSignaturesProto;
import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.dkls23.Dkls23SignCodec;
import dev.keyshard.mpc.dkls23.Dkls23SignParty;
import dev.keyshard.mpc.dkls23.EcdsaSignature;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.frost.FrostSignCodec;
import dev.keyshard.mpc.frost.FrostSignParty;
import dev.keyshard.mpc.frost.Signature;
import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.relay.client.RelayException;
import dev.keyshard.vault.KeyshardVaultShare;
import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivationPath;
import java.net.URI;
import java.security.SecureRandom;
import java.util.List;

import java.util.UUID;

/**
 * Signs with t devices of a vault through a relay: the initiator makes a join code carrying the
 * {@link SignRequest}; each co-signer reads the request from the code, checks it is for its vault,
 * has it approved (the user sees what is signed), and joins. DKLs23 for ECDSA (with the path's
 * HD tweak, derived by each device from its own vault), FROST for EdDSA; every device checks the
 * signature before it returns, then all confirm the same signature.
 */
public final class SigningCeremony {
  static final String KIND = "sign";
  static final String PHASE = "sign";

  /** The signature: 64-byte compact r‖s (ECDSA, low S, with its recovery id) or RFC 8032 R‖S. */
  public record Result(byte[] signature, int recoveryId, byte[] publicKey) {}

  /** Decides whether a co-signer signs the request (shows it, asks the user). */
  @FunctionalInterface
  public interface Approver {
    boolean approve(SignRequest request);
  }

  private final SecureRandom rng;
  private final VaultCeremony.Options options;

  public SigningCeremony(SecureRandom rng, VaultCeremony.Options options) {
    this.rng = rng;
    this.options = options;
  }

  public final class Initiator {
    private final JoinCode code;
    private final SessionIdentity identity;
    private final KeyshardVaultShare share;
    private final SignRequest request;

    private Initiator(JoinCode code, SessionIdentity identity, KeyshardVaultShare share, SignRequest request) {
      this.code = code;
      this.identity = identity;
      this.share = share;
      this.request = request;
    }

    public JoinCode joinCode() {
      return code;
    }

    /** Waits for t-1 co-signers and signs. */
    public Result run() throws SessionException {
      int t = share.info().threshold();
      String self = Rendezvous.memberName(rng);
      String token = Rendezvous.queueToken(rng);
      RelayClient client = new RelayClient(code.relay());
      Deadline joinBy = Deadline.in(options.joinTimeout());
      try {
        List<String> committee = Rendezvous.gather(client, code.session(), self, token, t,
            "co-signers", options.progress(), joinBy);
        return sign(code, identity, self, token, committee, client, share, request);
      } catch (RelayException e) {
        throw new SessionException("relay: " + e.getMessage(), List.of(), e);
      }
    }
  }

  /** The initiator's half for {@code request} on its {@code share}. */
  public Initiator initiate(URI relay, KeyshardVaultShare share, SignRequest request) {
    if (!request.vaultId().equals(share.info().id())) {
      throw new IllegalArgumentException("the request is for another vault");
    }
    byte[] key = new byte[32];
    rng.nextBytes(key);
    SessionIdentity identity = new SessionIdentity(rng);
    JoinCode code = new JoinCode(relay, UUID.randomUUID().toString(), key, identity.identityKey(),
        request.params());
    return new Initiator(code, identity, share, request);
  }

  /**
   * A co-signer's half.
   *
   * @param share this device's share of the vault the code names
   * @throws SessionException also when the user declines (nothing is sent then)
   */
  public Result join(JoinCode code, KeyshardVaultShare share, Approver approver) throws SessionException {
    if (!KIND.equals(code.param("kind"))) {
      throw new IllegalArgumentException("this join code is not for signing");
    }
    SignRequest request = SignRequest.of(code);
    if (!request.vaultId().equals(share.info().id())) {
      throw new SessionException("the join code is for vault " + request.vaultId().substring(0, 8)
          + ", not this one", List.of());
    }
    if (!approver.approve(request)) {
      throw new SessionException("declined: nothing was signed", List.of());
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
        List<SigningRequest> asked = List.of(request.scheme() == SignRequest.Scheme.ECDSA
            ? SigningRequest.ecdsa(DerivationPath.parse(request.path().isEmpty() ? "m" : request.path()),
                request.message())
            : SigningRequest.ed25519(request.message()));
        ChainSignature sig = missedEnd(client, code, share, asked).get(0);
        byte[] publicKey = asked.get(0).signingKey(VaultKeys.of(share.info())).publicKey();
        return new Result(sig.bytes(), sig.recoveryId(), publicKey);
      }
      return sign(code, identity, self, token, committee, client, share, request);
    } catch (RelayException e) {
      throw new SessionException("relay: " + e.getMessage(), List.of(), e);
    }
  }

  private Result sign(JoinCode code, SessionIdentity identity, String self, String token,
      List<String> committee, RelayClient client, KeyshardVaultShare share, SignRequest request)
      throws SessionException {
    PartyId me = share.self();
    Session s = new Session(new RelayTransport(client, code.session(), self, token), code.session(),
        code.key(), identity, self, committee, me, rng);
    s.exchangeHellos(committee.get(0), code.initiatorKey(), Deadline.in(options.stepTimeout()));
    options.progress().report("session fingerprint " + s.fingerprint() + "; signing...");
    byte[] transcript = s.transcript();
    var signers = s.partyNumbers();
    for (PartyId p : signers) {
      if (!share.ecdsa().committee().contains(p)) {
        throw new SessionException(s.memberOf(p) + " claims party " + p.value()
            + ", which this vault does not have", List.of(s.memberOf(p)));
      }
    }
    Result result;
    if (request.scheme() == SignRequest.Scheme.ECDSA) {
      byte[] root = share.info().publicKeyEcdsa();
      Scalar tweak = null;
      byte[] publicKey = root;
      if (!request.path().isEmpty()) {
        var derived = Bip32.derive(root, share.info().chainCode(), DerivationPath.parse(request.path()));
        tweak = derived.tweak();
        publicKey = derived.publicKey();
      }
      EcdsaSignature sig = s.run(PHASE, new Dkls23SignParty(share.ecdsa(), signers, request.message(),
          tweak, VaultCeremony.sessionId(transcript, PHASE), rng),
          new EnvelopeCodec<>(ProtocolId.DKLS23_SIGN, new Dkls23SignCodec(signers.size())),
          Deadline.in(options.stepTimeout()));
      result = new Result(sig.toCompact(), sig.recoveryId(), publicKey);
    } else {
      Signature sig = s.run(PHASE, new FrostSignParty(Ed25519Sha512.INSTANCE, share.eddsa(), signers,
          request.message(), VaultCeremony.sessionId(transcript, PHASE), rng),
          new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(Ed25519Sha512.INSTANCE)),
          Deadline.in(options.stepTimeout()));
      result = new Result(sig.toBytes(), -1, share.info().publicKeyEddsa());
    }
    s.confirm(result.signature(), Deadline.in(options.stepTimeout()));
    publish(client, code, List.of(new ChainSignature(result.signature(), result.recoveryId())));
    try {
      client.complete(code.session(), self);
    } catch (RelayException e) {
      // A courtesy only: every signer already confirmed the signature.
    }
    return result;
  }


  // ---- transaction sessions ----

  /** Whether a join code is for a transaction session ({@link #joinTransaction}). */
  public static boolean isTransaction(JoinCode code) {
    return TransactionSession.KIND.equals(code.params().get("kind"));
  }

  /**
   * The initiator's half of a transaction session: builds the transaction from {@code intent}
   * with this device's vault keys (so an invalid intent fails here, before anyone joins) and
   * makes the join code carrying the intent (or its hash, with the sealed intent on the relay).
   *
   * @param factory how the devices build transactions ({@link TransactionFactory#REGISTERED})
   * @throws SessionException when the transaction cannot be built or the relay refuses the intent
   */
  public TransactionInitiator initiateTransaction(URI relay, KeyshardVaultShare share,
      TransactionIntent intent, TransactionFactory factory) throws SessionException {
    UnsignedTransaction tx = TransactionSession.build(factory, intent, share);
    byte[] key = new byte[32];
    rng.nextBytes(key);
    SessionIdentity identity = new SessionIdentity(rng);
    JoinCode code = new JoinCode(relay, UUID.randomUUID().toString(), key, identity.identityKey(),
        TransactionSession.params(share.info().id(), intent));
    TransactionSession.storeIfLong(code, intent, rng);
    return new TransactionInitiator(code, identity, share, intent, tx);
  }

  /** The initiator of a transaction session; {@link #run()} returns the checked signatures. */
  public final class TransactionInitiator {
    private final JoinCode code;
    private final SessionIdentity identity;
    private final KeyshardVaultShare share;
    private final TransactionIntent intent;
    private final UnsignedTransaction tx;

    private TransactionInitiator(JoinCode code, SessionIdentity identity, KeyshardVaultShare share,
        TransactionIntent intent, UnsignedTransaction tx) {
      this.code = code;
      this.identity = identity;
      this.share = share;
      this.intent = intent;
      this.tx = tx;
    }

    public JoinCode joinCode() {
      return code;
    }

    /** The transaction this device built; {@code assemble} it with {@link #run()}'s result. */
    public UnsignedTransaction transaction() {
      return tx;
    }

    /**
     * Waits for t−1 co-signers and signs every request of the transaction.
     *
     * @return one signature per {@code transaction().signingRequests()} entry, each checked
     * @throws SessionException naming a co-signer that declined, built another transaction,
     *     cheated or stayed silent
     */
    public List<ChainSignature> run() throws SessionException {
      String self = Rendezvous.memberName(rng);
      String token = Rendezvous.queueToken(rng);
      RelayClient client = new RelayClient(code.relay());
      try {
        List<String> committee = Rendezvous.gather(client, code.session(), self, token,
            share.info().threshold(), "co-signers", options.progress(),
            Deadline.in(options.joinTimeout()));
        return signTransaction(code, identity, self, token, committee, client, share, intent, tx,
            true);
      } catch (RelayException e) {
        throw new SessionException("relay: " + e.getMessage(), List.of(), e);
      }
    }
  }

  /**
   * A co-signer's half of a transaction session: reads the intent from the code (or the relay),
   * builds the transaction itself with its own vault's keys, has the user approve its summary,
   * and signs the requests it computed itself — never hashes another device sent.
   *
   * @throws SessionException when the code is for another vault, the intent does not build, the
   *     user declines (the others are told; nothing is signed), or the session fails
   */
  public List<ChainSignature> joinTransaction(JoinCode code, KeyshardVaultShare share,
      TransactionFactory factory, TransactionApprover approver) throws SessionException {
    if (!isTransaction(code)) {
      throw new IllegalArgumentException("this join code is not for a transaction");
    }
    if (!code.param("vault").equals(share.info().id())) {
      throw new SessionException("the join code is for vault " + code.param("vault").substring(0, 8)
          + ", not this one", List.of());
    }
    TransactionIntent intent = TransactionSession.intentOf(code);
    UnsignedTransaction tx = TransactionSession.build(factory, intent, share);
    boolean approved = approver.approve(tx);
    SessionIdentity identity = new SessionIdentity(rng);
    String self = Rendezvous.memberName(rng);
    String token = Rendezvous.queueToken(rng);
    RelayClient client = new RelayClient(code.relay());
    try {
      List<String> committee = Rendezvous.awaitStart(client, code.session(), self, token,
          null, options.progress(), Deadline.in(options.joinTimeout()));
      if (committee == null) {
        if (!approved) {
          // The others went ahead without this device; its user said no, so it must not report
          // their signatures as its own co-signing.
          throw new SessionException("declined: nothing was signed by this device (the others "
              + "started without it)", List.of());
        }
        return missedEnd(client, code, share, tx.signingRequests());
      }
      return signTransaction(code, identity, self, token, committee, client, share, intent, tx,
          approved);
    } catch (RelayException e) {
      throw new SessionException("relay: " + e.getMessage(), List.of(), e);
    }
  }

  private List<ChainSignature> signTransaction(JoinCode code, SessionIdentity identity, String self,
      String token, List<String> committee, RelayClient client, KeyshardVaultShare share,
      TransactionIntent intent, UnsignedTransaction tx, boolean approved) throws SessionException {
    Session s = openSession(code, identity, self, token, committee, client, share);
    List<ChainSignature> sigs = TransactionSession.run(s, share, intent, tx, approved, options, rng);
    publish(client, code, sigs);
    try {
      client.complete(code.session(), self);
    } catch (RelayException e) {
      // A courtesy only: every signer already confirmed the signatures.
    }
    return sigs;
  }

  /** Hellos with the committee, each member's party checked against this vault. */
  private Session openSession(JoinCode code, SessionIdentity identity, String self, String token,
      List<String> committee, RelayClient client, KeyshardVaultShare share) throws SessionException {
    Session s = new Session(new RelayTransport(client, code.session(), self, token), code.session(),
        code.key(), identity, self, committee, share.self(), rng);
    s.exchangeHellos(committee.get(0), code.initiatorKey(), Deadline.in(options.stepTimeout()));
    options.progress().report("session fingerprint " + s.fingerprint() + "; signing...");
    for (PartyId p : s.partyNumbers()) {
      if (!share.ecdsa().committee().contains(p)) {
        throw new SessionException(s.memberOf(p) + " claims party " + p.value()
            + ", which this vault does not have", List.of(s.memberOf(p)));
      }
    }
    return s;
  }

  /** The {@link FinishedResult} kind of a signing session's signatures. */
  static final String RESULT = "signatures";

  private void publish(RelayClient client, JoinCode code, List<ChainSignature> sigs) {
    FinishedSignaturesProto.Builder b = FinishedSignaturesProto.newBuilder();
    for (ChainSignature sig : sigs) {
      b.addSignatures(FinishedSignatureProto.newBuilder()
          .setSignature(com.google.protobuf.ByteString.copyFrom(sig.bytes()))
          .setRecoveryId(sig.recoveryId()));
    }
    FinishedResult.publish(client, code, RESULT, b.build().toByteArray(), rng);
  }

  /**
   * A device the session started without (enough co-signers came first) waits for the others'
   * signatures on the relay and returns them once each verifies, under this device's own vault,
   * for the requests it computed itself — a member holding the session key could leave others.
   */
  private List<ChainSignature> missedEnd(RelayClient client, JoinCode code, KeyshardVaultShare share,
      List<SigningRequest> requests) throws RelayException, SessionException {
    options.progress().report("enough co-signers joined before this device; waiting for their signatures");
    Deadline by = Deadline.in(options.stepTimeout());
    VaultKeys keys = VaultKeys.of(share.info());
    while (!by.passed()) {
      var found = FinishedResult.fetch(client, code, RESULT);
      if (found.isPresent()) {
        List<ChainSignature> sigs = new java.util.ArrayList<>();
        try {
          for (FinishedSignatureProto p : FinishedSignaturesProto.parseFrom(found.get()).getSignaturesList()) {
            sigs.add(new ChainSignature(p.getSignature().toByteArray(), p.getRecoveryId()));
          }
          if (sigs.size() != requests.size()) {
            throw new IllegalArgumentException("wrong count");
          }
          for (int i = 0; i < sigs.size(); i++) {
            SignatureCheck.verify(requests.get(i), requests.get(i).signingKey(keys), sigs.get(i));
          }
        } catch (com.google.protobuf.InvalidProtocolBufferException | IllegalArgumentException
            | InvalidTransactionSignatureException e) {
          throw new SessionException("enough co-signers joined before this device, and the "
              + "signatures left on the relay do not verify for this vault", List.of());
        }
        options.progress().report("the others signed without this device; their signatures verify");
        return sigs;
      }
      Session.sleep(Rendezvous.POLL_MS);
    }
    throw new SessionException("enough co-signers joined before this device, and no signatures "
        + "arrived on the relay in time", List.of());
  }
}
