package dev.keyshard.chains.evm;

import dev.keyshard.chains.Chain;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Set;

/**
 * The EVM chains Keyshard knows: each one's default EIP-155 chain id and native coin (18
 * decimals everywhere). Chain ids from the chains' own documentation, as listed in
 * ethereum-lists/chains.
 */
public final class EvmChains {
  /** Native coins of every EVM chain here have 18 decimals (1 coin = 10^18 wei). */
  public static final int NATIVE_DECIMALS = 18;

  private EvmChains() {}

  public static Set<Chain> all() {
    return EnumSet.of(Chain.ETHEREUM, Chain.BSC, Chain.AVALANCHE, Chain.POLYGON, Chain.ARBITRUM,
        Chain.OPTIMISM, Chain.BASE);
  }

  /** The mainnet chain id: Ethereum 1, BSC 56, Avalanche C-Chain 43114, Polygon 137, … */
  public static BigInteger defaultChainId(Chain chain) {
    return BigInteger.valueOf(switch (chain) {
      case ETHEREUM -> 1;
      case BSC -> 56;
      case AVALANCHE -> 43114;
      case POLYGON -> 137;
      case ARBITRUM -> 42161;
      case OPTIMISM -> 10;
      case BASE -> 8453;
      default -> throw new IllegalArgumentException(chain.displayName() + " is not an EVM chain");
    });
  }

  /** The native coin's symbol: ETH (also on the Ethereum rollups), BNB, AVAX, POL. */
  public static String nativeSymbol(Chain chain) {
    return switch (chain) {
      case ETHEREUM, ARBITRUM, OPTIMISM, BASE -> "ETH";
      case BSC -> "BNB";
      case AVALANCHE -> "AVAX";
      case POLYGON -> "POL";
      default -> throw new IllegalArgumentException(chain.displayName() + " is not an EVM chain");
    };
  }
}
