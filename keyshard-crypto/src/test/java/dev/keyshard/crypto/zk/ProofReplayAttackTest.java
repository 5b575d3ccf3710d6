package dev.keyshard.crypto.zk;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ATTACKS.md, "tss-lib CVE-2022-47930 / -47931 / CVE-2023-26556 / -26557": a valid proof replayed
 * from session A into session B, or from party i as party j, must be rejected. The binding comes
 * from the context transcript, so each field a protocol puts there is tested here.
 */
class ProofReplayAttackTest {
  static java.util.List<Group> groups() {
    return SchnorrProofTest.groups();
  }

  @ParameterizedTest
  @MethodSource("groups")
  void replayIntoAnotherContextFails(Group g) throws Exception {
    SecureRandom rng = SchnorrProofTest.rng();
    SecretScalar x = SecretScalar.random(g, rng);
    Point pub = x.publicPoint();
    SchnorrProof proof = SchnorrProof.prove(x, pub, SchnorrProofTest.context("session-A", 1, 1), rng);
    proof.verify(pub, SchnorrProofTest.context("session-A", 1, 1));

    // Another session.
    assertThrows(InvalidProofException.class,
        () -> proof.verify(pub, SchnorrProofTest.context("session-B", 1, 1)));
    // Party 1's proof presented as party 2's (a rogue party copying an honest proof).
    assertThrows(InvalidProofException.class,
        () -> proof.verify(pub, SchnorrProofTest.context("session-A", 2, 1)));
    // Another round.
    assertThrows(InvalidProofException.class,
        () -> proof.verify(pub, SchnorrProofTest.context("session-A", 1, 2)));
    // Another protocol with otherwise identical fields.
    Transcript reshare = Transcript.of("keyshard/reshare/v1")
        .append("session", "session-A").appendInt("party", 1).appendInt("round", 1);
    assertThrows(InvalidProofException.class, () -> proof.verify(pub, reshare));
    // An unbound proof (bare domain) does not stand in for a bound one, nor the reverse.
    assertThrows(InvalidProofException.class,
        () -> proof.verify(pub, Transcript.of("keyshard/dkg/v1")));
  }
}
