package dev.keyshard.crypto.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The public point a {@link SecretScalar} keeps once computed: right, carried, and dropped. */
class SecretScalarPublicPointTest {
  static Stream<Group> groups() {
    return Stream.of(Ed25519.INSTANCE, Secp256k1.INSTANCE);
  }

  @ParameterizedTest
  @MethodSource("groups")
  void keptPointMatchesTheValueThroughCopyAndNegate(Group g) {
    SecureRandom rng = new SecureRandom(new byte[] {7});
    SecretScalar x = SecretScalar.random(g, rng);
    var expected = g.multiplyGenerator(x.value(InsecureSecretAccess.get()));
    assertEquals(expected, x.publicPoint());
    assertSame(x.publicPoint(), x.publicPoint(), "computed once");
    SecretScalar copy = x.copy();
    assertEquals(expected, copy.publicPoint());
    assertEquals(expected.negate(), x.negate().publicPoint());
    // Values derived by arithmetic start without a point and compute their own.
    assertEquals(expected.add(expected), x.add(x).publicPoint());
  }

  @ParameterizedTest
  @MethodSource("groups")
  void destroyDropsThePoint(Group g) {
    SecretScalar x = SecretScalar.random(g, new SecureRandom());
    SecretScalar copy = x.copy();
    x.publicPoint();
    x.destroy();
    assertThrows(IllegalStateException.class, x::publicPoint);
    assertEquals(g.multiplyGenerator(copy.value(InsecureSecretAccess.get())), copy.publicPoint(),
        "a copy is independent");
  }
}
