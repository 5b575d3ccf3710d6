/**
 * Zero-knowledge proofs. Every proof takes a context {@link dev.keyshard.crypto.hash.Transcript}
 * that binds session, party, protocol and round, so a proof cannot be replayed elsewhere.
 */
package dev.keyshard.crypto.zk;
