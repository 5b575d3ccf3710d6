/**
 * Hashing: RFC 9380 {@code expand_message_xmd} and {@code hash_to_field}, the RFC 9591 FROST hash
 * functions H1–H5, BIP-340 tagged hashes, and the length-prefixed {@link
 * dev.keyshard.crypto.hash.Transcript} used for Fiat–Shamir and message binding.
 */
package dev.keyshard.crypto.hash;
