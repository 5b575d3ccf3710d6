package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.vss.Lagrange;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.LocalNetwork;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One DKG session's honest parties with seeded randomness, and helpers the DKG tests share. */
final class DkgFixture {
  final Group group;
  final Committee committee;
  final SessionId session;
  final long seed;
  final Map<PartyId, DkgParty> parties = new TreeMap<>();

  DkgFixture(Group group, int t, int n, long seed) {
    this(group, Committee.numbered(t, n), seed);
  }

  DkgFixture(Group group, Committee committee, long seed) {
    this.group = group;
    this.committee = committee;
    this.seed = seed;
    this.session = SessionId.random(new SeededRandom(seed, "session"));
    for (PartyId id : committee.parties()) {
      parties.put(id, freshParty(id, "party"));
    }
  }

  /**
   * A new party of this session, outside {@link #parties}: with label "party" it is a twin of the
   * fixture's party (same randomness, same messages); another label gives another polynomial.
   */
  DkgParty freshParty(PartyId id, String label) {
    return new DkgParty(group, committee, id, session, new SeededRandom(seed, label + id));
  }

  DkgParty party(int id) {
    return parties.get(PartyId.of(id));
  }

  DkgCodec codec() {
    return new DkgCodec(group, committee);
  }

  LocalNetwork<DkgMessage, DkgResult> network() {
    return new LocalNetwork<>(parties, new EnvelopeCodec<>(ProtocolId.FROST_DKG, codec()));
  }

  /**
   * Delivers {@code queue} in order, straight to the parties (no codec), appending what they send,
   * until it is empty.
   */
  void deliverAll(java.util.Deque<Envelope<DkgMessage>> queue) throws ProtocolAbort {
    while (!queue.isEmpty()) {
      Envelope<DkgMessage> e = queue.removeFirst();
      for (Map.Entry<PartyId, DkgParty> p : parties.entrySet()) {
        if (!p.getKey().equals(e.from()) && (e.isBroadcast() || p.getKey().equals(e.to()))) {
          queue.addAll(p.getValue().receive(e));
        }
      }
    }
  }

  /** The group's identity element as a peer could put it on the wire. */
  byte[] identityEncoding() {
    if (group == Ed25519.INSTANCE) {
      byte[] b = new byte[32];
      b[0] = 1; // (x, y) = (0, 1), RFC 8032 encoding
      return b;
    }
    return new byte[] {0}; // SEC1 point at infinity
  }

  /** f(0)·G from the signing shares of {@code holders} by Lagrange interpolation. */
  static Point interpolatedKey(Collection<KeyShare> holders) {
    Map<Scalar, Scalar> points = new HashMap<>();
    Group group = null;
    for (KeyShare k : holders) {
      group = k.publicKeys().group();
      points.put(k.self().toScalar(group),
          k.signingShare().value(InsecureSecretAccess.get()));
    }
    return group.multiplyGenerator(Lagrange.interpolateAtZero(points));
  }

  static PartyId p(int id) {
    return PartyId.of(id);
  }

  static List<PartyId> ids(int... ids) {
    return java.util.Arrays.stream(ids).mapToObj(PartyId::of).toList();
  }
}
