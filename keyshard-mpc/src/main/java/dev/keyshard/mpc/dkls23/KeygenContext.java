package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.ot.OtSession;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import java.util.SortedSet;

/**
 * The fixed parameters of one party's DKLs23 key generation: committee, self, session, and the
 * session binding every DKLs23 keygen hash absorbs (domain, session id, protocol, threshold and
 * committee ids). Immutable.
 */
final class KeygenContext {
  static final String DOMAIN = "keyshard/dkls23/v1/keygen";
  static final ProtocolId PROTOCOL = ProtocolId.DKLS23_KEYGEN;

  final Committee committee;
  final PartyId self;
  final SessionId session;
  final SortedSet<PartyId> others;
  /** 32-byte digest binding session, protocol, threshold and committee. */
  final byte[] binding;

  KeygenContext(Committee committee, PartyId self, SessionId session) {
    this.committee = committee;
    this.self = self;
    this.session = session;
    this.others = committee.others(self);
    Transcript t = Transcript.of(DOMAIN)
        .append("session", session.toBytes())
        .append("protocol", PROTOCOL.name())
        .appendInt("threshold", committee.threshold())
        .appendInt("parties", committee.size());
    committee.parties().forEach(id -> t.appendInt("party", id.value()));
    this.binding = t.digest();
  }

  /**
   * The base-OT session of the ordered pair whose extension sender is {@code alice}: the base-OT
   * sender is Bob and the receiver Alice (KOS15 "Initialize" reverses the roles), bound to this
   * keygen session and to both ids.
   */
  OtSession baseOt(PartyId alice, PartyId bob) {
    return OtSession.of(binding, new byte[] {(byte) bob.value()},
        new byte[] {(byte) alice.value()});
  }

  Envelope<Dkls23KeygenMessage> broadcast(int round, Dkls23KeygenMessage body) {
    return new Envelope<>(session, PROTOCOL, round, self, null, body);
  }

  Envelope<Dkls23KeygenMessage> send(int round, PartyId to, Dkls23KeygenMessage body) {
    return new Envelope<>(session, PROTOCOL, round, self, to, body);
  }

  ProtocolAbort abort(int round, AbortReason reason, PartyId culprit, String detail) {
    return new ProtocolAbort(PROTOCOL, round, reason, culprit, detail);
  }
}
