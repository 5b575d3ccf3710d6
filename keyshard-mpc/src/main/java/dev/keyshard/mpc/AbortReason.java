package dev.keyshard.mpc;

/** Why a protocol aborted. Switches over it have no default, so a new reason forces a decision. */
public enum AbortReason {
  /** A body that does not decode: bad protobuf, bad point or scalar encoding. */
  MALFORMED,
  /** A list of the wrong length: commitments, shares, proofs (ATTACKS.md, threshold raise). */
  WRONG_LENGTH,
  /** A message from a party outside the committee, for another recipient, or another session. */
  UNEXPECTED_MESSAGE,
  /** A message for a round other than the one in progress (late, early or replayed). */
  WRONG_ROUND,
  /** A proof of knowledge that does not verify. */
  INVALID_PROOF,
  /** A secret share inconsistent with its sender's public commitment. */
  INVALID_SHARE,
  /** Two different messages from the same sender for the same round. */
  EQUIVOCATION,
  /** A party's echo of the round-1 broadcasts differs from ours: someone sent different copies. */
  ECHO_MISMATCH,
  /** A signature share that does not verify against the signer's verifying share. */
  INVALID_SIGNATURE_SHARE,
  /** A party confirmed a different result (group key, verifying shares) than ours. */
  CONFIRMATION_MISMATCH,
  /**
   * A commitment that is invalid for the protocol: the identity, otherwise unusable, or one that
   * does not open to the value revealed later (DKLs23 Protocol 3.6: R_j against its commitment).
   */
  INVALID_COMMITMENT,
  /**
   * The KOS15 consistency check of an OT extension failed (KOS15 Fig. 10, "Check"; DKLs23 §5.1).
   * Identified: an honest extension receiver always passes, so the culprit is the receiver (Bob),
   * who either sent inconsistent rows or deviated as base-OT sender at key generation. A failed
   * check can probe bits of the sender's Δ: the pair must not keep signing (ATTACKS.md, Lindell17
   * abort).
   */
  OT_CONSISTENCY_CHECK_FAILED,
  /**
   * The random-VOLE check of DKLs23 Protocol 5.2 failed at Bob (μ ≠ μ′): Alice's correction vector
   * is not consistent with one input vector. Identified: an honest Alice always passes. The abort
   * may tell Alice one bit about Bob's fresh choice bits of this session only.
   */
  VOLE_CHECK_FAILED,
  /**
   * DKLs23 Protocol 3.6, the first consistency check: χ·R_j − Γ^u ≠ d^u·G, so the VOLE input Alice
   * (j) used is not the discrete log of the nonce R_j she revealed, or Γ^u is wrong. Identified.
   */
  NONCE_CONSISTENCY_CHECK_FAILED,
  /**
   * DKLs23 Protocol 3.6, the second consistency check: χ·pk_j − Γ^v ≠ d^v·G, so the VOLE input j
   * used is not the discrete log of the key share pk_j it revealed, or Γ^v is wrong. Identified.
   */
  KEY_CONSISTENCY_CHECK_FAILED,
  /**
   * DKLs23 Protocol 3.6: Σ_j pk_j ≠ P (the public key, tweaked). Each pk_j is self-declared and
   * consistent with that party's VOLE input, so no party can tell which signer lied: not
   * identifiable; the other signers are named as suspects ({@link ProtocolAbort#identified()}).
   */
  PUBLIC_KEY_MISMATCH,
  /**
   * The aggregated signature does not verify (or U = 0). DKLs23 signing has no per-party check of
   * the final shares (u_j, w_j): not identifiable; the other signers are suspects. No signature is
   * output.
   */
  INVALID_SIGNATURE;
}
