package dev.keyshard.cli;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.bitcoin.BitcoinRpc;
import dev.keyshard.chains.bitcoin.UtxoChain;
import dev.keyshard.chains.cosmos.CosmosRest;
import dev.keyshard.chains.cosmos.CosmosTransactionBuilder;
import dev.keyshard.chains.evm.EvmChains;
import dev.keyshard.chains.evm.EvmRpc;
import dev.keyshard.chains.rpc.ChainNode;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.solana.SolanaRpc;

/** The node client of each chain family, for {@code --rpc}. */
final class ChainNodes {
  private ChainNodes() {}

  /** @throws IllegalArgumentException when the chain has no node client or the URL is bad */
  static ChainNode of(Chain chain, String url) {
    if (EvmChains.all().contains(chain)) {
      return new EvmRpc(new JsonRpcClient(url));
    }
    if (UtxoChain.of(chain) != null) {
      return new BitcoinRpc(new JsonRpcClient(url)); // bitcoind-style JSON-RPC, user:pass@host:port
    }
    if (new CosmosTransactionBuilder().chains().contains(chain)) {
      return new CosmosRest(url); // REST (LCD) URL, e.g. https://host:1317
    }
    if (chain == Chain.SOLANA) {
      return new SolanaRpc(new JsonRpcClient(url));
    }
    throw new IllegalArgumentException("Keyshard has no node client for " + chain.displayName()
        + " yet: give the missing fields yourself and broadcast the printed transaction");
  }
}
