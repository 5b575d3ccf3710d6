/**
 * Ethereum and the EVM chains (BSC, Avalanche C-Chain, Polygon, Arbitrum, Optimism, Base): RLP
 * (Ethereum Yellow Paper, Appendix B), EIP-1559 (type 2) and legacy EIP-155 transactions, ERC-20
 * {@code transfer}, EIP-55 addresses, and the JSON-RPC calls that fill in nonce, fees and gas
 * ({@link dev.keyshard.chains.evm.EvmRpc}). All these chains sign with the vault's key at
 * m/44'/60'/0'/0/0 and share one address; the chain id (EIP-155) keeps a transaction for one
 * chain from being replayed on another.
 */
package dev.keyshard.chains.evm;
