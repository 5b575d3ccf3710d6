package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

  @Test
  void completesNonceAndFeesFromAnvilAndBroadcastsTwoInARow() throws Exception {
    try (Anvil anvil = Anvil.start(31337)) {
      String vault = EvmTransactionBuilder.vaultAddress(Chain.ETHEREUM, SIGNER.keys()).toString();
      anvil.setBalance(vault, BigInteger.TEN.pow(20));
      EvmRpc rpc = new EvmRpc(anvil.rpc());
      TransactionIntent first = rpc.complete(bare("eip1559").build(), SIGNER.keys());
      assertEquals("0", first.string("nonce"));
      assertTrue(first.has("maxFeePerGas") && first.has("maxPriorityFeePerGas"), first.toString());
      String h1 = rpc.broadcast(sign(first));
      TransactionIntent second = rpc.complete(bare("legacy").build(), SIGNER.keys());
      assertEquals("1", second.string("nonce"));
      assertTrue(second.has("gasPrice"));
      String h2 = rpc.broadcast(sign(second));
      assertEquals("0x1", anvil.receipt(h1).get("status").getAsString());
      assertEquals("0x1", anvil.receipt(h2).get("status").getAsString());
      assertEquals(vault.toLowerCase(), anvil.sender(h2).toLowerCase());

      TransactionException wrongChain = assertThrows(TransactionException.class,
          () -> rpc.complete(bare("eip1559").put("chainId", "1").build(), SIGNER.keys()));
      assertTrue(wrongChain.getMessage().contains("31337"), wrongChain.getMessage());
    }
  }

  @Test
  void rejectedBroadcastSurfacesTheNodesReason() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"insufficient funds for gas * price + value\"}}"
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      EvmRpc rpc = new EvmRpc(new JsonRpcClient("http://127.0.0.1:" + server.getAddress().getPort()));
      SignedTransaction tx = sign(bare("eip1559").put("nonce", "0").put("maxFeePerGas", "1")
          .put("maxPriorityFeePerGas", "1").build());
      RpcException e = assertThrows(RpcException.class, () -> rpc.broadcast(tx));
      assertEquals(-32000, e.code());
      assertTrue(e.getMessage().contains("insufficient funds"), e.getMessage());
    } finally {
      server.stop(0);
    }
  }
}
