/**
 * Chains: per chain, the address of a public key (byte-identical to Vultisig) and, later,
 * unsigned transactions, pre-image hashes and assembly. Knows no MPC internals.
 */
package dev.keyshard.chains;
