package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.FakeJsonRpcNode;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** EvmRpc against anvil, and against a fake node that refuses: a refusal is never a success. */
@Timeout(120)
class EvmRpcTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("evm-rpc");

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, SIGNER.keys());
    return tx.assemble(SIGNER.signAll(tx));
  }

  private static TransactionIntent.Builder bare(String type) {
    return TransactionIntent.builder(Chain.ETHEREUM).put("to", EvmTransactionBuilderTest.RECIPIENT)
        .put("amount", "0.01").put("chainId", "31337").put("type", type);
  }

  private static BigInteger quantity(Anvil anvil, String method, Object... params) throws Exception {
    return new BigInteger(anvil.rpc(method, params).getAsString().substring(2), 16);
  }

  /**
   * Two sends in a row with nothing but to/amount/chainId given: the second gets the pending
   * nonce 1 while the first is fresh, fees are exactly what the node reports (in gwei), and anvil
   * mines both from the vault.
   */
  @Test
  void completesNonceAndFeesFromAnvilAndBroadcastsTwoInARow() throws Exception {
    try (Anvil anvil = Anvil.start(31337)) {
      String vault = EvmTransactionBuilder.vaultAddress(Chain.ETHEREUM, SIGNER.keys()).toString();
      anvil.setBalance(vault, BigInteger.TEN.pow(20));
      EvmRpc rpc = new EvmRpc(anvil.client());
      BigInteger baseFee = new BigInteger(anvil.rpc("eth_getBlockByNumber", "latest", false)
          .getAsJsonObject().get("baseFeePerGas").getAsString().substring(2), 16);
      TransactionIntent first = rpc.complete(bare("eip1559").build(), SIGNER.keys());
      BigInteger tip = quantity(anvil, "eth_maxPriorityFeePerGas");
      assertEquals("0", first.string("nonce"));
      assertEquals(Amounts.format(tip, 9), first.string("maxPriorityFeePerGas"));
      assertEquals(Amounts.format(baseFee.shiftLeft(1).add(tip), 9), first.string("maxFeePerGas"));
      SignedTransaction s1 = sign(first);
      String h1 = rpc.broadcast(s1);
      assertEquals(s1.txHash(), h1);

      TransactionIntent second = rpc.complete(bare("legacy").build(), SIGNER.keys());
      assertEquals("1", second.string("nonce"));
      assertEquals(Amounts.format(quantity(anvil, "eth_gasPrice"), 9), second.string("gasPrice"));
      String h2 = rpc.broadcast(sign(second));
      for (String h : new String[] {h1, h2}) {
        assertEquals("0x1", anvil.receipt(h).get("status").getAsString());
        assertEquals(vault.toLowerCase(Locale.ROOT), anvil.sender(h).toLowerCase(Locale.ROOT));
      }
      assertEquals(BigInteger.TWO, quantity(anvil, "eth_getTransactionCount", vault, "latest"));

      TransactionIntent given = bare("eip1559").put("nonce", "2").put("maxFeePerGas", "7")
          .put("maxPriorityFeePerGas", "0.5").build();
      TransactionIntent kept = rpc.complete(given, SIGNER.keys());
      assertEquals(given, kept, "fields the user gave are kept");

      TransactionException wrongChain = assertThrows(TransactionException.class,
          () -> rpc.complete(bare("eip1559").put("chainId", "1").build(), SIGNER.keys()));
      assertTrue(wrongChain.getMessage().contains("31337"), wrongChain.getMessage());
      TransactionException defaultChain = assertThrows(TransactionException.class,
          () -> rpc.complete(TransactionIntent.builder(Chain.ETHEREUM)
              .put("to", EvmTransactionBuilderTest.RECIPIENT).put("amount", "0.01").build(),
              SIGNER.keys()));
      assertTrue(defaultChain.getMessage().contains("chain id 1"), defaultChain.getMessage());
    }
  }

  /** A token transfer's gas comes from the node's eth_estimateGas, and anvil mines it. */
  @Test
  void estimatesTokenGasAndTheTransferIsMined() throws Exception {
    try (Anvil anvil = Anvil.start(31337)) {
      String vault = EvmTransactionBuilder.vaultAddress(Chain.ETHEREUM, SIGNER.keys()).toString();
      anvil.setBalance(vault, BigInteger.TEN.pow(20));
      String token = OpenZeppelinToken.deploy(anvil, "Test", "TST", BigInteger.TEN.pow(21), vault);
      EvmRpc rpc = new EvmRpc(anvil.client());
      TransactionIntent intent = rpc.complete(bare("eip1559").put("token", token)
          .put("decimals", "18").put("amount", "2.5").build(), SIGNER.keys());
      BigInteger gas = intent.unsigned("gasLimit");
      assertTrue(gas.compareTo(EvmTransactionBuilder.TRANSFER_GAS) > 0, intent.toString());
      String hash = rpc.broadcast(sign(intent));
      assertEquals("0x1", anvil.receipt(hash).get("status").getAsString());
      assertEquals(new BigInteger("2500000000000000000"),
          OpenZeppelinToken.balanceOf(anvil, token, EvmTransactionBuilderTest.RECIPIENT));
    }
  }

  private static SignedTransaction anySigned() throws Exception {
    return sign(bare("eip1559").put("nonce", "0").put("maxFeePerGas", "1")
        .put("maxPriorityFeePerGas", "1").build());
  }

  /** The node refuses the raw transaction: an RpcException with its code and reason. */
  @Test
  void rejectedBroadcastSurfacesTheNodesReason() throws Exception {
    try (FakeJsonRpcNode node = new FakeJsonRpcNode(Map.of("eth_sendRawTransaction",
        "\"error\":{\"code\":-32000,\"message\":\"insufficient funds for gas * price + value\"}"))) {
      EvmRpc rpc = new EvmRpc(node.client());
      SignedTransaction tx = anySigned();
      RpcException e = assertThrows(RpcException.class, () -> rpc.broadcast(tx));
      assertEquals(-32000, e.code());
      assertTrue(e.getMessage().contains("insufficient funds"), e.getMessage());
      List<JsonObject> seen = node.requests();
      assertEquals(1, seen.size());
      assertEquals("eth_sendRawTransaction", seen.get(0).get("method").getAsString());
      assertEquals(tx.encoded(), seen.get(0).getAsJsonArray("params").get(0).getAsString());
    }
  }

  /** A node answering with a hash that is not the transaction's is not taken as a success. */
  @Test
  void broadcastRefusesAnotherHash() throws Exception {
    try (FakeJsonRpcNode node = new FakeJsonRpcNode(Map.of("eth_sendRawTransaction",
        "\"result\":\"0x" + "ab".repeat(32) + "\""))) {
      EvmRpc rpc = new EvmRpc(node.client());
      SignedTransaction tx = anySigned();
      java.io.IOException e = assertThrows(java.io.IOException.class, () -> rpc.broadcast(tx));
      assertTrue(e.getMessage().contains(tx.txHash()), e.getMessage());
    }
  }

  /** A node with no base fee (pre-London chain): the user is told to give the fee or go legacy. */
  @Test
  void nodeWithoutBaseFeeNeedsAnExplicitMaxFee() throws Exception {
    try (FakeJsonRpcNode node = new FakeJsonRpcNode(Map.of("eth_chainId", "\"result\":\"0x7a69\"",
        "eth_getTransactionCount", "\"result\":\"0x5\"",
        "eth_maxPriorityFeePerGas", "\"result\":\"0x3b9aca00\"",
        "eth_getBlockByNumber", "\"result\":{\"number\":\"0x1\"}"))) {
      EvmRpc rpc = new EvmRpc(node.client());
      TransactionException e = assertThrows(TransactionException.class,
          () -> rpc.complete(bare("eip1559").build(), SIGNER.keys()));
      assertTrue(e.getMessage().contains("maxFeePerGas"), e.getMessage());
      TransactionIntent withFee = rpc.complete(bare("eip1559").put("maxFeePerGas", "3").build(), SIGNER.keys());
      assertEquals("5", withFee.string("nonce"));
      assertEquals("1", withFee.string("maxPriorityFeePerGas"));
    }
  }
}
