/**
 * Cosmos SDK coin sends (Cosmos Hub, THORChain, MayaChain): protobuf TxBody/AuthInfo signed in
 * SIGN_MODE_DIRECT by the vault's child ECDSA key, assembled into TxRaw, and a REST (LCD) node
 * client that fills in account number and sequence and broadcasts.
 */
package dev.keyshard.chains.cosmos;
