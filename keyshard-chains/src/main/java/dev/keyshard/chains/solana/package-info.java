/**
 * Solana transactions: System Program transfers from the vault's address (its root Ed25519 key in
 * base58) in a legacy message, with an optional priority fee (Compute Budget program), signed with
 * one Ed25519 signature over the message bytes, and the JSON-RPC calls that fill in a recent
 * blockhash and broadcast ({@link dev.keyshard.chains.solana.SolanaRpc}).
 */
package dev.keyshard.chains.solana;
