package dev.keyshard.mpc;

import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The parties of a key and its threshold t: any t of the n parties can sign, fewer learn nothing.
 * Immutable; validated once here (Tink-style), so protocol code can trust it.
 */
public final class Committee {
  /** Largest committee Keyshard supports. */
  public static final int MAX_PARTIES = 16;

  private final int threshold;
  private final SortedSet<PartyId> parties;

  private Committee(int threshold, SortedSet<PartyId> parties) {
    this.threshold = threshold;
    this.parties = parties;
  }

  /**
   * @throws IllegalArgumentException unless 2 ≤ t ≤ n ≤ {@link #MAX_PARTIES} and the ids are distinct
   */
  public static Committee of(int threshold, Collection<PartyId> parties) {
    TreeSet<PartyId> set = new TreeSet<>(parties);
    if (set.size() != parties.size()) {
      throw new IllegalArgumentException("duplicate party ids in " + parties);
    }
    int n = set.size();
    if (threshold < 2 || threshold > n || n > MAX_PARTIES) {
      throw new IllegalArgumentException(
          "need 2 <= t <= n <= " + MAX_PARTIES + ", got t=" + threshold + ", n=" + n);
    }
    return new Committee(threshold, Collections.unmodifiableSortedSet(set));
  }

  /** Parties P1..Pn. */
  public static Committee numbered(int threshold, int n) {
    TreeSet<PartyId> ids = new TreeSet<>();
    for (int i = 1; i <= n; i++) {
      ids.add(PartyId.of(i));
    }
    return of(threshold, ids);
  }

  public int threshold() {
    return threshold;
  }

  public int size() {
    return parties.size();
  }

  public SortedSet<PartyId> parties() {
    return parties;
  }

  public boolean contains(PartyId id) {
    return parties.contains(id);
  }

  /** Everyone but {@code self}. */
  public SortedSet<PartyId> others(PartyId self) {
    TreeSet<PartyId> rest = new TreeSet<>(parties);
    rest.remove(self);
    return Collections.unmodifiableSortedSet(rest);
  }

  /**
   * @throws IllegalArgumentException when {@code self} is not a member
   */
  public void requireMember(PartyId self) {
    if (!parties.contains(self)) {
      throw new IllegalArgumentException(self + " is not in the committee " + parties);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Committee
        && ((Committee) o).threshold == threshold
        && ((Committee) o).parties.equals(parties);
  }

  @Override
  public int hashCode() {
    return 31 * threshold + parties.hashCode();
  }

  @Override
  public String toString() {
    return threshold + "-of-" + parties.size() + " " + parties;
  }
}
