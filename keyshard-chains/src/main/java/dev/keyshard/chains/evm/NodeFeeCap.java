package dev.keyshard.chains.evm;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.TransactionException;
import java.math.BigInteger;

/**
 * The most a node may make an EVM transaction cost: when {@link EvmRpc} takes the fee per gas
 * from the node ({@code maxFeePerGas} from its base fee and priority fee, or legacy
 * {@code gasPrice}), gas limit × that fee — the most the sender can pay — above
 * {@link #CAP_WEI} (1 coin of the chain: 1 ETH, BNB, AVAX or POL) is refused before anything is
 * signed. A fee per gas the user gave is never refused here (the summary's
 * {@code FeeWarning} still shows a fee above the amount).
 *
 * <p>Why a total and why 1 coin: geth refuses to sign or relay through its RPC any transaction
 * whose gas limit × fee per gas exceeds {@code --rpc.txfeecap}, 1 ether by default
 * (internal/ethapi, {@code checkTxFee}); Bitcoin Core's {@code sendrawtransaction} refuses a fee
 * rate above {@code maxfeerate} the same way, and {@code BitcoinRpc} refuses a node's fee rate
 * above it. A plain transfer costs 21000 gas: 1 coin is about 47 600 gwei per gas, hundreds of times
 * any real base fee on these chains, yet small enough that a lying or broken node cannot drain a
 * vault through fees. A cap per gas alone would let a node-estimated gas limit multiply it.
 * Stateless.
 */
final class NodeFeeCap {
  /** 10^18 wei: 1 coin of any EVM chain here (all have 18 decimals), geth's default txfeecap. */
  static final BigInteger CAP_WEI = BigInteger.TEN.pow(EvmChains.NATIVE_DECIMALS);

  private NodeFeeCap() {}

  /**
   * Refuses a fee per gas the node supplied when {@code gasLimit × feePerGas} exceeds the cap.
   *
   * @param node the node's endpoint, for the message
   * @param field the intent field the node filled in: {@code maxFeePerGas} or {@code gasPrice}
   * @param how how the node's figure came about, e.g. "2 × base fee 3 gwei + priority fee 1
   *     gwei", or null
   * @param alsoFromNode another intent field the node filled in that the user may want to give
   *     too (the priority fee), or null
   * @throws TransactionException naming the field, its value, the total and what to give instead
   */
  static void check(Chain chain, String node, String field, BigInteger feePerGas, String how,
      String alsoFromNode, BigInteger gasLimit) throws TransactionException {
    BigInteger total = gasLimit.multiply(feePerGas);
    if (total.compareTo(CAP_WEI) <= 0) {
      return;
    }
    String coin = EvmChains.nativeSymbol(chain);
    throw new TransactionException("the node at " + node + " suggests '" + field + "' "
        + gwei(feePerGas) + (how == null ? "" : " (" + how + ")") + ": with gas limit " + gasLimit
        + " the fee could reach " + Amounts.format(total, EvmChains.NATIVE_DECIMALS, coin)
        + ", above " + Amounts.format(CAP_WEI, EvmChains.NATIVE_DECIMALS, coin)
        + " (geth's default --rpc.txfeecap): refused as absurd; give '" + field + "' yourself"
        + (alsoFromNode == null ? "" : " (and '" + alsoFromNode + "' if the node's is absurd too)"));
  }

  static String gwei(BigInteger wei) {
    return Amounts.format(wei, EvmTransactionBuilder.GWEI_DECIMALS, "gwei");
  }
}
