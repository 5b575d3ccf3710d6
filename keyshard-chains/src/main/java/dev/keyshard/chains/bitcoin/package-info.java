/**
 * Bitcoin-family transactions (Bitcoin, Litecoin, Dogecoin, Bitcoin Cash) for the vault's own
 * outputs: recipient addresses, coin selection, size and fee, the per-input pre-images (legacy,
 * BIP-143, BIP-341, Bitcoin Cash FORKID) and assembly with the threshold signatures. The
 * transaction model, serialisation and the Bitcoin sighashes are bitcoin-kmp's.
 */
package dev.keyshard.chains.bitcoin;
