/**
 * Chains: per chain, the address of a public key (byte-identical to Vultisig), for emergency
 * recovery the chain's private key in the form its wallets import, and, later, unsigned
 * transactions, pre-image hashes and assembly. Knows no MPC internals.
 */
package dev.keyshard.chains;
