package dev.keyshard.mpc.keys;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The public output of key generation, the same on every party: the committee, the group public
 * key, and each party's verifying share {@code s_i·G} (RFC 9591 §5, "PK_i"). Immutable.
 */
public final class PublicKeyPackage {
  private final Group group;
  private final Committee committee;
  private final Point groupKey;
  private final Map<PartyId, Point> verifyingShares;

  /**
   * @throws IllegalArgumentException when the verifying shares do not cover exactly the committee,
   *     or a key is the identity or of another group
   */
  public PublicKeyPackage(Group group, Committee committee, Point groupKey,
      Map<PartyId, Point> verifyingShares) {
    this.group = Objects.requireNonNull(group);
    this.committee = Objects.requireNonNull(committee);
    this.groupKey = requireKey(group, groupKey);
    if (!verifyingShares.keySet().equals(committee.parties())) {
      throw new IllegalArgumentException("verifying shares must cover exactly " + committee);
    }
    TreeMap<PartyId, Point> copy = new TreeMap<>();
    verifyingShares.forEach((id, p) -> copy.put(id, requireKey(group, p)));
    this.verifyingShares = Collections.unmodifiableMap(copy);
  }

  private static Point requireKey(Group group, Point p) {
    if (p.group() != group || p.isIdentity()) {
      throw new IllegalArgumentException("key must be a non-identity point of " + group.name());
    }
    return p;
  }

  public Group group() {
    return group;
  }

  public Committee committee() {
    return committee;
  }

  public Point groupKey() {
    return groupKey;
  }

  public Map<PartyId, Point> verifyingShares() {
    return verifyingShares;
  }

  public Point verifyingShare(PartyId id) {
    Point p = verifyingShares.get(id);
    if (p == null) {
      throw new IllegalArgumentException(id + " is not in " + committee);
    }
    return p;
  }

  /** The package for the negated key (BIP-340 even-y normalisation after key generation). */
  public PublicKeyPackage negate() {
    TreeMap<PartyId, Point> neg = new TreeMap<>();
    verifyingShares.forEach((id, p) -> neg.put(id, p.negate()));
    return new PublicKeyPackage(group, committee, groupKey.negate(), neg);
  }

  /**
   * The package for the key shifted by a public constant c: group key P + c·G and every verifying
   * share PK_i + c·G. Adding c to every Shamir share f(i) shares f + c, whose constant term is the
   * secret plus c (the Lagrange coefficients at 0 sum to 1), so the shifted shares still open to
   * the shifted key. This is how BIP-32 non-hardened derivation (c = δ) and the BIP-341 taproot
   * tweak (c = t) reach a threshold key, as ZF {@code frost-secp256k1-tr} tweaks its key packages.
   *
   * @throws IllegalArgumentException when c is of another group, or (with negligible probability
   *     for a hash-derived c) a shifted key is the identity
   */
  public PublicKeyPackage tweaked(Scalar c) {
    if (c.group() != group) {
      throw new IllegalArgumentException("tweak of another group");
    }
    Point shift = group.multiplyGenerator(c);
    TreeMap<PartyId, Point> moved = new TreeMap<>();
    verifyingShares.forEach((id, p) -> moved.put(id, p.add(shift)));
    return new PublicKeyPackage(group, committee, groupKey.add(shift), moved);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PublicKeyPackage)) {
      return false;
    }
    PublicKeyPackage other = (PublicKeyPackage) o;
    return group == other.group && committee.equals(other.committee)
        && groupKey.equals(other.groupKey) && verifyingShares.equals(other.verifyingShares);
  }

  @Override
  public int hashCode() {
    return groupKey.hashCode();
  }

  @Override
  public String toString() {
    return "PublicKeyPackage[" + group.name() + ", " + committee + ", " + groupKey + "]";
  }
}
