package dev.keyshard.chains.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nothing an intent or a node says can fake, hide or reorder what a device shows. */
class DisplayTextTest {
  @Test
  void escapesWhatCouldFakeTheScreenAndKeepsTheRest() {
    String ordinary = "0.015 BTC — Zürich ₿ 東京 …";
    assertSame(ordinary, DisplayText.escape(ordinary));
    assertEquals("a\\u001b[2Jb", DisplayText.escape("a\u001b[2Jb"), "ANSI clear screen");
    assertEquals("\\u202eevil\\u202c", DisplayText.escape("\u202eevil\u202c"), "bidi override");
    assertEquals("\\u2067x\\u2069", DisplayText.escape("\u2067x\u2069"), "bidi isolate");
    assertEquals("a\\u200bb\\ufeff", DisplayText.escape("a\u200bb\ufeff"), "zero width, BOM");
    assertEquals("\\u2028\\u2029\\u000a\\u0085", DisplayText.escape("\u2028\u2029\n\u0085"));
    assertEquals("\\ud800", DisplayText.escape("\ud800"), "a lone surrogate");
    assertEquals("😀", DisplayText.escape("😀"), "a surrogate pair is a character");
  }

  @Test
  void summariesAndErrorsCarryNoRawControlOrBidiCharacter() {
    TransactionSummary s = new TransactionSummary(Chain.BITCOIN, "from\u202e", "to\u001b[1A",
        "1 BTC\nfee:     0", "0\u2066", List.of("memo \u200b"));
    for (String line : s.lines()) {
      assertFalse(line.codePoints().anyMatch(DisplayText::unsafe), line);
    }
    assertEquals("1 BTC\\u000afee:     0", s.amount());
    // an intent that does not build quotes its own bad value back: escaped too
    TransactionException e = assertThrows(TransactionException.class, () -> Transactions.build(
        TransactionIntent.builder(Chain.BITCOIN).put("to", "bc1\u001b[2J\u202e").put("amount", "1")
            .put("utxos", List.of("ab".repeat(32) + ":0:2")).put("feeRate", "1").build(),
        PlainKeySigner.fromLabel("display").keys()));
    assertTrue(e.getMessage().contains("\\u001b[2J\\u202e"), e.getMessage());
    assertFalse(e.getMessage().codePoints().anyMatch(DisplayText::unsafe), e.getMessage());
    // a node's reason is the node's text: escaped as well
    var node = new dev.keyshard.chains.rpc.RpcException(-26, "rejected\u001b[2K\rtxid ok",
        "{\"log\":\"\u202e\"}");
    assertEquals("rejected\\u001b[2K\\u000dtxid ok", node.getMessage());
    assertEquals("{\"log\":\"\\u202e\"}", node.data());
  }
}
