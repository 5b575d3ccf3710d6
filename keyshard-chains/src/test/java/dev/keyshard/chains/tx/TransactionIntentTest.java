package dev.keyshard.chains.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.chains.Chain;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionIntentTest {
  @Test
  void roundTripsCanonically() throws Exception {
    TransactionIntent a = TransactionIntent.builder(Chain.BITCOIN).put("to", "bc1qexample")
        .put("amount", "0.01").put("utxos", List.of("aa:0:1000", "bb:1:2000")).build();
    TransactionIntent b = TransactionIntent.parse(
        "{\"utxos\":[\"aa:0:1000\",\"bb:1:2000\"], \"amount\":\"0.01\",\"to\":\"bc1qexample\",\"chain\":\"Bitcoin\"}");
    assertEquals(Chain.BITCOIN, b.chain());
    assertEquals("{\"amount\":\"0.01\",\"chain\":\"bitcoin\",\"to\":\"bc1qexample\",\"utxos\":[\"aa:0:1000\",\"bb:1:2000\"]}",
        a.toJson());
    assertEquals(List.of("aa:0:1000", "bb:1:2000"), b.list("utxos"));
    assertArrayEquals(a.with("chain2", "x").digest(), TransactionIntent.parse(a.with("chain2", "x").toJson()).digest());
  }

  @Test
  void refusesMalformedIntentsWithAReason() {
    for (String bad : new String[] {"[]", "{", "{\"to\":\"x\"}", "{\"chain\":\"nochain\"}",
        "{\"chain\":\"bitcoin\",\"fee\":{\"a\":1}}", "{\"chain\":\"bitcoin\",\"u\":[[1]]}"}) {
      assertThrows(TransactionException.class, () -> TransactionIntent.parse(bad), bad);
    }
    assertThrows(TransactionException.class,
        () -> TransactionIntent.parse("{\"chain\":\"bitcoin\",\"x\":\"" + "a".repeat(70_000) + "\"}"));
  }

  @Test
  void numbersAreWholeAndNonNegative() throws Exception {
    TransactionIntent i = TransactionIntent.builder(Chain.ETHEREUM).put("nonce", "7").put("gas", "-1")
        .put("bad", "1.5").build();
    assertEquals(7, i.unsigned("nonce").intValue());
    assertThrows(TransactionException.class, () -> i.unsigned("gas"));
    assertThrows(TransactionException.class, () -> i.unsigned("bad"));
    assertThrows(TransactionException.class, () -> i.unsigned("missing"));
  }

  @Test
  void theChainCannotBeReplacedNeitherByAValueNorByAList() throws Exception {
    TransactionIntent i = TransactionIntent.builder(Chain.BITCOIN).put("amount", "1").build();
    assertThrows(IllegalArgumentException.class, () -> i.with("chain", "ethereum"));
    assertThrows(IllegalArgumentException.class, () -> i.with("chain", List.of("ethereum")));
    assertEquals(Chain.BITCOIN, i.with("utxos", List.of("a")).chain());
  }
}
