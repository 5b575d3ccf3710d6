package dev.keyshard.crypto.zk;

/**
 * A zero-knowledge proof did not verify against its statement and context. The prover (or whoever
 * relayed the proof) is at fault; protocols map this to {@code INVALID_PROOF} naming the sender.
 * The message never contains secret values.
 */
public final class InvalidProofException extends Exception {
  public InvalidProofException(String message) {
    super(message);
  }
}
