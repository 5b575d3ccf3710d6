package dev.keyshard.mpc.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.testing.Cases;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9591 Appendix C trusted dealer: any t shares interpolate to the secret, fewer do not. */
class TrustedDealerTest {

  /**
   * (n, t before clamping to n, Ed25519 or secp256k1): the extreme thresholds 2-of-2 and 16-of-16
   * on both groups, 2-of-16, a t above n, then random shapes with n and t in 2..16.
   */
  static Stream<Arguments> shapes() {
    return Stream.concat(Stream.of(
            Cases.edge("2-of-2, Ed25519", 2, 2, true),
            Cases.edge("2-of-2, secp256k1", 2, 2, false),
            Cases.edge("16-of-16, Ed25519", 16, 16, true),
            Cases.edge("16-of-16, secp256k1", 16, 16, false),
            Cases.edge("2-of-16, Ed25519", 16, 2, true),
            Cases.edge("t = 16 clamped to 3-of-3, secp256k1", 3, 16, false)),
        Cases.arguments(0x7D11, 20, r -> Cases.args(
            Cases.between(r, 2, 16), Cases.between(r, 2, 16), r.nextBoolean())));
  }

  @ParameterizedTest
  @MethodSource("shapes")
  void anyTSharesRecoverTheSecret(int n, int tRaw, boolean ed25519) {
    int t = Math.min(tRaw, n);
    Group group = ed25519 ? Ed25519.INSTANCE : Secp256k1.INSTANCE;
    SecureRandom rng = new SecureRandom();
    try (SecretScalar secret = SecretScalar.random(group, rng);
        TrustedDealer dealer = TrustedDealer.splitting(secret, t, rng)) {
      TrustedDealer.Shares dealt = dealer.deal(Committee.numbered(t, n));
      assertEquals(secret.publicPoint(), dealt.publicKeys().groupKey());
      List<PartyId> ids = new ArrayList<>(dealt.keyShares().keySet());
      java.util.Collections.shuffle(ids, rng);
      assertEquals(secret.value(InsecureSecretAccess.get()), interpolate(group, dealt,
          ids.subList(0, t)));
      if (t > 2) {
        assertFalse(secret.value(InsecureSecretAccess.get()).equals(
            interpolate(group, dealt, ids.subList(0, t - 1))), "t-1 shares reveal nothing");
      }
    }
  }

  /** Lagrange interpolation at 0 (RFC 9591 Appendix C.1 polynomial_interpolate_constant). */
  private static Scalar interpolate(Group group, TrustedDealer.Shares dealt, List<PartyId> ids) {
    Scalar sum = group.zero();
    for (PartyId i : ids) {
      Scalar num = group.one();
      Scalar den = group.one();
      for (PartyId j : ids) {
        if (!j.equals(i)) {
          num = num.multiply(j.toScalar(group));
          den = den.multiply(j.toScalar(group).subtract(i.toScalar(group)));
        }
      }
      Scalar y = dealt.of(i).signingShare().value(InsecureSecretAccess.get());
      sum = sum.add(y.multiply(num).multiply(den.invert()));
    }
    return sum;
  }

  @Test
  void rejectsBadParameters() {
    Group g = Secp256k1.INSTANCE;
    SecureRandom rng = new SecureRandom();
    assertThrows(IllegalArgumentException.class, () -> TrustedDealer.random(g, 1, rng));
    assertThrows(IllegalArgumentException.class,
        () -> new TrustedDealer(List.of(SecretScalar.random(g, rng))));
    assertThrows(IllegalArgumentException.class, () -> new TrustedDealer(List.of(
        SecretScalar.wrap(g.zero()), SecretScalar.random(g, rng))), "zero secret");
    assertThrows(IllegalArgumentException.class, () -> new TrustedDealer(List.of(
        SecretScalar.random(g, rng), SecretScalar.random(Ed25519.INSTANCE, rng))), "mixed groups");
    try (TrustedDealer d = TrustedDealer.random(g, 3, rng)) {
      assertThrows(IllegalArgumentException.class, () -> d.deal(Committee.numbered(2, 4)),
          "threshold differs from the polynomial's");
    }
  }

  @Test
  void destroyWipesTheDealer() {
    TrustedDealer d = TrustedDealer.random(Ed25519.INSTANCE, 2, new SecureRandom());
    assertTrue(d.toString().contains("redacted"));
    d.destroy();
    assertTrue(d.isDestroyed());
    assertThrows(IllegalStateException.class, () -> d.deal(Committee.numbered(2, 3)));
  }
}
