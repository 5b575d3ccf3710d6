package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.PartyId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Inverses of the integers ±1…±({@link PartyId#MAX} − 1) modulo a group's order: every difference
 * of two party identifiers. Computed once per group with a single field inversion (Montgomery's
 * batch trick), so interpolating values (RFC 9591 §4.2) need no inversion per signing session.
 *
 * <p>Public constants; thread-safe. The scalars never leave this package and are never destroyed.
 */
final class SmallInverses {
  private static final int MAX = PartyId.MAX - 1;
  private static final Map<Group, Scalar[]> TABLES = new ConcurrentHashMap<>();

  private SmallInverses() {}

  /**
   * {@code d^−1 mod order} for {@code 0 < |d| <= PartyId.MAX − 1}.
   *
   * @throws IllegalArgumentException when d is 0 or out of range
   */
  static Scalar of(Group group, int d) {
    if (d == 0 || Math.abs(d) > MAX) {
      throw new IllegalArgumentException("no small inverse for " + d);
    }
    Scalar inv = TABLES.computeIfAbsent(group, SmallInverses::table)[Math.abs(d)];
    return d > 0 ? inv : inv.negate();
  }

  private static Scalar[] table(Group group) {
    Scalar[] prefix = new Scalar[MAX + 1];
    Scalar acc = group.one();
    for (int i = 1; i <= MAX; i++) {
      prefix[i] = acc;
      acc = acc.multiply(group.scalarOf(i));
    }
    Scalar inv = acc.invert();
    Scalar[] out = new Scalar[MAX + 1];
    for (int i = MAX; i >= 1; i--) {
      out[i] = inv.multiply(prefix[i]);
      inv = inv.multiply(group.scalarOf(i));
    }
    return out;
  }
}
