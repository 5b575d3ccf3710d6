package dev.keyshard.crypto.vss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ATTACKS.md, "Pedersen DKG threshold-raise" (Trail of Bits 2024; ZF frost#600): a dealer sends a
 * Feldman vector of length t + k. Every share it hands out still verifies against that vector, so
 * the only defence is to insist on the session's length. The DKG attack test in keyshard-mpc builds
 * on these primitives and additionally asserts the culprit.
 */
class VssThresholdRaiseAttackTest {
  static List<Group> groups() {
    return List.of(Secp256k1.INSTANCE, Ed25519.INSTANCE);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void longerShorterAndEmptyVectorsAreRejectedAtDecode(Group g) throws Exception {
    int t = 3;
    SecureRandom rng = VssContractTest.seeded(42);
    try (SecretScalar secret = SecretScalar.random(g, rng);
        Polynomial raised = Polynomial.random(g, t, secret, rng)) {
      // The attacker's polynomial has degree t: t + 1 commitments.
      VssCommitment evil = raised.commitment();
      byte[] wire = evil.encode();
      // Its shares are consistent with its own (too long) commitment...
      Scalar x = g.scalarOf(1);
      evil.verifyShare(x, raised.evaluate(x));
      // ...so the length is what must be checked, and decode takes it from the session.
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(g, wire, t));
      byte[] shorter = Arrays.copyOf(wire, (t - 1) * g.pointLength());
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(g, shorter, t));
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(g, new byte[0], t));
      byte[] ragged = Arrays.copyOf(wire, t * g.pointLength() + 1);
      assertThrows(InvalidEncodingException.class, () -> VssCommitment.decode(g, ragged, t));
      assertThrows(IllegalArgumentException.class, () -> VssCommitment.decode(g, wire, 0));
      // The honest length decodes.
      assertEquals(t + 1, VssCommitment.decode(g, wire, t + 1).threshold());
    }
  }

  /** mpcsec wrong-length: a loop over an empty commitment must not pass vacuously. */
  @ParameterizedTest
  @MethodSource("groups")
  void emptyCommitmentCannotExist(Group g) {
    assertThrows(IllegalArgumentException.class, () -> new VssCommitment(List.of()));
    assertThrows(IllegalArgumentException.class, () -> VssCommitment.decode(g, new byte[0], 0));
  }
}
