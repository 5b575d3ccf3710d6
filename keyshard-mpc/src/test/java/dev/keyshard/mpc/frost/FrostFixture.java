package dev.keyshard.mpc.frost;

import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.Envelope;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.keys.TrustedDealer;
import dev.keyshard.mpc.local.LocalNetwork;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Keys from the trusted dealer, signing parties, and a network to run them on. Test code. */
final class FrostFixture {
  final FrostCiphersuite suite;
  final TrustedDealer.Shares keys;
  final SecureRandom rng;

  FrostFixture(FrostCiphersuite suite, int t, Collection<PartyId> ids, long seed) {
    this.suite = suite;
    this.rng = seeded(seed);
    try (TrustedDealer dealer = TrustedDealer.random(suite.group(), t, rng)) {
      this.keys = dealer.deal(Committee.of(t, ids));
    }
  }

  /** A t-of-n key for parties P1..Pn. */
  static FrostFixture numbered(FrostCiphersuite suite, int t, int n, long seed) {
    return new FrostFixture(suite, t, Committee.numbered(t, n).parties(), seed);
  }

  /** A deterministic SecureRandom: SHA1PRNG seeded before first use. */
  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Set<PartyId> ids(int... values) {
    Set<PartyId> s = new TreeSet<>();
    for (int v : values) {
      s.add(PartyId.of(v));
    }
    return s;
  }

  Map<PartyId, FrostSignParty> parties(Set<PartyId> signers, byte[] message, SessionId session) {
    Map<PartyId, FrostSignParty> parties = new TreeMap<>();
    for (PartyId id : signers) {
      parties.put(id, new FrostSignParty(suite, keys.of(id), signers, message, session, rng));
    }
    return parties;
  }

  EnvelopeCodec<FrostSignMessage> codec() {
    return new EnvelopeCodec<>(ProtocolId.FROST_SIGN, new FrostSignCodec(suite));
  }

  LocalNetwork<FrostSignMessage, Signature> network(Map<PartyId, FrostSignParty> parties) {
    return new LocalNetwork<>(parties, codec());
  }

  /** Signs {@code message} with {@code signers} over a LocalNetwork (wire codec included). */
  Map<PartyId, Signature> sign(Set<PartyId> signers, byte[] message) throws ProtocolAbort {
    return network(parties(signers, message, SessionId.random(rng))).run();
  }

  /**
   * Runs parties in this thread without the wire codec, FIFO: the cheapest honest run, used for
   * timing. Returns the first party's signature.
   */
  static Signature runDirect(Map<PartyId, FrostSignParty> parties) throws ProtocolAbort {
    Deque<Envelope<FrostSignMessage>> queue = new ArrayDeque<>();
    for (FrostSignParty p : parties.values()) {
      queue.addAll(p.start());
    }
    while (!queue.isEmpty()) {
      Envelope<FrostSignMessage> e = queue.removeFirst();
      for (Map.Entry<PartyId, FrostSignParty> r : parties.entrySet()) {
        if (!r.getKey().equals(e.from()) && (e.isBroadcast() || e.to().equals(r.getKey()))) {
          queue.addAll(r.getValue().receive(e));
        }
      }
    }
    List<Signature> out = new ArrayList<>();
    parties.values().forEach(p -> out.add(p.result()));
    return out.get(0);
  }
}
