package dev.keyshard.chains.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AmountsTest {
  @Test
  void convertsExactly() throws Exception {
    assertEquals(BigInteger.valueOf(1_500_000), Amounts.parse("amount", "0.015", 8));
    assertEquals(new BigInteger("1000000000000000001"), Amounts.parse("amount", "1.000000000000000001", 18));
    assertEquals(BigInteger.valueOf(100_000_000), Amounts.parse("amount", "1.00000000000", 8));
    assertEquals("0.015", Amounts.format(BigInteger.valueOf(1_500_000), 8));
    assertEquals("21 BTC", Amounts.format(BigInteger.valueOf(2_100_000_000L), 8, "BTC"));
    assertEquals(BigInteger.ZERO, Amounts.parseNonNegative("fee", "0.0", 8));
  }

  @Test
  void refusesWhatWouldBeRoundedOrIsNotAnAmount() {
    TransactionException e = assertThrows(TransactionException.class,
        () -> Amounts.parse("amount", "0.000000001", 8));
    assertTrue(e.getMessage().contains("more than 8 decimals"), e.getMessage());
    for (String bad : new String[] {"", "-1", "1e3", "1,5", " 1", "0x10", "0", "0.000", ".5", "1."}) {
      assertThrows(TransactionException.class, () -> Amounts.parse("amount", bad, 8), bad);
    }
  }
}
