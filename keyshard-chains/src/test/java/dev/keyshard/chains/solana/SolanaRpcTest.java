package dev.keyshard.chains.solana;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.FakeJsonRpcNode;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import fr.acinq.bitcoin.Base58;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SolanaRpc against a fake Solana JSON-RPC node answering as a real one does (shapes from the
 * Solana RPC docs and solana-test-validator): the requests carry the right method, commitment and
 * encoding, and every refusal reaches the caller as an RpcException with the node's reason.
 */
@Timeout(60)
class SolanaRpcTest {
  private static final String NODE_BLOCKHASH = "EkSnNWid2cvwEVnVx9aBqawnmiCNiDgp3gUdkDPTKN1N";
  private FakeJsonRpcNode fake;

  /**
   * Starts a node whose answer to each request is {@code answer(request)}: the raw JSON of a
   * {@code "result"} or {@code "error"} member.
   */
  private SolanaRpc node(Function<JsonObject, String> answer) throws IOException {
    fake = new FakeJsonRpcNode(answer);
    return new SolanaRpc(fake.client());
  }

  /** The requests the node received, in order. */
  private List<JsonObject> seen() {
    return fake.requests();
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  /** A node's answer to sendTransaction: the first signature of the base64 wire transaction. */
  private static String signatureOf(JsonObject request) {
    byte[] wire = Base64.getDecoder().decode(request.getAsJsonArray("params").get(0).getAsString());
    return "\"result\":\"" + Base58.encode(Arrays.copyOfRange(wire, 1, 65)) + "\"";
  }

  private static SignedTransaction signed() throws Exception {
    SolanaUnsignedTransaction tx = SolanaTransferBuilderTest.build(SolanaTransferBuilderTest.transfer());
    return tx.assemble(SolanaTransferBuilderTest.VAULT.signAll(tx));
  }

  private static TransactionIntent withoutBlockhash() {
    return TransactionIntent.builder(Chain.SOLANA).put("to", SolanaTransferBuilderTest.RECIPIENT)
        .put("amount", "0.25").put("priorityFee", "10").build();
  }

  @Test
  void completeAsksForTheLatestConfirmedBlockhash() throws Exception {
    SolanaRpc rpc = node(r -> "\"result\":{\"context\":{\"apiVersion\":\"2.2.7\",\"slot\":341197053},"
        + "\"value\":{\"blockhash\":\"" + NODE_BLOCKHASH + "\",\"lastValidBlockHeight\":319295453}}");
    TransactionIntent completed = rpc.complete(withoutBlockhash(), SolanaTransferBuilderTest.VAULT.keys());
    assertEquals(withoutBlockhash().with("recentBlockhash", NODE_BLOCKHASH), completed,
        "only the blockhash is added");
    assertEquals(1, seen().size());
    assertEquals("getLatestBlockhash", seen().get(0).get("method").getAsString());
    assertEquals("[{\"commitment\":\"confirmed\"}]", seen().get(0).get("params").toString());
    SolanaUnsignedTransaction tx = (SolanaUnsignedTransaction) dev.keyshard.chains.tx.Transactions
        .build(completed, SolanaTransferBuilderTest.VAULT.keys());
    assertArrayEquals(Base58.decode(NODE_BLOCKHASH), Arrays.copyOfRange(tx.message(), 132, 164));

    TransactionIntent given = withoutBlockhash().with("recentBlockhash", SolanaTransferBuilderTest.BLOCKHASH);
    assertEquals(given, rpc.complete(given, SolanaTransferBuilderTest.VAULT.keys()), "a given blockhash is kept");
    assertEquals(1, seen().size(), "and the node is not asked");
  }

  @Test
  void completeRefusesANodeWithoutAValidBlockhash() throws Exception {
    SolanaRpc rpc = node(r -> "\"result\":{\"context\":{\"slot\":1},\"value\":{\"blockhash\":\"0xabc\"}}");
    IOException e = assertThrows(IOException.class,
        () -> rpc.complete(withoutBlockhash(), SolanaTransferBuilderTest.VAULT.keys()));
    assertTrue(e.getMessage().contains("getLatestBlockhash"), e.getMessage());
    assertThrows(TransactionException.class, () -> rpc.complete(
        TransactionIntent.builder(Chain.ETHEREUM).build(), SolanaTransferBuilderTest.VAULT.keys()));
  }

  @Test
  void completeSurfacesTheNodesError() throws Exception {
    SolanaRpc rpc = node(r -> "\"error\":{\"code\":-32005,\"message\":\"Node is unhealthy\","
        + "\"data\":{\"numSlotsBehind\":42}}");
    RpcException e = assertThrows(RpcException.class,
        () -> rpc.complete(withoutBlockhash(), SolanaTransferBuilderTest.VAULT.keys()));
    assertEquals(-32005, e.code());
    assertEquals("Node is unhealthy", e.getMessage());
  }

  @Test
  void broadcastSendsBase64WithConfirmedPreflightAndReturnsTheSignature() throws Exception {
    SolanaRpc rpc = node(SolanaRpcTest::signatureOf);
    SignedTransaction tx = signed();
    assertEquals(tx.txHash(), rpc.broadcast(tx));
    JsonObject request = seen().get(0);
    assertEquals("sendTransaction", request.get("method").getAsString());
    JsonArray params = request.getAsJsonArray("params");
    assertEquals(2, params.size());
    assertEquals(tx.encoded(), params.get(0).getAsString());
    assertArrayEquals(tx.raw(), Base64.getDecoder().decode(params.get(0).getAsString()));
    assertEquals("{\"encoding\":\"base64\",\"preflightCommitment\":\"confirmed\"}", params.get(1).toString());
  }

  @Test
  void failedPreflightIsTheNodesReasonWithTheProgramLog() throws Exception {
    SolanaRpc rpc = node(r -> "\"error\":{\"code\":-32002,\"message\":\"Transaction simulation failed: "
        + "Error processing Instruction 0: custom program error: 0x1\",\"data\":{\"accounts\":null,"
        + "\"err\":{\"InstructionError\":[0,{\"Custom\":1}]},\"innerInstructions\":null,\"logs\":["
        + "\"Program 11111111111111111111111111111111 invoke [1]\","
        + "\"Transfer: insufficient lamports 19994000, need 250000000\","
        + "\"Program 11111111111111111111111111111111 failed: custom program error: 0x1\"],"
        + "\"replacementBlockhash\":null,\"returnData\":null,\"unitsConsumed\":150}}");
    RpcException e = assertThrows(RpcException.class, () -> rpc.broadcast(signed()));
    assertEquals(-32002, e.code());
    assertTrue(e.getMessage().startsWith("Transaction simulation failed: Error processing Instruction 0"),
        e.getMessage());
    assertTrue(e.getMessage().contains("Transfer: insufficient lamports 19994000, need 250000000"),
        e.getMessage());
    assertTrue(!e.getMessage().contains("invoke [1]"), e.getMessage());
  }

  @Test
  void unknownBlockhashAndUnfundedPayerAreRefusedWithTheNodesReason() throws Exception {
    List<String> answers = new ArrayList<>(List.of(
        "\"error\":{\"code\":-32002,\"message\":\"Transaction simulation failed: Blockhash not found\","
            + "\"data\":{\"accounts\":null,\"err\":\"BlockhashNotFound\",\"logs\":[],\"unitsConsumed\":0}}",
        "\"error\":{\"code\":-32002,\"message\":\"Transaction simulation failed: Attempt to debit an "
            + "account but found no record of a prior credit.\",\"data\":{\"err\":\"AccountNotFound\","
            + "\"logs\":[],\"unitsConsumed\":0}}"));
    SolanaRpc rpc = node(r -> answers.remove(0));
    RpcException blockhash = assertThrows(RpcException.class, () -> rpc.broadcast(signed()));
    assertEquals("Transaction simulation failed: Blockhash not found", blockhash.getMessage());
    RpcException unfunded = assertThrows(RpcException.class, () -> rpc.broadcast(signed()));
    assertTrue(unfunded.getMessage().contains("no record of a prior credit"), unfunded.getMessage());
    assertEquals(2, seen().size());
  }

  @Test
  void anotherSignatureIsNotASuccess() throws Exception {
    SolanaRpc rpc = node(r -> "\"result\":\"" + Base58.encode(new byte[64]) + "\"");
    SignedTransaction tx = signed();
    IOException e = assertThrows(IOException.class, () -> rpc.broadcast(tx));
    assertTrue(e.getMessage().contains(tx.txHash()), e.getMessage());
  }
}
