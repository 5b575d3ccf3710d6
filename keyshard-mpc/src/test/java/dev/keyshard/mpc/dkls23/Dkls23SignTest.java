package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.SessionId;
import dev.keyshard.mpc.local.LocalNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DKLs23 key generation and signing through {@link LocalNetwork} and the wire codecs, for 2-of-2,
 * 2-of-3 (every signer pair) and 3-of-5, in order and shuffled, with and without a tweak. Every
 * signature is checked by BouncyCastle and libsecp256k1, is low-S, and recovers the key.
 */
class Dkls23SignTest {
  static Stream<Arguments> shapes() {
    return Stream.of(Arguments.of(2, 2), Arguments.of(2, 3), Arguments.of(3, 5));
  }

  /** Every t-subset of 1..n. */
  static List<Set<PartyId>> subsets(int t, int n) {
    List<Set<PartyId>> out = new ArrayList<>();
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) == t) {
        Set<PartyId> s = new TreeSet<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            s.add(PartyId.of(i + 1));
          }
        }
        out.add(s);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}-of-{1}")
  @MethodSource("shapes")
  void keygenGivesOneKeyAndConsistentShares(int t, int n) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(t, n, 1);
    Point key = f.publicKey();
    byte[] chainCode = f.shares.values().iterator().next().chainCode();
    for (Dkls23KeyShare s : f.shares.values()) {
      assertEquals(key, s.publicKey());
      assertArrayEquals(chainCode, s.chainCode());
      assertEquals(f.committee, s.committee());
    }
    for (Set<PartyId> subset : subsets(t, n)) {
      List<Dkls23KeyShare> holders = new ArrayList<>();
      subset.forEach(id -> holders.add(f.shares.get(id)));
      assertEquals(key, Dkls23Fixture.interpolatedKey(holders));
    }
  }

  @ParameterizedTest(name = "{0}-of-{1}")
  @MethodSource("shapes")
  void everySignerSetSignsInOrderAndShuffled(int t, int n) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(t, n, 1);
    int run = 0;
    for (Set<PartyId> signers : subsets(t, n)) {
      if (n == 5 && run >= 4) {
        break; // 3-of-5 has 10 sets; four of them, each shuffled, keep the suite fast
      }
      for (boolean shuffled : new boolean[] {false, true}) {
        byte[] hash = f.hash("sign" + run);
        LocalNetwork<Dkls23SignMessage, EcdsaSignature> net =
            f.network(f.signers(signers, hash, null));
        if (shuffled) {
          net.shuffle(new Random(run));
        }
        Map<PartyId, EcdsaSignature> out = net.run();
        EcdsaSignature sig = out.values().iterator().next();
        for (EcdsaSignature other : out.values()) {
          assertEquals(sig, other, "signers disagree");
        }
        Dkls23Fixture.assertValid(sig, f.publicKey(), hash);
      }
      run++;
    }
  }

  @ParameterizedTest(name = "{0}-of-{1}")
  @MethodSource("shapes")
  void tweakedSignatureVerifiesUnderTheTweakedKey(int t, int n) throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(t, n, 1);
    Secp256k1 g = Secp256k1.INSTANCE;
    Scalar tweak = g.randomScalar(f.rng);
    Set<PartyId> signers = subsets(t, n).get(subsets(t, n).size() - 1);
    byte[] hash = f.hash("tweak");
    Map<PartyId, Dkls23SignParty> parties = f.signers(signers, hash, tweak);
    Point tweaked = f.publicKey().add(g.multiplyGenerator(tweak));
    assertEquals(tweaked, parties.values().iterator().next().verifyingKey());
    EcdsaSignature sig = f.network(parties).run().values().iterator().next();
    Dkls23Fixture.assertValid(sig, tweaked, hash);
    assertNotEquals(f.publicKey(), EcdsaVerifier.recoverPublicKey(sig, hash));
  }

  /** Signer sets, hash length and tweak are checked before anything is sent. */
  @Test
  void parametersAreValidated() throws Exception {
    Dkls23Fixture f = Dkls23Fixture.of(3, 5, 1);
    Dkls23KeyShare s1 = f.shares.get(PartyId.of(1));
    SessionId sid = SessionId.random(f.rng);
    Set<PartyId> three = ids(1, 2, 3);
    for (Set<PartyId> bad : List.of(ids(1, 2), ids(2, 3, 4), ids(1, 2, 9))) {
      assertThrows(IllegalArgumentException.class,
          () -> new Dkls23SignParty(s1, bad, new byte[32], sid, f.rng));
    }
    assertThrows(IllegalArgumentException.class,
        () -> new Dkls23SignParty(s1, three, new byte[31], sid, f.rng));
    // δ = −x makes P + δ·G the identity.
    Scalar minusX = Dkls23Fixture.secretKey(f.shares.values()).negate();
    assertThrows(IllegalArgumentException.class,
        () -> new Dkls23SignParty(s1, three, new byte[32], minusX, sid, f.rng));
  }

  static Set<PartyId> ids(int... ids) {
    Set<PartyId> s = new TreeSet<>();
    for (int id : ids) {
      s.add(PartyId.of(id));
    }
    return s;
  }
}
