/**
 * Chain-independent transaction flow. A {@link TransactionIntent} (JSON: what the user asked
 * for) is built by the chain's {@link TransactionBuilder} into an {@link UnsignedTransaction}
 * for the vault's keys ({@link VaultKeys}); it shows a {@link TransactionSummary}, names the
 * {@link SigningRequest}s (one pre-image per signature, with the key that must sign it), and
 * assembles the threshold signatures into a {@link SignedTransaction} after checking each one
 * against the key it must verify under.
 *
 * <p>Co-signing devices receive the intent, never a bare hash: each builds the transaction itself
 * from its own copy of the vault and recomputes the pre-images.
 */
package dev.keyshard.chains.tx;
