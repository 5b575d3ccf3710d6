package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.FakeJsonRpcNode;
import dev.keyshard.chains.tx.FeeWarning;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link NodeFeeCap} against a fake node that lies about fees: a node-suggested fee per gas that
 * makes gas limit × fee more than 1 ETH is refused in {@link EvmRpc#complete} — before anything
 * is built or signed — with the field, the figure and the flag-able field to give; the same fee
 * given by the user is completed, built and signed (the summary leads with the fee warning).
 * In the accepted cases the signed wire bytes are decoded again ({@link RlpDecoder}) to check
 * that the fee signed is the user's.
 */
@Timeout(60)
class EvmNodeFeeCapTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("evm-fee-cap");
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger ETH = BigInteger.TEN.pow(18);
  /** anvil's chain id, so these intents look like the anvil tests'. */
  private static final String CHAIN_ID = "31337";

  private static Map<String, String> node(BigInteger baseFee, BigInteger tip, BigInteger gasPrice) {
    Map<String, String> m = new HashMap<>();
    m.put("eth_chainId", FakeJsonRpcNode.quantity(BigInteger.valueOf(31337)));
    m.put("eth_getTransactionCount", FakeJsonRpcNode.quantity(BigInteger.valueOf(5)));
    m.put("eth_maxPriorityFeePerGas", FakeJsonRpcNode.quantity(tip));
    m.put("eth_getBlockByNumber", FakeJsonRpcNode.result(
        "{\"number\":\"0x1\",\"baseFeePerGas\":\"0x" + baseFee.toString(16) + "\"}"));
    m.put("eth_gasPrice", FakeJsonRpcNode.quantity(gasPrice));
    return m;
  }

  private static TransactionIntent.Builder send(String type) {
    return TransactionIntent.builder(Chain.ETHEREUM).put("to", EvmTransactionBuilderTest.RECIPIENT)
        .put("amount", "0.01").put("chainId", CHAIN_ID).put("type", type);
  }

  private static UnsignedTransaction build(TransactionIntent intent) throws Exception {
    return Transactions.build(intent, SIGNER.keys());
  }

  private static SignedTransaction sign(UnsignedTransaction tx) throws Exception {
    return tx.assemble(SIGNER.signAll(tx));
  }

  /** Field {@code index} of a signed transaction's RLP list (after the type byte, if typed). */
  private static BigInteger signedField(SignedTransaction tx, int index) throws Exception {
    byte[] raw = tx.raw();
    byte[] list = raw[0] == 0x02 ? java.util.Arrays.copyOfRange(raw, 1, raw.length) : raw;
    return ((RlpItem.Bytes) ((RlpItem.Items) RlpDecoder.decode(list)).items().get(index)).scalar();
  }

  /** Only the read calls were made: nothing was estimated against, let alone broadcast. */
  private static void assertNothingSent(FakeJsonRpcNode node) {
    assertFalse(node.methods().contains("eth_sendRawTransaction"), node.methods().toString());
  }

  @Test
  void absurdBaseFeeIsRefusedAndTheSameFeeGivenByTheUserIsSigned() throws Exception {
    // 1 000 000 gwei base fee: 2 × it + 1 gwei = 2 000 001 gwei, × 21000 gas ≈ 42 ETH.
    BigInteger baseFee = GWEI.multiply(BigInteger.valueOf(1_000_000));
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(node(baseFee, GWEI, GWEI))) {
      EvmRpc rpc = new EvmRpc(fake.client());
      TransactionException e = assertThrows(TransactionException.class,
          () -> rpc.complete(send("eip1559").build(), SIGNER.keys()));
      String m = e.getMessage();
      assertTrue(m.contains("'maxFeePerGas' 2000001 gwei"), m);
      assertTrue(m.contains("base fee 1000000 gwei"), m);
      assertTrue(m.contains("42.000021 ETH"), m);
      assertTrue(m.contains("above 1 ETH"), m);
      assertTrue(m.contains("refused as absurd; give 'maxFeePerGas' yourself"), m);
      assertTrue(m.contains("'maxPriorityFeePerGas'"), "the tip came from the node too: " + m);
      assertNothingSent(fake);

      // The user's own fee, just as absurd, is theirs to pay: completed, built and signed.
      TransactionIntent given = rpc.complete(send("eip1559").put("maxFeePerGas", "2000001").build(),
          SIGNER.keys());
      assertEquals("2000001", given.string("maxFeePerGas"));
      UnsignedTransaction tx = build(given);
      assertEquals(FeeWarning.TEXT, tx.summary().details().get(0));
      SignedTransaction signed = sign(tx);
      assertEquals(GWEI.multiply(BigInteger.valueOf(2_000_001)), signedField(signed, 3), "max fee");
      assertEquals(GWEI, signedField(signed, 2), "the node's priority fee");
      assertNothingSent(fake);
    }
  }

  @Test
  void absurdTipFromTheNodeIsRefusedEvenWithASaneBaseFee() throws Exception {
    BigInteger tip = GWEI.multiply(BigInteger.valueOf(100_000)); // × 21000 = 2.1 ETH
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(node(GWEI, tip, GWEI))) {
      EvmRpc rpc = new EvmRpc(fake.client());
      TransactionException e = assertThrows(TransactionException.class,
          () -> rpc.complete(send("eip1559").build(), SIGNER.keys()));
      assertTrue(e.getMessage().contains("priority fee 100000 gwei"), e.getMessage());
      // A sane node: 2 × 1 gwei + 1 gwei, far below the cap, passes untouched.
      try (FakeJsonRpcNode sane = new FakeJsonRpcNode(node(GWEI, GWEI, GWEI))) {
        TransactionIntent ok = new EvmRpc(sane.client()).complete(send("eip1559").build(), SIGNER.keys());
        assertEquals("3", ok.string("maxFeePerGas"));
        assertEquals("1", ok.string("maxPriorityFeePerGas"));
      }
    }
  }

  /** The cap is exact: gas limit × gas price of 1 ETH passes, one wei per gas more does not. */
  @Test
  void legacyGasPriceAtTheCapPassesAndOneWeiMoreIsRefused() throws Exception {
    BigInteger atCap = ETH.divide(EvmTransactionBuilder.TRANSFER_GAS); // 47619.047619047 gwei
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(node(GWEI, GWEI, atCap))) {
      TransactionIntent ok = new EvmRpc(fake.client()).complete(send("legacy").build(), SIGNER.keys());
      assertEquals("47619.047619047", ok.string("gasPrice"));
      assertTrue(build(ok).summary().fee().startsWith("0.999999999999987 ETH"), build(ok).summary().fee());
    }
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(node(GWEI, GWEI, atCap.add(BigInteger.ONE)))) {
      EvmRpc rpc = new EvmRpc(fake.client());
      TransactionException e = assertThrows(TransactionException.class,
          () -> rpc.complete(send("legacy").build(), SIGNER.keys()));
      String m = e.getMessage();
      assertTrue(m.contains("'gasPrice' 47619.047619048 gwei"), m);
      assertTrue(m.contains("give 'gasPrice' yourself"), m);
      assertFalse(m.contains("maxPriorityFeePerGas"), m);
      assertNothingSent(fake);
      // With the user's own gas price (and a larger gas limit), the node is not asked for one.
      TransactionIntent given = rpc.complete(send("legacy").put("gasPrice", "1000000")
          .put("gasLimit", "50000").build(), SIGNER.keys());
      assertEquals("1000000", given.string("gasPrice"));
      assertEquals(GWEI.multiply(BigInteger.valueOf(1_000_000)), signedField(sign(build(given)), 1));
      assertEquals(1, fake.methods().stream().filter("eth_gasPrice"::equals).count(),
          "only the refused completion asked the node's gas price: " + fake.methods());
    }
  }

  /** The user's own gas limit counts: a fee per gas that is fine at 21000 gas is not at 100 000. */
  @Test
  void theCapIsOnTheTotalWithTheGivenGasLimit() throws Exception {
    BigInteger gasPrice = GWEI.multiply(BigInteger.valueOf(20_000)); // 0.42 ETH at 21000 gas
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(node(GWEI, GWEI, gasPrice))) {
      EvmRpc rpc = new EvmRpc(fake.client());
      assertEquals("20000", rpc.complete(send("legacy").build(), SIGNER.keys()).string("gasPrice"));
      TransactionException e = assertThrows(TransactionException.class,
          () -> rpc.complete(send("legacy").put("gasLimit", "100000").build(), SIGNER.keys()));
      assertTrue(e.getMessage().contains("with gas limit 100000 the fee could reach 2 ETH"),
          e.getMessage());
    }
  }

  /**
   * A token transfer: the node's fee passes at the least gas, but its gas estimate makes the
   * total 4 ETH, so the second check (after eth_estimateGas) refuses it.
   */
  @Test
  void tokenTransferIsCheckedAgainWithTheNodesGasEstimate() throws Exception {
    BigInteger gasPrice = GWEI.multiply(BigInteger.valueOf(40_000)); // 0.84 ETH at 21000 gas
    Map<String, String> answers = node(GWEI, GWEI, gasPrice);
    answers.put("eth_call", FakeJsonRpcNode.result("\"0x" + "0".repeat(62) + "12\"")); // 18
    answers.put("eth_estimateGas", FakeJsonRpcNode.quantity(BigInteger.valueOf(100_000)));
    try (FakeJsonRpcNode fake = new FakeJsonRpcNode(answers)) {
      EvmRpc rpc = new EvmRpc(fake.client());
      TransactionIntent token = send("legacy").put("token", EvmTransactionBuilderTest.TOKEN).build();
      TransactionException e = assertThrows(TransactionException.class,
          () -> rpc.complete(token, SIGNER.keys()));
      assertTrue(e.getMessage().contains("with gas limit 100000 the fee could reach 4 ETH"),
          e.getMessage());
      List<String> methods = fake.methods();
      assertEquals("eth_estimateGas", methods.get(methods.size() - 1), methods.toString());
      // Given by the user, the same price is kept and the estimate is used as it is.
      TransactionIntent given = rpc.complete(send("legacy").put("token", EvmTransactionBuilderTest.TOKEN)
          .put("gasPrice", "40000").build(), SIGNER.keys());
      assertEquals("100000", given.string("gasLimit"));
      assertEquals("18", given.string("decimals"));
      build(given);
    }
  }
}
