package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.PartyId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The group commitment R (RFC 9591 §4.5, {@code compute_group_commitment}), with R's encoding
 * computed once for the challenge and the signature.
 *
 * <p>R = Σ D_i + Σ ρ_i·E_i is computed as one multi-scalar multiplication over the binding
 * commitments (public points and public binding factors, so variable-time is fine): one run of
 * doublings for all signers instead of one per signer. Each signer's commitment share
 * D_i + ρ_i·E_i is needed again only to name a cheater when the signature fails (§5.4), so it is
 * computed then, on demand.
 *
 * <p>Public values. Immutable and thread-safe.
 */
final class GroupCommitment {
  private final Point point;
  private final byte[] encoding;
  private final SortedMap<PartyId, SigningCommitments> commitments;
  private final BindingFactors bindingFactors;

  private GroupCommitment(Point point, SortedMap<PartyId, SigningCommitments> commitments,
      BindingFactors bindingFactors) {
    this.point = point;
    // The identity has no encoding (RFC 9591 §4, SerializeElement fails on it).
    this.encoding = point.isIdentity() ? null : point.toBytes();
    this.commitments = Collections.unmodifiableSortedMap(commitments);
    this.bindingFactors = bindingFactors;
  }

  /**
   * RFC 9591 §4.5 {@code compute_group_commitment(commitment_list, binding_factor_list)}.
   *
   * @throws IllegalArgumentException when the commitment list is empty
   */
  static GroupCommitment compute(SortedMap<PartyId, SigningCommitments> commitments,
      BindingFactors bindingFactors) {
    if (commitments.isEmpty()) {
      throw new IllegalArgumentException("empty commitment list");
    }
    Group group = commitments.values().iterator().next().group();
    Point hiding = group.identity();
    List<Scalar> rhos = new ArrayList<>();
    List<Point> bindings = new ArrayList<>();
    for (Map.Entry<PartyId, SigningCommitments> e : commitments.entrySet()) {
      // group_commitment = group_commitment + hiding_nonce_commitment + binding_nonce, with
      // binding_nonce = G.ScalarMult(binding_nonce_commitment, binding_factor)
      hiding = hiding.add(e.getValue().hiding());
      rhos.add(bindingFactors.of(e.getKey()));
      bindings.add(e.getValue().binding());
    }
    Point r = hiding.add(group.multiplyAndSum(rhos, bindings));
    return new GroupCommitment(r, commitments, bindingFactors);
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

  /**
   * Signer {@code id}'s commitment share {@code D_i + ρ_i·E_i} (RFC 9591 §5.4, {@code comm_share}).
   */
  Point share(PartyId id) {
    SigningCommitments c = commitments.get(id);
    if (c == null) {
      throw new IllegalArgumentException("invalid participant " + id);
    }
    Group group = c.group();
    // Public values: computed variable-time as 0·G + ρ·E.
    return c.hiding().add(group.multiplyGeneratorAndAdd(group.zero(), bindingFactors.of(id),
        c.binding()));
  }
}
