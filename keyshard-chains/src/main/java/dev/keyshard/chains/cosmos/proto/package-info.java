/**
 * Generated from src/main/proto (cosmos/…, thorchain/types/…): the Cosmos SDK and THORChain wire
 * messages a send uses, with the upstream field numbers. Not API: use {@code CosmosSend}.
 */
package dev.keyshard.chains.cosmos.proto;
