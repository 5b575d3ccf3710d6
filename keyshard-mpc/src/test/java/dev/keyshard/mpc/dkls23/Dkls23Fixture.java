package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.vss.Lagrange;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.EnvelopeCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.local.LocalNetwork;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * DKLs23 keys made once per (t, n, seed) with seeded randomness, and helpers the DKLs23 tests
 * share: signer parties, networks through the wire codecs, and checks of a signature by
 * BouncyCastle and libsecp256k1. Test-only.
 */
final class Dkls23Fixture {
  private static final Map<String, Dkls23Fixture> CACHE = new HashMap<>();

  final Committee committee;
  final Map<PartyId, Dkls23KeyShare> shares;
  final SecureRandom rng;

  private Dkls23Fixture(Committee committee, Map<PartyId, Dkls23KeyShare> shares,
      SecureRandom rng) {
    this.committee = committee;
    this.shares = shares;
    this.rng = rng;
  }

  /** Key generation for P1..Pn, shared between tests of one JVM (shares are only read). */
  static synchronized Dkls23Fixture of(int t, int n, long seed) throws ProtocolAbort {
    String key = t + "/" + n + "/" + seed;
    Dkls23Fixture f = CACHE.get(key);
    if (f == null) {
      SecureRandom rng = TestRandom.seeded(seed, "keygen");
      Committee committee = Committee.numbered(t, n);
      f = new Dkls23Fixture(committee, keygenNetwork(committee, SessionId.random(rng), rng).run(),
          TestRandom.seeded(seed, "signing"));
      CACHE.put(key, f);
    }
    return f;
  }

  /** A fixture over shares made elsewhere (not cached). */
  static Dkls23Fixture fromShares(Committee committee, Map<PartyId, Dkls23KeyShare> shares,
      SecureRandom rng) {
    return new Dkls23Fixture(committee, shares, rng);
  }

  /**
   * This fixture with {@code cheater}'s share replaced by p(j) + 1 and, in the cheater's copy
   * only, its verifying share moved to match: the cheater's VOLE inputs and pk_j stay consistent
   * with each other but not with P.
   */
  Dkls23Fixture withCorruptedShare(PartyId cheater) {
    Dkls23KeyShare honest = shares.get(cheater);
    dev.keyshard.crypto.group.Secp256k1 g = dev.keyshard.crypto.group.Secp256k1.INSTANCE;
    var pk = honest.publicKeys();
    Map<PartyId, Point> verifying = new TreeMap<>(pk.verifyingShares());
    verifying.put(cheater, verifying.get(cheater).add(g.generator()));
    var keyShare = new dev.keyshard.mpc.keys.KeyShare(cheater,
        honest.signingShare().add(g.one()),
        new dev.keyshard.mpc.keys.PublicKeyPackage(g, committee, pk.groupKey(), verifying));
    Map<PartyId, Dkls23KeyShare> copy = new TreeMap<>(shares);
    copy.put(cheater, new Dkls23KeyShare(keyShare, honest.keygenId(), honest.chainCode(),
        honest.peers()));
    return new Dkls23Fixture(committee, copy, rng);
  }

  /** x, interpolated from every share. */
  static Scalar secretKey(Collection<Dkls23KeyShare> holders) {
    Map<Scalar, Scalar> points = new HashMap<>();
    for (Dkls23KeyShare k : holders) {
      points.put(k.self().toScalar(dev.keyshard.crypto.group.Secp256k1.INSTANCE),
          k.signingShare().value(InsecureSecretAccess.get()));
    }
    return Lagrange.interpolateAtZero(points);
  }

  static LocalNetwork<Dkls23KeygenMessage, Dkls23KeyShare> keygenNetwork(Committee committee,
      SessionId session, SecureRandom rng) {
    Map<PartyId, Dkls23KeygenParty> parties = new TreeMap<>();
    for (PartyId id : committee.parties()) {
      parties.put(id, new Dkls23KeygenParty(committee, id, session, rng));
    }
    return new LocalNetwork<>(parties,
        new EnvelopeCodec<>(ProtocolId.DKLS23_KEYGEN, new Dkls23KeygenCodec(committee)));
  }

  Point publicKey() {
    return shares.values().iterator().next().publicKey();
  }

  Map<PartyId, Dkls23SignParty> signers(Set<PartyId> ids, byte[] hash, Scalar tweak) {
    SessionId session = SessionId.random(rng);
    Map<PartyId, Dkls23SignParty> parties = new TreeMap<>();
    for (PartyId id : ids) {
      parties.put(id, new Dkls23SignParty(shares.get(id), ids, hash, tweak, session, rng));
    }
    return parties;
  }

  LocalNetwork<Dkls23SignMessage, EcdsaSignature> network(Map<PartyId, Dkls23SignParty> p) {
    return new LocalNetwork<>(p, new EnvelopeCodec<>(ProtocolId.DKLS23_SIGN,
        new Dkls23SignCodec(p.size())));
  }

  byte[] hash(String label) {
    byte[] h = new byte[32];
    rng.nextBytes(h);
    h[0] = (byte) label.hashCode();
    return h;
  }

  /** BouncyCastle, libsecp256k1 (verify, DER, recovery) and low S. */
  static void assertValid(EcdsaSignature sig, Point key, byte[] hash) throws Exception {
    assertTrue(sig.isLowS(), "signature is not low-S");
    EcdsaVerifier.verify(sig, key, hash);
    assertEquals(key, EcdsaVerifier.recoverPublicKey(sig, hash));
    Libsecp256k1.assertValid(sig, key, hash);
  }

  /** x·G from the shares of {@code holders} by Lagrange interpolation. */
  static Point interpolatedKey(Collection<Dkls23KeyShare> holders) {
    return dev.keyshard.crypto.group.Secp256k1.INSTANCE.multiplyGenerator(secretKey(holders));
  }
}
