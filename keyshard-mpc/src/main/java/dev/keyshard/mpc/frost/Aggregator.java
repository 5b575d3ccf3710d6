package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Aggregation (RFC 9591 §5.3 {@code aggregate}) and identifiable abort (§5.4
 * {@code verify_signature_share}). Every Keyshard signer aggregates for itself — there is no
 * trusted coordinator — and names each bad signer when the result does not verify (frost-core's
 * {@code InvalidSignatureShare { culprits }}, with no switch that turns blame off).
 *
 * <p>Cheater detection runs on failure only, as in frost-core 2.x: the aggregate is verified first
 * (one double-scalar multiplication on points already decoded), and only when it fails is every
 * share checked alone (one each). A valid aggregate is what §5.3 asks the coordinator to ensure;
 * shares that are individually wrong yet sum to a valid signature harm no one and go unnamed.
 *
 * <p>Stateless.
 */
final class Aggregator {
  private Aggregator() {}

  /**
   * RFC 9591 §5.4 {@code verify_signature_share} for every share in {@code shares}.
   *
   * @throws ProtocolAbort ({@link AbortReason#INVALID_SIGNATURE_SHARE}, round 2) naming every
   *     signer whose share does not verify
   * @throws IllegalArgumentException when a share comes from a party outside the package
   */
  static void verifySignatureShares(SigningPackage pkg, Map<PartyId, SignatureShare> shares)
      throws ProtocolAbort {
    Set<PartyId> culprits = new TreeSet<>();
    for (Map.Entry<PartyId, SignatureShare> e : shares.entrySet()) {
      if (!shareVerifies(pkg, e.getKey(), e.getValue())) {
        culprits.add(e.getKey());
      }
    }
    if (!culprits.isEmpty()) {
      throw invalidShares(culprits);
    }
  }

  /** §5.4: {@code G.ScalarBaseMult(sig_share_i) == comm_share + G.ScalarMult(PK_i, c·λ_i)}. */
  private static boolean shareVerifies(SigningPackage pkg, PartyId id, SignatureShare share) {
    Group group = pkg.suite().group();
    if (share.group() != group) {
      return false;
    }
    // comm_share = hiding_nonce_commitment
    //     + G.ScalarMult(binding_nonce_commitment, binding_factor),
    // kept from the group commitment; negated with the nonces for BIP-340 (ZF verify_share).
    Point commShare = pkg.groupCommitment().share(id);
    if (pkg.negateNonces()) {
      commShare = commShare.negate();
    }
    Scalar cLambda = pkg.challenge().multiply(pkg.interpolatingValue(id));
    // l == r  ⇔  z_i·G − (c·λ_i)·PK_i == comm_share: one double-scalar multiplication.
    Point lhs = group.multiplyGeneratorAndAdd(share.value(), cLambda.negate(),
        pkg.keys().verifyingShare(id));
    return lhs.equals(commShare);
  }

  /**
   * RFC 9591 §5.3 {@code aggregate}: {@code (R, z = Σ z_i)}; for BIP-340 with odd R the signature
   * carries −R (its x-coordinate), which the negated nonces made valid.
   *
   * @throws IllegalArgumentException unless there is exactly one share per signer of the package
   */
  static Signature aggregate(SigningPackage pkg, Map<PartyId, SignatureShare> shares) {
    if (!shares.keySet().equals(pkg.commitments().keySet())) {
      throw new IllegalArgumentException("need one share from each of " + pkg.commitments().keySet()
          + ", got " + shares.keySet());
    }
    Scalar z = pkg.suite().group().zero();
    for (SignatureShare share : shares.values()) {
      z = z.add(share.value());
    }
    GroupCommitment r = pkg.groupCommitment();
    Point point = pkg.negateNonces() ? r.point().negate() : r.point();
    return Signature.assemble(pkg.suite(), point, r.encoding(), z);
  }

  /**
   * RFC 9591 §5.3 {@code aggregate}, then the final check before anyone sees the signature (the
   * Coordinator SHOULD verify; DESIGN.md: never output a signature that does not verify). Only
   * when that check fails are the shares checked one by one (§5.4) to name the culprits.
   *
   * @param shares one share per signer of the package, {@code self}'s included
   * @param self the aggregating signer, whose own share is not re-checked
   * @throws ProtocolAbort ({@link AbortReason#INVALID_SIGNATURE_SHARE}, round 2) naming every
   *     other signer whose share does not verify, or is of another group
   * @throws KeyshardBug when the signature fails although every other share verifies: our own
   *     share or the key package (verifying shares inconsistent with the group key) is wrong
   */
  static Signature aggregateAndVerify(SigningPackage pkg, Map<PartyId, SignatureShare> shares,
      PartyId self) throws ProtocolAbort {
    Map<PartyId, SignatureShare> others = new TreeMap<>(shares);
    others.remove(self);
    Set<PartyId> foreign = new TreeSet<>();
    others.forEach((id, share) -> {
      if (share.group() != pkg.suite().group()) {
        foreign.add(id);
      }
    });
    if (!foreign.isEmpty()) {
      // Only in-process composition can deliver these; they cannot enter the sum.
      throw invalidShares(foreign);
    }
    Signature signature = aggregate(pkg, shares);
    try {
      verify(pkg, signature);
      return signature;
    } catch (InvalidSignatureException e) {
      verifySignatureShares(pkg, others);
      throw new KeyshardBug("every signature share verified but the aggregate signature does not;"
          + " the key package's verifying shares may not match its group key", e);
    }
  }

  /**
   * The final check alone, for callers that verified every share first (the RFC 9591 vectors).
   *
   * @throws KeyshardBug when the signature does not verify
   */
  static void verifyAggregate(SigningPackage pkg, Signature signature) {
    try {
      verify(pkg, signature);
    } catch (InvalidSignatureException e) {
      throw new KeyshardBug("every signature share verified but the aggregate signature does not;"
          + " the key package's verifying shares may not match its group key", e);
    }
  }

  /** The suite's verification equation, on the package's already-decoded key and R. */
  private static void verify(SigningPackage pkg, Signature signature)
      throws InvalidSignatureException {
    VerifyingKeys keys = pkg.keys();
    pkg.suite().verify(signature, pkg.message(), keys.groupKey(), keys.compactGroupKey());
  }

  private static ProtocolAbort invalidShares(Set<PartyId> culprits) {
    return new ProtocolAbort(ProtocolId.FROST_SIGN, FrostSignParty.ROUND_SHARE,
        AbortReason.INVALID_SIGNATURE_SHARE, culprits, "signature share does not verify");
  }
}
