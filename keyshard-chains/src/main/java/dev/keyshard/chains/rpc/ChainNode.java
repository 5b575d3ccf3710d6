package dev.keyshard.chains.rpc;

import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.VaultKeys;
import java.io.IOException;

/**
 * A chain's node as {@code keyshard send --rpc} uses it: it fills in what the user left to the
 * node (the pending nonce, the unspent outputs, fees, a recent blockhash) and broadcasts.
 */
public interface ChainNode {
  /**
   * The intent with the fields the node supplies added; fields the user gave are kept.
   *
   * @throws TransactionException when the node's state makes the intent impossible (no unspent
   *     outputs, a chain id that is not the node's)
   */
  TransactionIntent complete(TransactionIntent intent, VaultKeys keys)
      throws IOException, RpcException, TransactionException;

  /**
   * Broadcasts and returns the transaction id the node reports.
   *
   * @throws RpcException when the node refuses it, with the node's reason: never a success
   */
  String broadcast(SignedTransaction tx) throws IOException, RpcException;
}
