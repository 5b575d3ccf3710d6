package dev.keyshard.chains.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.keyshard.chains.Chain;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fee above the amount sent is said in words at the top of the details, on every chain family,
 * whoever set it (the user, an initiator, a node); an ordinary fee is not flagged.
 */
class FeeWarningTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("fee-warning");

  private static String address(Chain c) {
    VaultKeys k = VAULT.keys();
    return c.address(k.rootEcdsa(), k.rootEddsa(), k.chainCode());
  }

  private static List<String> details(TransactionIntent.Builder b) throws Exception {
    return Transactions.build(b.build(), VAULT.keys()).summary().details();
  }

  @Test
  void everyFamilyWarnsWhenTheFeeExceedsTheAmount() throws Exception {
    TransactionIntent.Builder eth = TransactionIntent.builder(Chain.ETHEREUM)
        .put("to", "0x3535353535353535353535353535353535353535").put("nonce", "0")
        .put("maxPriorityFeePerGas", "1");
    // 21000 gas × 1000 gwei = 0.021 ETH at most, for 0.01 ETH
    assertEquals(FeeWarning.TEXT, details(eth.put("amount", "0.01").put("maxFeePerGas", "1000"))
        .get(0));
    assertFalse(details(eth.put("amount", "1")).contains(FeeWarning.TEXT));

    TransactionIntent.Builder sol = TransactionIntent.builder(Chain.SOLANA)
        .put("to", address(Chain.SOLANA)).put("recentBlockhash", address(Chain.SOLANA));
    // 5000 lamports of fee for 1000 lamports
    assertEquals(FeeWarning.TEXT, details(sol.put("amount", "0.000001")).get(0));
    assertFalse(details(sol.put("amount", "0.1")).contains(FeeWarning.TEXT));

    TransactionIntent.Builder atom = TransactionIntent.builder(Chain.COSMOS)
        .put("to", address(Chain.COSMOS)).put("accountNumber", "1").put("sequence", "0")
        .put("fee", "5");
    assertEquals(FeeWarning.TEXT, details(atom.put("amount", "1")).get(0));
    assertFalse(details(atom.put("amount", "5")).contains(FeeWarning.TEXT), "equal is not above");

    TransactionIntent.Builder btc = TransactionIntent.builder(Chain.BITCOIN)
        .put("to", address(Chain.BITCOIN)).put("utxos", List.of("ab".repeat(32) + ":0:0.01"))
        .put("feeRate", "20");
    // ~2820 sat of fee for 1000 sat (above the 294 sat dust limit)
    assertEquals(FeeWarning.TEXT, details(btc.put("amount", "0.00001")).get(0));
    assertFalse(details(btc.put("amount", "0.005")).contains(FeeWarning.TEXT));
  }
}
