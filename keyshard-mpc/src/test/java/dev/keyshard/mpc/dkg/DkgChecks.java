package dev.keyshard.mpc.dkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The assertions every honest DKG run must pass. */
final class DkgChecks {
  private DkgChecks() {}

  /**
   * Everyone holds the same public key package, transcript hash and group commitment; each share
   * matches its verifying share; a random t-subset reconstructs the group key and a random
   * (t−1)-subset does not.
   */
  static void checkResults(Committee committee, Map<PartyId, DkgResult> results, Random rnd) {
    assertEquals(committee.parties(), results.keySet());
    DkgResult first = results.values().iterator().next();
    PublicKeyPackage pk = first.publicKeys();
    assertEquals(committee, pk.committee());
    for (Map.Entry<PartyId, DkgResult> e : results.entrySet()) {
      DkgResult r = e.getValue();
      assertEquals(pk, r.publicKeys(), "public key package of " + e.getKey());
      assertArrayEquals(first.transcriptHash(), r.transcriptHash());
      assertEquals(first.groupCommitment(), r.groupCommitment());
      KeyShare k = r.keyShare();
      assertEquals(e.getKey(), k.self());
      assertEquals(pk.verifyingShare(k.self()), k.signingShare().publicPoint());
    }
    assertTrue(!pk.groupKey().isIdentity());
    List<KeyShare> shares = new ArrayList<>();
    results.values().forEach(r -> shares.add(r.keyShare()));
    Collections.shuffle(shares, rnd);
    int t = committee.threshold();
    assertEquals(pk.groupKey(), DkgFixture.interpolatedKey(shares.subList(0, t)));
    assertNotEquals(pk.groupKey(), DkgFixture.interpolatedKey(shares.subList(0, t - 1)));
  }
}
