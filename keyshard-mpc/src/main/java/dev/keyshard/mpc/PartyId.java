package dev.keyshard.mpc;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;

/**
 * A party's identifier: a small positive integer, used as the party's evaluation point x = id in
 * every group. Zero is refused because f(0) is the secret (ATTACKS.md, zero share index); ids are
 * at most {@link #MAX}, far below both group orders, so two ids never alias modulo the order.
 *
 * <p>Immutable; {@link #toString()} is log-safe ("P3").
 */
public final class PartyId implements Comparable<PartyId> {
  /** Largest accepted identifier. */
  public static final int MAX = 255;

  private final int value;

  private PartyId(int value) {
    this.value = value;
  }

  /**
   * @throws IllegalArgumentException when {@code value} is not in 1..{@link #MAX}
   */
  public static PartyId of(int value) {
    if (value < 1 || value > MAX) {
      throw new IllegalArgumentException("party id must be in 1.." + MAX + ", got " + value);
    }
    return new PartyId(value);
  }

  public int value() {
    return value;
  }

  /** This id as the evaluation point of the sharing polynomial. */
  public Scalar toScalar(Group group) {
    return group.scalarOf(value);
  }

  @Override
  public int compareTo(PartyId o) {
    return Integer.compare(value, o.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PartyId && ((PartyId) o).value == value;
  }

  @Override
  public int hashCode() {
    return value;
  }

  @Override
  public String toString() {
    return "P" + value;
  }
}
