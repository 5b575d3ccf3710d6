package dev.keyshard.chains.tx;

import dev.keyshard.chains.Chain;
import java.util.List;

/**
 * A transaction built for a vault and not yet signed. Implementations are immutable.
 */
public interface UnsignedTransaction {
  Chain chain();

  /** The intent it was built from, so co-signers can rebuild it themselves. */
  TransactionIntent intent();

  /** What it does, for the user to confirm. */
  TransactionSummary summary();

  /** The signatures it needs, in order (e.g. one per Bitcoin input). Never empty. */
  List<SigningRequest> signingRequests();

  /**
   * The signed transaction. Each signature is first checked ({@link SignatureCheck}) against the
   * key its request names, so a transaction that a node would reject for a bad signature is never
   * returned.
   *
   * @param signatures one per {@link #signingRequests()} entry, in the same order
   * @throws InvalidTransactionSignatureException when a signature does not verify
   */
  SignedTransaction assemble(List<ChainSignature> signatures) throws InvalidTransactionSignatureException;
}
