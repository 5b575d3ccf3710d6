package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.VaultKeys;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** EIP-55 (ethereum/EIPs:EIPS/eip-55.md § Test Cases) and the checks on typed addresses. */
class EvmAddressTest {
  private static final String[] EIP55_CASES = {
      "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
      "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
      "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"};

  @Test
  void publishedChecksumsParseAndPrintBack() throws Exception {
    for (String a : EIP55_CASES) {
      EvmAddress parsed = EvmAddress.parse("to", a);
      String lower = a.substring(2).toLowerCase(Locale.ROOT);
      boolean mixed = !a.substring(2).equals(lower) && !a.substring(2).equals(a.substring(2).toUpperCase(Locale.ROOT));
      if (mixed) {
        assertEquals(a, parsed.toString());
      }
      assertEquals(parsed, EvmAddress.parse("to", "0x" + lower));
    }
  }

  @Test
  void oneWrongCaseIsACheckSumError() {
    String good = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    String bad = "0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    TransactionException e = assertThrows(TransactionException.class, () -> EvmAddress.parse("to", bad));
    assertTrue(e.getMessage().contains("'to'") && e.getMessage().contains("EIP-55"), e.getMessage());
    assertThrows(TransactionException.class, () -> EvmAddress.parse("token", good.substring(0, 41)));
    assertThrows(TransactionException.class, () -> EvmAddress.parse("to", good.substring(2) + "00"));
    assertThrows(TransactionException.class, () -> EvmAddress.parse("to", "0x" + "g".repeat(40)));
  }

  @Test
  void agreesWithTheVaultAddressOfEveryEvmChain() throws Exception {
    VaultKeys keys = PlainKeySigner.fromLabel("evm-address").keys();
    String eth = Chain.ETHEREUM.address(keys.rootEcdsa(), keys.rootEddsa(), keys.chainCode());
    for (Chain c : EvmChains.all()) {
      EvmAddress a = EvmTransactionBuilder.vaultAddress(c, keys);
      assertEquals(eth, a.toString(), c.displayName());
    }
  }
}
