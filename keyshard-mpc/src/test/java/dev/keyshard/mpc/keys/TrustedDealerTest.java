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
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** RFC 9591 Appendix C trusted dealer: any t shares interpolate to the secret, fewer do not. */
class TrustedDealerTest {

  @Property(tries = 20)
  void anyTSharesRecoverTheSecret(@ForAll @IntRange(min = 2, max = 16) int n,
      @ForAll @IntRange(min = 2, max = 16) int tRaw, @ForAll boolean ed25519) {
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
