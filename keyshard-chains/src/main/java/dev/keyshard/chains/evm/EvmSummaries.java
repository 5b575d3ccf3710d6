package dev.keyshard.chains.evm;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.TransactionSummary;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** What a device shows for an EVM transaction it built. */
final class EvmSummaries {
  private EvmSummaries() {}

  static TransactionSummary of(Chain chain, EvmAddress from, EvmAddress recipient, BigInteger amount,
      Erc20Transfer token, EvmTransaction tx) {
    String coin = EvmChains.nativeSymbol(chain);
    String shownAmount = token == null
        ? Amounts.format(amount, EvmChains.NATIVE_DECIMALS, coin)
        : Amounts.format(amount, token.decimals(), token.symbol());
    String fee = Amounts.format(tx.maxFee(), EvmChains.NATIVE_DECIMALS, coin) + " (max)";
    List<String> details = new ArrayList<>();
    if (token != null) {
      details.add("token contract " + token.contract() + " (ERC-20 transfer, value 0)");
      // The device cannot read decimals() here: a lie about them scales the amount shown.
      details.add("token amount " + amount + " base units; decimals " + token.decimals()
          + " and symbol " + token.symbol() + " are as the intent states, not read from the "
          + "contract");
    }
    details.add("nonce " + tx.nonce());
    BigInteger mainnet = EvmChains.defaultChainId(chain);
    details.add("chain id " + tx.chainId() + (tx.chainId().equals(mainnet) ? ""
        : " (not " + chain.displayName() + " mainnet's " + mainnet + ")"));
    if (tx.type() == EvmTxType.EIP1559) {
      details.add("type EIP-1559: max fee " + gwei(tx.maxFeePerGas()) + ", priority fee "
          + gwei(tx.maxPriorityFeePerGas()) + ", gas limit " + tx.gasLimit());
    } else {
      details.add("type legacy (EIP-155): gas price " + gwei(tx.gasPrice()) + ", gas limit "
          + tx.gasLimit());
    }
    if (token == null) {
      // A token's amount is in another unit: only a coin transfer compares with the fee.
      dev.keyshard.chains.tx.FeeWarning.addIfAbove(details, tx.maxFee(), amount);
    }
    return new TransactionSummary(chain, from.toString(), recipient.toString(), shownAmount, fee,
        details);
  }

  private static String gwei(BigInteger wei) {
    return Amounts.format(wei, EvmTransactionBuilder.GWEI_DECIMALS, "gwei");
  }
}
