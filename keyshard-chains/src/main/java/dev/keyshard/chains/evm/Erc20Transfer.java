package dev.keyshard.chains.evm;

import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;

/**
 * The token part of an intent: the ERC-20 contract, its decimals and the symbol to show.
 * Null from {@link #of} for a native-coin transfer.
 */
record Erc20Transfer(EvmAddress contract, int decimals, String symbol) {
  /** A uint256 has at most 78 decimal digits; more decimals could not be exact. */
  static final int MAX_DECIMALS = 77;

  /** @throws TransactionException when the token fields are incomplete or invalid */
  static Erc20Transfer of(TransactionIntent intent) throws TransactionException {
    if (!intent.has("token")) {
      for (String f : new String[] {"decimals", "tokenSymbol"}) {
        if (intent.has(f)) {
          throw new TransactionException("'" + f + "' is only for token transfers: give 'token' "
              + "(the ERC-20 contract) too");
        }
      }
      return null;
    }
    EvmAddress contract = EvmTransactionBuilder.nonZero("token",
        EvmAddress.parse("token", intent.string("token")));
    if (!intent.has("decimals")) {
      throw new TransactionException("'decimals' is needed with 'token' (the token's decimals(), "
          + "e.g. 6 for USDC, 18 for most tokens; with a node they are read from the contract)");
    }
    java.math.BigInteger d = intent.unsigned("decimals");
    if (d.compareTo(java.math.BigInteger.valueOf(MAX_DECIMALS)) > 0) {
      throw new TransactionException("'decimals' must be 0.." + MAX_DECIMALS + ", got " + d);
    }
    String symbol = intent.string("tokenSymbol", "tokens");
    if (!symbol.matches("[A-Za-z0-9.\\-_$]{1,11}")) {
      throw new TransactionException("'tokenSymbol' must be 1 to 11 letters, digits or .-_$");
    }
    for (dev.keyshard.chains.Chain c : EvmChains.all()) {
      if (symbol.equalsIgnoreCase(EvmChains.nativeSymbol(c)) || symbol.equalsIgnoreCase("MATIC")) {
        throw new TransactionException("'tokenSymbol' " + symbol + " is a native coin's symbol: "
            + "a token transfer may not be shown as a coin transfer");
      }
    }
    return new Erc20Transfer(contract, d.intValueExact(), symbol);
  }
}
