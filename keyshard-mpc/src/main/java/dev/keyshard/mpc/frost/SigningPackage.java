package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What every signer signs (RFC 9591 §5.2 inputs): the commitment list sorted by identifier and
 * the message, under the suite-normalised keys — together with everything round two and
 * aggregation derive from it, computed once per party: the binding factors (§4.4), the group
 * commitment (§4.5), the challenge (§4.6), the interpolating values (§4.2) and the BIP-340 nonce
 * negation. Round 2 and the {@link Aggregator} read it; nothing is recomputed.
 *
 * <p>Public values only. Immutable and thread-safe.
 */
final class SigningPackage {
  private final VerifyingKeys keys;
  private final SortedMap<PartyId, SigningCommitments> commitments;
  private final byte[] message;
  private final BindingFactors bindingFactors;
  private final GroupCommitment groupCommitment;
  private final Scalar challenge;
  private final Map<PartyId, Scalar> interpolatingValues;
  private final boolean negateNonces;
  private final byte[] viewDigest;

  private SigningPackage(VerifyingKeys keys, SortedMap<PartyId, SigningCommitments> commitments,
      byte[] message, BindingFactors bindingFactors, GroupCommitment groupCommitment) {
    FrostCiphersuite suite = keys.suite();
    this.keys = keys;
    this.commitments = Collections.unmodifiableSortedMap(commitments);
    this.message = message;
    this.bindingFactors = bindingFactors;
    this.groupCommitment = groupCommitment;
    byte[] rEnc = groupCommitment.encoding();
    // RFC 9591 §5.2: challenge = compute_challenge(group_commitment, group_public_key, msg)
    this.challenge = suite.challenge(suite.compact(rEnc), keys.compactGroupKey(), message);
    // §5.2: lambda_i = derive_interpolating_value(participant_list, identifier)
    this.interpolatingValues = interpolatingValues(suite.group(), commitments.keySet());
    this.negateNonces = suite.negatesNonces(rEnc);
    this.viewDigest = sha256(bindingFactors.rhoInputPrefix());
  }

  /**
   * Builds the package for {@code commitments} and {@code message}.
   *
   * @param self the building party, left out of the blame when R is the identity
   * @param ownNonces {@code self}'s nonces when it signs, checked against its commitments and not
   *     consumed, or null
   * @throws ProtocolAbort ({@link AbortReason#INVALID_COMMITMENT}, naming the other signers) when
   *     the group commitment is the identity, which cannot be encoded or signed with
   * @throws IllegalArgumentException when a signer is outside the committee, fewer than t signers
   *     committed, or a commitment is of another group
   */
  static SigningPackage build(VerifyingKeys keys, Map<PartyId, SigningCommitments> commitments,
      byte[] message, PartyId self, SigningNonces ownNonces) throws ProtocolAbort {
    SortedMap<PartyId, SigningCommitments> sorted = new TreeMap<>(commitments);
    if (!keys.committee().parties().containsAll(sorted.keySet())
        || sorted.size() < keys.committee().threshold()) {
      throw new IllegalArgumentException("signers " + sorted.keySet() + " are not at least t of "
          + keys.committee());
    }
    for (SigningCommitments c : sorted.values()) {
      if (c.group() != keys.suite().group()) {
        throw new IllegalArgumentException("commitment of another group");
      }
    }
    BindingFactors rho = BindingFactors.compute(keys, sorted, message);
    if (ownNonces != null && !ownNonces.commitments().equals(sorted.get(self))) {
      throw new IllegalArgumentException(self + "'s commitments are not its nonces' commitments");
    }
    GroupCommitment r = GroupCommitment.compute(sorted, rho);
    if (r.isIdentity()) {
      TreeSet<PartyId> others = new TreeSet<>(sorted.keySet());
      if (self != null) {
        others.remove(self);
      }
      throw new ProtocolAbort(ProtocolId.FROST_SIGN, FrostSignParty.ROUND_COMMIT,
          AbortReason.INVALID_COMMITMENT, others, "the group commitment is the identity");
    }
    return new SigningPackage(keys, sorted, message.clone(), rho, r);
  }

  /**
   * RFC 9591 §4.2 {@code derive_interpolating_value} for every signer: {@code λ_i = Π x_j ·
   * Π (x_j − x_i)^−1} over the other signers j. Identifiers are at most {@link PartyId#MAX}, so
   * every difference is a small non-zero integer whose inverse comes from {@link SmallInverses}:
   * no field inversion per signing session (RFC 9591 §5.2 notes λ_i may be precomputed).
   */
  static Map<PartyId, Scalar> interpolatingValues(Group group, Iterable<PartyId> signers) {
    List<PartyId> ids = new ArrayList<>();
    signers.forEach(ids::add);
    TreeMap<PartyId, Scalar> out = new TreeMap<>();
    for (PartyId xi : ids) {
      Scalar lambda = group.one();
      for (PartyId xj : ids) {
        if (!xj.equals(xi)) {
          // numerator *= x_j; denominator *= x_j - x_i
          lambda = lambda.multiply(xj.toScalar(group))
              .multiply(SmallInverses.of(group, xj.value() - xi.value()));
        }
      }
      out.put(xi, lambda);
    }
    return Collections.unmodifiableMap(out);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new KeyshardBug("SHA-256 is missing from the JDK", e);
    }
  }

  VerifyingKeys keys() {
    return keys;
  }

  FrostCiphersuite suite() {
    return keys.suite();
  }

  SortedMap<PartyId, SigningCommitments> commitments() {
    return commitments;
  }

  byte[] message() {
    return message.clone();
  }

  BindingFactors bindingFactors() {
    return bindingFactors;
  }

  GroupCommitment groupCommitment() {
    return groupCommitment;
  }

  Scalar challenge() {
    return challenge;
  }

  /** λ_i of a signer in this package. */
  Scalar interpolatingValue(PartyId id) {
    Scalar lambda = interpolatingValues.get(id);
    if (lambda == null) {
      throw new IllegalArgumentException("invalid participant " + id);
    }
    return lambda;
  }

  /** BIP-340: R has odd y, so nonce contributions and commitment shares are negated. */
  boolean negateNonces() {
    return negateNonces;
  }

  /**
   * SHA-256 of {@code rho_input_prefix} (group key, H4(msg), H5(commitment list)): a 32-byte
   * digest of everything this package signs, which signers echo with their share so that two
   * signers who signed different views (a sender equivocated in round one, or the callers passed
   * different messages) are told apart from a bad share. Not part of the RFC 9591 computation.
   */
  byte[] viewDigest() {
    return viewDigest.clone();
  }
}
