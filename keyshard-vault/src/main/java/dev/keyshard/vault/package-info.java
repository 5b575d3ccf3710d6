/**
 * Vaults: the vault model, shares encrypted at rest in an atomic keystore, the Vultisig
 * {@code .vult} codec, non-hardened BIP-32 derivation, and offline emergency recovery. Knows no
 * networks.
 */
package dev.keyshard.vault;
