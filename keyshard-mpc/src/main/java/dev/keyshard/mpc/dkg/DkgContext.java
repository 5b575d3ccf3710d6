package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import java.util.SortedSet;

/**
 * The fixed parameters of one party's DKG session: who we are, with whom, in which group and
 * session, under which protocol tag. Validated by {@link DkgParty} before construction. Immutable
 * (the binding transcript is only ever copied).
 */
final class DkgContext {
  /** The domain tag of every DKG transcript; the purpose item tells them apart. */
  static final String DOMAIN = "keyshard/dkg/v1";

  private final ProtocolId protocol;
  private final Group group;
  private final Committee committee;
  private final PartyId self;
  private final SessionId session;
  private final SortedSet<PartyId> others;
  /** DOMAIN, then session, protocol, group, threshold and committee ids; never appended to. */
  private final Transcript binding;

  DkgContext(
      ProtocolId protocol, Group group, Committee committee, PartyId self, SessionId session) {
    this.protocol = protocol;
    this.group = group;
    this.committee = committee;
    this.self = self;
    this.session = session;
    this.others = committee.others(self);
    Transcript t = Transcript.of(DOMAIN)
        .append("session", session.toBytes())
        .append("protocol", protocol.name())
        .append("group", group.name())
        .appendInt("threshold", committee.threshold())
        .appendInt("parties", committee.size());
    for (PartyId id : committee.parties()) {
      t.appendInt("party", id.value());
    }
    this.binding = t;
  }

  ProtocolId protocol() {
    return protocol;
  }

  Group group() {
    return group;
  }

  Committee committee() {
    return committee;
  }

  PartyId self() {
    return self;
  }

  SessionId session() {
    return session;
  }

  int threshold() {
    return committee.threshold();
  }

  /** Every committee member but us, ascending. */
  SortedSet<PartyId> others() {
    return others;
  }

  /**
   * A fresh transcript bound to this session, protocol, group and committee, followed by the item
   * ("purpose", {@code purpose}). Computing the binding once and copying it keeps the n² digests
   * of a large committee from rehashing the committee each time.
   */
  Transcript transcript(String purpose) {
    return binding.copy().append("purpose", purpose);
  }

  Envelope<DkgMessage> broadcast(int round, DkgMessage body) {
    return new Envelope<>(session, protocol, round, self, null, body);
  }

  Envelope<DkgMessage> send(int round, PartyId to, DkgMessage body) {
    return new Envelope<>(session, protocol, round, self, to, body);
  }
}
