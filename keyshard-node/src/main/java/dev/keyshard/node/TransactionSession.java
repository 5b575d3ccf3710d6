package dev.keyshard.node;

import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SigningKey;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.dkls23.Dkls23SignCodec;
import dev.keyshard.mpc.dkls23.Dkls23SignParty;
import dev.keyshard.mpc.dkls23.EcdsaSignature;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.frost.FrostSignCodec;
import dev.keyshard.mpc.frost.FrostSignParty;
import dev.keyshard.mpc.frost.Secp256k1Tr;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.node.tx.TaprootShares;
import dev.keyshard.node.tx.TransactionSigningException;
import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.relay.client.RelayException;
import dev.keyshard.vault.KeyshardVaultShare;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transaction kind of signing session. The join code carries the {@link TransactionIntent}
 * (canonical JSON), or, when it is too long for a QR code, its SHA-256 with the intent sealed
 * under the session key on the relay (setup message {@value #SETUP_ID}). Each device builds the
 * transaction from the intent with its own vault's keys, recomputes the signing requests, and all
 * first agree on a digest of intent and requests (phase {@value #AGREE}): a device whose own
 * build differs, or whose user declined, is named and nothing is signed. Then one protocol
 * instance per request runs, each bound to its index and the intent digest; every device checks
 * each signature (BouncyCastle, {@link SignatureCheck}) and all confirm the same list.
 */
final class TransactionSession {
  static final String KIND = "tx";
  static final String AGREE = "tx-agree";
  static final String DONE = "tx-done";
  static final String SETUP_ID = "intent";
  /** Longest intent carried in the join code itself; longer ones go to the relay. */
  static final int MAX_INLINE_JSON = 600;

  private TransactionSession() {}

  static Map<String, String> params(String vaultId, TransactionIntent intent) {
    String json = intent.toJson();
    if (json.getBytes(StandardCharsets.UTF_8).length <= MAX_INLINE_JSON) {
      return Map.of("kind", KIND, "vault", vaultId, "intent", json);
    }
    return Map.of("kind", KIND, "vault", vaultId,
        "intent-sha256", HexFormat.of().formatHex(intent.digest()));
  }

  /** Puts the sealed intent on the relay when the join code carries only its hash. */
  static void storeIfLong(JoinCode code, TransactionIntent intent, SecureRandom rng)
      throws SessionException {
    if (code.params().containsKey("intent")) {
      return;
    }
    byte[] sealed = Aead.seal(code.key(), intent.toJson().getBytes(StandardCharsets.UTF_8),
        intentAd(code.session()), rng);
    try {
      new RelayClient(code.relay()).putSetup(code.session(), SETUP_ID,
          Base64.getEncoder().encodeToString(sealed));
    } catch (RelayException e) {
      throw new SessionException("relay: " + e.getMessage(), List.of(), e);
    }
  }

  /** The intent as the join code (or the relay, checked against the code's hash) gives it. */
  static TransactionIntent intentOf(JoinCode code) throws SessionException {
    String json;
    if (code.params().containsKey("intent")) {
      json = code.param("intent");
    } else {
      byte[] expected = HexFormat.of().parseHex(code.param("intent-sha256"));
      Optional<String> stored;
      try {
        stored = new RelayClient(code.relay()).setup(code.session(), SETUP_ID);
      } catch (RelayException e) {
        throw new SessionException("relay: " + e.getMessage(), List.of(), e);
      }
      byte[] plain = stored.map(s -> Aead.open(code.key(), Base64.getDecoder().decode(s),
          intentAd(code.session()))).orElse(null);
      if (plain == null || !MessageDigest.isEqual(sha256(plain), expected)) {
        throw new SessionException("the relay has no transaction matching this join code",
            List.of());
      }
      json = new String(plain, StandardCharsets.UTF_8);
    }
    try {
      return TransactionIntent.parse(json);
    } catch (TransactionException e) {
      throw new SessionException("the join code's transaction is invalid: " + e.getMessage(),
          List.of(), e);
    }
  }

  /** Builds the transaction from this device's own vault keys. */
  static UnsignedTransaction build(TransactionFactory factory, TransactionIntent intent,
      KeyshardVaultShare share) throws SessionException {
    try {
      return factory.build(intent, VaultKeys.of(share.info()));
    } catch (TransactionException e) {
      throw new SessionException("cannot build the transaction: " + e.getMessage(), List.of(), e);
    }
  }

  /** What all devices must agree on before anything is signed: intent and requests. */
  static byte[] agreement(TransactionIntent intent, List<SigningRequest> requests, boolean approved) {
    Transcript t = Transcript.of("keyshard/tx-agree/v1").append("intent", intent.digest())
        .appendInt("approved", approved ? 1 : 0).appendInt("count", requests.size());
    for (SigningRequest r : requests) {
      t.append("scheme", r.scheme().name()).append("path", r.path() == null ? "" : r.path().toString())
          .append("message", r.message());
    }
    return t.digest();
  }

  /**
   * After the hellos: agree, sign each request, confirm the list.
   *
   * @param approved false for a device whose user declined: it announces that and signs nothing
   */
  static List<ChainSignature> run(Session s, KeyshardVaultShare share, TransactionIntent intent,
      UnsignedTransaction tx, boolean approved, VaultCeremony.Options options, SecureRandom rng)
      throws SessionException {
    List<SigningRequest> requests = tx.signingRequests();
    byte[] mine = agreement(intent, requests, approved);
    byte[] declined = agreement(intent, requests, false);
    if (!approved) {
      try {
        // Tell the others why this device stops, so nobody waits for it to time out.
        s.confirm(AGREE, mine, theirs -> "approved", Deadline.in(options.stepTimeout()));
      } catch (SessionException expected) {
        // The others approved: their digest differs from this device's, as it should.
      }
      throw new SessionException("declined: nothing was signed", List.of());
    }
    s.confirm(AGREE, mine, theirs -> Arrays.equals(theirs, declined)
        ? "declined the transaction: nothing was signed"
        : "built a different transaction from the intent: nothing was signed",
        Deadline.in(options.stepTimeout()));
    Set<PartyId> signers = s.partyNumbers();
    byte[] transcript = s.transcript();
    String intentHex = HexFormat.of().formatHex(intent.digest());
    VaultKeys keys = VaultKeys.of(share.info());
    List<ChainSignature> out = new ArrayList<>();
    Transcript all = Transcript.of("keyshard/tx-signatures/v1");
    for (int i = 0; i < requests.size(); i++) {
      SigningRequest r = requests.get(i);
      SigningKey key = r.signingKey(keys);
      String phase = "tx-sign-" + i;
      var session = VaultCeremony.sessionId(transcript, "tx/" + i + "/" + intentHex);
      options.progress().report("signature " + (i + 1) + " of " + requests.size() + " ("
          + r.scheme().name().toLowerCase() + ")...");
      ChainSignature sig = signOne(s, phase, session, share, signers, r, key, options, rng);
      try {
        SignatureCheck.verify(r, key, sig);
      } catch (InvalidTransactionSignatureException e) {
        throw new SessionException("signature " + (i + 1) + " failed its check: " + e.getMessage(),
            List.of(), e);
      }
      out.add(sig);
      all.append("signature", sig.bytes()).appendInt("recovery", sig.recoveryId());
    }
    s.confirm(DONE, all.digest(), theirs -> "finished with different signatures",
        Deadline.in(options.stepTimeout()));
    return List.copyOf(out);
  }

  private static ChainSignature signOne(Session s, String phase, dev.keyshard.mpc.SessionId session,
      KeyshardVaultShare share, Set<PartyId> signers, SigningRequest r, SigningKey key,
      VaultCeremony.Options options, SecureRandom rng) throws SessionException {
    switch (r.scheme()) {
      case ECDSA: {
        EcdsaSignature sig = s.run(phase, new Dkls23SignParty(share.ecdsa(), signers, r.message(),
            key.derivationTweak(), session, rng),
            new EnvelopeCodec<>(ProtocolId.DKLS23_SIGN, new Dkls23SignCodec(signers.size())),
            Deadline.in(options.stepTimeout())).normalizeLowS();
        return new ChainSignature(sig.toCompact(), sig.recoveryId());
      }
      case TAPROOT: {
        KeyShare tweaked;
        try {
          tweaked = TaprootShares.of(share.ecdsa().keyShare(), key);
        } catch (TransactionSigningException e) {
          throw new SessionException(e.getMessage(), List.of(), e);
        }
        try {
          return ChainSignature.schnorr(s.run(phase, new FrostSignParty(Secp256k1Tr.INSTANCE,
              tweaked, signers, r.message(), session, rng),
              new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(Secp256k1Tr.INSTANCE)),
              Deadline.in(options.stepTimeout())).toBytes());
        } finally {
          tweaked.destroy();
        }
      }
      case ED25519:
        return ChainSignature.schnorr(s.run(phase, new FrostSignParty(Ed25519Sha512.INSTANCE,
            share.eddsa(), signers, r.message(), session, rng),
            new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(Ed25519Sha512.INSTANCE)),
            Deadline.in(options.stepTimeout())).toBytes());
      default:
        throw new IllegalStateException("unhandled scheme " + r.scheme());
    }
  }

  private static byte[] intentAd(String session) {
    return Transcript.of("keyshard/tx-intent/v1").append("session", session).digest();
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
