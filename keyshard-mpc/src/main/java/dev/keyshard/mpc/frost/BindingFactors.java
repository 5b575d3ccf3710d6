package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.mpc.PartyId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The binding factors {@code ρ_i} of one signing session (RFC 9591 §4.4,
 * {@code compute_binding_factors}). Each binds a signer's binding nonce to the group key, the
 * message and every signer's commitments, which is what defeats the Drijvers et al. (ROS)
 * concurrent-session attack on two-round Schnorr multisignatures. Computed once per party.
 *
 * <p>Public values. Immutable and thread-safe.
 */
final class BindingFactors {
  private final Group group;
  private final byte[] rhoInputPrefix;
  private final SortedMap<PartyId, Scalar> factors;

  private BindingFactors(Group group, byte[] rhoInputPrefix, SortedMap<PartyId, Scalar> factors) {
    this.group = group;
    this.rhoInputPrefix = rhoInputPrefix;
    this.factors = Collections.unmodifiableSortedMap(factors);
  }

  /**
   * RFC 9591 §4.4 {@code compute_binding_factors(group_public_key, commitment_list, msg)}.
   *
   * @param commitments the commitment list, sorted by identifier as §4.3 requires
   */
  static BindingFactors compute(VerifyingKeys keys,
      SortedMap<PartyId, SigningCommitments> commitments, byte[] message) {
    FrostCiphersuite suite = keys.suite();
    Group group = suite.group();
    // §4.4: group_public_key_enc = G.SerializeElement(group_public_key)
    byte[] keyEnc = keys.groupKeyEncoding();
    // msg_hash = H4(msg)
    byte[] msgHash = suite.hashes().h4(message);
    // encoded_commitment_hash = H5(encode_group_commitment_list(commitment_list))
    byte[] commitmentHash = suite.hashes().h5(encodeGroupCommitmentList(group, commitments));
    // rho_input_prefix = group_public_key_enc || msg_hash || encoded_commitment_hash
    byte[] prefix = new byte[keyEnc.length + msgHash.length + commitmentHash.length];
    System.arraycopy(keyEnc, 0, prefix, 0, keyEnc.length);
    System.arraycopy(msgHash, 0, prefix, keyEnc.length, msgHash.length);
    System.arraycopy(commitmentHash, 0, prefix, keyEnc.length + msgHash.length,
        commitmentHash.length);

    SortedMap<PartyId, Scalar> factors = new TreeMap<>();
    for (PartyId id : commitments.keySet()) {
      // rho_input = rho_input_prefix || G.SerializeScalar(identifier)
      // binding_factor = H1(rho_input)
      factors.put(id, suite.hashes().h1(prefix, id.toScalar(group).toBytes()));
    }
    return new BindingFactors(group, prefix, factors);
  }

  /**
   * RFC 9591 §4.3 {@code encode_group_commitment_list}: for each signer in ascending identifier
   * order, {@code SerializeScalar(i) ‖ SerializeElement(D_i) ‖ SerializeElement(E_i)}.
   */
  static byte[] encodeGroupCommitmentList(Group group,
      SortedMap<PartyId, SigningCommitments> commitments) {
    int entry = group.scalarLength() + 2 * group.pointLength();
    byte[] out = new byte[entry * commitments.size()];
    int offset = 0;
    for (Map.Entry<PartyId, SigningCommitments> e : commitments.entrySet()) {
      byte[] id = e.getKey().toScalar(group).toBytes();
      System.arraycopy(id, 0, out, offset, id.length);
      offset = e.getValue().writeTo(out, offset + id.length);
    }
    return out;
  }

  /**
   * RFC 9591 §4.3 {@code binding_factor_for_participant}.
   *
   * @throws IllegalArgumentException ("invalid participant") when {@code id} did not commit
   */
  Scalar of(PartyId id) {
    Scalar rho = factors.get(id);
    if (rho == null) {
      throw new IllegalArgumentException("invalid participant " + id);
    }
    return rho;
  }

  /** {@code group_public_key_enc ‖ msg_hash ‖ encoded_commitment_hash}: the signing view. */
  byte[] rhoInputPrefix() {
    return rhoInputPrefix.clone();
  }

  /** {@code rho_input} of signer {@code id}, as the RFC 9591 vectors list it. */
  byte[] bindingFactorInput(PartyId id) {
    of(id);
    byte[] idEnc = id.toScalar(group).toBytes();
    byte[] out = Arrays.copyOf(rhoInputPrefix, rhoInputPrefix.length + idEnc.length);
    System.arraycopy(idEnc, 0, out, rhoInputPrefix.length, idEnc.length);
    return out;
  }
}
