package dev.keyshard.mpc.dkls23;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.PartyId;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** F_Zero (DKLs23 Functionality 3.4): per-session shares over any signer set sum to zero. */
class ZeroSharesTest {
  static final Secp256k1 G = Secp256k1.INSTANCE;

  /** Pairwise seeds of parties 1..n, as key generation leaves them. */
  static Map<PartyId, Map<PartyId, byte[]>> seeds(int n, SecureRandom rng) {
    Map<PartyId, Map<PartyId, byte[]>> all = new TreeMap<>();
    for (int i = 1; i <= n; i++) {
      all.put(PartyId.of(i), new TreeMap<>());
    }
    for (int i = 1; i <= n; i++) {
      for (int j = i + 1; j <= n; j++) {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        rng.nextBytes(a);
        rng.nextBytes(b);
        byte[] ij = ZeroShares.pairSeed(a, b);
        assertArrayEquals(ij, ZeroShares.pairSeed(b, a));
        all.get(PartyId.of(i)).put(PartyId.of(j), ij);
        all.get(PartyId.of(j)).put(PartyId.of(i), ij.clone());
      }
    }
    return all;
  }

  @Test
  void sharesOfEverySignerSetSumToZero() {
    SecureRandom rng = TestRandom.seeded(3, "zero");
    int n = 5;
    Map<PartyId, Map<PartyId, byte[]>> seeds = seeds(n, rng);
    for (int mask = 0; mask < (1 << n); mask++) {
      if (Integer.bitCount(mask) < 2) {
        continue;
      }
      Set<PartyId> signers = new TreeSet<>();
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0) {
          signers.add(PartyId.of(i + 1));
        }
      }
      byte[] session = new byte[32];
      rng.nextBytes(session);
      Scalar sum = G.zero();
      for (PartyId i : signers) {
        try (SecretScalar z = ZeroShares.share(i, signers, seeds.get(i), session)) {
          assertFalse(z.isZero());
          sum = sum.add(z.value(InsecureSecretAccess.get()));
        }
      }
      assertEquals(G.zero(), sum, "signers " + signers);
    }
    // The shared constant survived every destroy above.
    assertEquals(G.zero(), G.zero().add(G.zero()));
  }

  @Test
  void sessionsGiveIndependentShares() {
    SecureRandom rng = TestRandom.seeded(4, "zero");
    Map<PartyId, Map<PartyId, byte[]>> seeds = seeds(3, rng);
    Set<PartyId> signers = Set.of(PartyId.of(1), PartyId.of(3));
    Map<String, Scalar> seen = new HashMap<>();
    for (int s = 0; s < 20; s++) {
      byte[] session = {(byte) s};
      Scalar z = ZeroShares.share(PartyId.of(1), signers, seeds.get(PartyId.of(1)), session)
          .value(InsecureSecretAccess.get());
      for (Scalar other : seen.values()) {
        assertNotEquals(other, z);
      }
      seen.put("s" + s, z);
    }
  }

  @Test
  void refusesMissingSeedsAndOutsiders() {
    Map<PartyId, byte[]> none = new TreeMap<>();
    Set<PartyId> signers = Set.of(PartyId.of(1), PartyId.of(2));
    assertThrows(IllegalArgumentException.class,
        () -> ZeroShares.share(PartyId.of(1), signers, none, new byte[32]));
    assertThrows(IllegalArgumentException.class,
        () -> ZeroShares.share(PartyId.of(3), signers, none, new byte[32]));
    assertThrows(IllegalArgumentException.class,
        () -> ZeroShares.pairSeed(new byte[31], new byte[32]));
  }
}
