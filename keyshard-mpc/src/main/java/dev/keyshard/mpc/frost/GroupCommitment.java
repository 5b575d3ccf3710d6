package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.PartyId;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The group commitment R (RFC 9591 §4.5, {@code compute_group_commitment}) with each signer's
 * commitment share {@code D_i + ρ_i·E_i}, which {@code verify_signature_share} (§5.4) needs again:
 * keeping them saves one scalar multiplication per signer. R's encoding is computed once, for
 * the challenge and the signature.
 *
 * <p>Public values. Immutable and thread-safe.
 */
final class GroupCommitment {
  private final Point point;
  private final byte[] encoding;
  private final SortedMap<PartyId, Point> shares;

  private GroupCommitment(Point point, SortedMap<PartyId, Point> shares) {
    this.point = point;
    // The identity has no encoding (RFC 9591 §4, SerializeElement fails on it).
    this.encoding = point.isIdentity() ? null : point.toBytes();
    this.shares = Collections.unmodifiableSortedMap(shares);
  }

  /**
   * RFC 9591 §4.5 {@code compute_group_commitment(commitment_list, binding_factor_list)}.
   *
   * @param self the computing signer, or null
   * @param ownNonces {@code self}'s nonces, or null for a party that did not commit. With them,
   *     {@code self}'s share is {@code (d + ρ·e)·G}, one constant-time base multiplication
   *     instead of a multiplication of {@code E}; the nonces are not consumed
   */
  static GroupCommitment compute(SortedMap<PartyId, SigningCommitments> commitments,
      BindingFactors bindingFactors, PartyId self, SigningNonces ownNonces) {
    Point r = null;
    SortedMap<PartyId, Point> shares = new TreeMap<>();
    for (Map.Entry<PartyId, SigningCommitments> e : commitments.entrySet()) {
      PartyId id = e.getKey();
      Scalar rho = bindingFactors.of(id);
      Point share;
      if (ownNonces != null && id.equals(self)) {
        share = ownNonces.commitmentShare(rho);
      } else {
        SigningCommitments c = e.getValue();
        Group group = c.group();
        // binding_nonce = G.ScalarMult(binding_nonce_commitment, binding_factor), public values:
        // computed variable-time as 0·G + ρ·E.
        Point bindingNonce = group.multiplyGeneratorAndAdd(group.zero(), rho, c.binding());
        share = c.hiding().add(bindingNonce);
      }
      shares.put(id, share);
      // group_commitment = group_commitment + hiding_nonce_commitment + binding_nonce
      r = r == null ? share : r.add(share);
    }
    if (r == null) {
      throw new IllegalArgumentException("empty commitment list");
    }
    return new GroupCommitment(r, shares);
  }

  /** True when R is the identity, which cannot be signed with (SerializeElement fails). */
  boolean isIdentity() {
    return encoding == null;
  }

  Point point() {
    return point;
  }

  /** SerializeElement(R). */
  byte[] encoding() {
    if (encoding == null) {
      throw new IllegalStateException("the group commitment is the identity");
    }
    return encoding;
  }

  /** Signer {@code id}'s commitment share {@code D_i + ρ_i·E_i}. */
  Point share(PartyId id) {
    Point s = shares.get(id);
    if (s == null) {
      throw new IllegalArgumentException("invalid participant " + id);
    }
    return s;
  }
}
