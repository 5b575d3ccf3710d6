package dev.keyshard.cli;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.ChainNode;

/** The node client of each chain family, for {@code --rpc}. */
final class ChainNodes {
  private ChainNodes() {}

  /** @throws IllegalArgumentException when the chain has no node client or the URL is bad */
  static ChainNode of(Chain chain, String url) {
    throw new IllegalArgumentException("Keyshard has no node client for " + chain.displayName()
        + " yet: give the missing fields yourself and broadcast the printed transaction");
  }
}
