package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import java.util.SortedSet;

/**
 * The fixed parameters of one signer's DKLs23 session, validated by {@link Dkls23SignParty}: key
 * share, signer set S, message hash, tweak δ, the tweaked key P′ = P + δ·G, and the session
 * binding.
 *
 * <p>The binding is the sid of Protocol 3.6: SHA-256 of a {@link Transcript} over (domain, session
 * id, protocol, key generation id, threshold, signer ids, message hash, δ, P′). Every commitment,
 * zero share, VOLE instance and OT extension of the session absorbs it, so nothing from another
 * session, key, signer set or message verifies here (ATTACKS.md, tss-lib proof replay).
 *
 * <p>Immutable (the key share is only read).
 */
final class SignContext {
  static final String DOMAIN = "keyshard/dkls23/v1/sign";
  static final ProtocolId PROTOCOL = ProtocolId.DKLS23_SIGN;
  static final String NONCE_COMMITMENT = "instance-key";

  final Dkls23KeyShare share;
  final PartyId self;
  final SortedSet<PartyId> signers;
  final SortedSet<PartyId> others;
  final byte[] messageHash;
  final Scalar tweak;
  final Point tweakedKey;
  final SessionId session;
  final byte[] binding;

  SignContext(Dkls23KeyShare share, SortedSet<PartyId> signers, SortedSet<PartyId> others,
      byte[] messageHash, Scalar tweak, Point tweakedKey, SessionId session) {
    this.share = share;
    this.self = share.self();
    this.signers = signers;
    this.others = others;
    this.messageHash = messageHash;
    this.tweak = tweak;
    this.tweakedKey = tweakedKey;
    this.session = session;
    Transcript t = Transcript.of(DOMAIN)
        .append("session", session.toBytes())
        .append("protocol", PROTOCOL.name())
        .append("keygen", share.keygenId())
        .appendInt("threshold", share.committee().threshold())
        .appendInt("signers", signers.size());
    signers.forEach(id -> t.appendInt("signer", id.value()));
    this.binding = t.append("message-hash", messageHash)
        .appendScalar("tweak", tweak)
        .appendPoint("tweaked-key", tweakedKey)
        .digest();
  }

  /** m: the message hash as a scalar (SEC 1 §4.1.3 step 5 for a 256-bit hash). */
  Scalar messageScalar() {
    return Secp256k1.INSTANCE.reduce(messageHash);
  }

  Envelope<Dkls23SignMessage> broadcast(int round, Dkls23SignMessage body) {
    return new Envelope<>(session, PROTOCOL, round, self, null, body);
  }

  Envelope<Dkls23SignMessage> send(int round, PartyId to, Dkls23SignMessage body) {
    return new Envelope<>(session, PROTOCOL, round, self, to, body);
  }

  ProtocolAbort abort(int round, AbortReason reason, PartyId culprit, String detail) {
    return new ProtocolAbort(PROTOCOL, round, reason, culprit, detail);
  }
}
