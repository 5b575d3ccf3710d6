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
  /** A commitment that is invalid for the protocol: the identity, or otherwise unusable. */
  INVALID_COMMITMENT;
}
