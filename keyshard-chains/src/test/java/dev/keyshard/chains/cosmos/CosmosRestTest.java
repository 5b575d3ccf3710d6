package dev.keyshard.chains.cosmos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.VaultKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CosmosRest} against a local HTTP server answering as a Cosmos SDK REST gateway does
 * (shapes from cosmoshub/thornode answers): account number and sequence come from the account
 * query, the node's chain id must match, an unknown account (404, gRPC NotFound) is refused, and
 * a broadcast is successful only when tx_response.code is 0 and the hash is ours.
 */
class CosmosRestTest {
  private static final VaultKeys KEYS = CosmosVerifyTest.SIGNER.keys();
  private HttpServer server;
  private final List<String> posted = new ArrayList<>();

  /** Starts a server whose answer to each request is {@code route}'s (status, body). */
  private CosmosRest node(Function<HttpExchange, String[]> route) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      if ("POST".equals(ex.getRequestMethod())) {
        posted.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      }
      String[] answer = route.apply(ex);
      byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    return new CosmosRest("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  static String nodeInfo(String network) {
    return "{\"default_node_info\":{\"protocol_version\":{\"p2p\":\"8\",\"block\":\"11\",\"app\":\"0\"},"
        + "\"default_node_id\":\"5a1e1f7c9d3a\",\"listen_addr\":\"tcp://0.0.0.0:26656\",\"network\":\""
        + network + "\",\"version\":\"0.38.12\",\"channels\":\"40202122233038606100\",\"moniker\":"
        + "\"node\",\"other\":{\"tx_index\":\"on\",\"rpc_address\":\"tcp://0.0.0.0:26657\"}},"
        + "\"application_version\":{\"name\":\"gaia\",\"app_name\":\"gaiad\",\"version\":\"v19.2.0\"}}";
  }

  static String baseAccount(String address, String number, String sequence) {
    return "{\"account\":{\"@type\":\"/cosmos.auth.v1beta1.BaseAccount\",\"address\":\"" + address
        + "\",\"pub_key\":{\"@type\":\"/cosmos.crypto.secp256k1.PubKey\",\"key\":"
        + "\"A+2Zfjls9CkvX85aQrukFZnM1dluMTFUp8nqcEneMXx3\"},\"account_number\":\"" + number
        + "\",\"sequence\":\"" + sequence + "\"}}";
  }

  static String txResponse(int code, String txhash, String rawLog) {
    return "{\"tx_response\":{\"height\":\"0\",\"txhash\":\"" + txhash + "\",\"codespace\":\""
        + (code == 0 ? "" : "sdk") + "\",\"code\":" + code + ",\"data\":\"\",\"raw_log\":\""
        + rawLog + "\",\"logs\":[],\"info\":\"\",\"gas_wanted\":\"0\",\"gas_used\":\"0\","
        + "\"tx\":null,\"timestamp\":\"\",\"events\":[]}}";
  }

  private static String vault(Chain chain) {
    return CosmosVerifyTest.vaultAddress(chain);
  }

  private static TransactionIntent thorIntent() {
    return TransactionIntent.builder(Chain.THORCHAIN).put("to", CosmosVerifyTest.THOR_TO)
        .put("amount", "1").build();
  }

  @Test
  void completesFromTheNodeAndBroadcastsThroughIt() throws Exception {
    String[] ourHash = new String[1];
    CosmosRest rest = node(ex -> {
      String path = ex.getRequestURI().getPath();
      if (path.equals("/cosmos/base/tendermint/v1beta1/node_info")) {
        return new String[] {"200", nodeInfo("thorchain-1")};
      }
      if (path.equals("/cosmos/auth/v1beta1/accounts/" + vault(Chain.THORCHAIN))) {
        return new String[] {"200", baseAccount(vault(Chain.THORCHAIN), "77123", "45")};
      }
      if (path.equals("/cosmos/tx/v1beta1/txs")) {
        return new String[] {"200", txResponse(0, ourHash[0], "")};
      }
      return new String[] {"501", "{\"code\":12,\"message\":\"Not Implemented\",\"details\":[]}"};
    });
    TransactionIntent completed = rest.complete(thorIntent(), KEYS);
    assertEquals("77123", completed.string("accountNumber"));
    assertEquals("45", completed.string("sequence"));
    assertEquals("thorchain-1", completed.string("chainId"));

    var unsigned = Transactions.build(completed, KEYS);
    SignedTransaction tx = unsigned.assemble(CosmosVerifyTest.SIGNER.signAll(unsigned));
    ourHash[0] = tx.txHash();
    assertEquals(tx.txHash(), rest.broadcast(tx));
    JsonObject body = JsonParser.parseString(posted.get(0)).getAsJsonObject();
    assertEquals(tx.encoded(), body.get("tx_bytes").getAsString());
    assertEquals("BROADCAST_MODE_SYNC", body.get("mode").getAsString());
  }

  @Test
  void givenFieldsAreKeptAndNestedAccountsAreRead() throws Exception {
    CosmosRest rest = node(ex -> ex.getRequestURI().getPath().contains("node_info")
        ? new String[] {"200", nodeInfo("cosmoshub-4")}
        : new String[] {"200", "{\"account\":{\"@type\":\"/cosmos.vesting.v1beta1.ContinuousVestingAccount\","
            + "\"base_vesting_account\":{\"base_account\":{\"address\":\"" + vault(Chain.COSMOS)
            + "\",\"pub_key\":null,\"account_number\":\"9\",\"sequence\":\"2\"},"
            + "\"original_vesting\":[],\"delegated_free\":[],\"delegated_vesting\":[],"
            + "\"end_time\":\"0\"},\"start_time\":\"0\"}}"});
    TransactionIntent intent = TransactionIntent.builder(Chain.COSMOS)
        .put("to", CosmosVerifyTest.COSMOS_TO).put("amount", "1").put("sequence", "5").build();
    TransactionIntent completed = rest.complete(intent, KEYS);
    assertEquals("9", completed.string("accountNumber"));
    assertEquals("5", completed.string("sequence"));
  }

  @Test
  void anotherAccountsAnswerIsRefused() throws Exception {
    CosmosRest rest = node(ex -> ex.getRequestURI().getPath().contains("node_info")
        ? new String[] {"200", nodeInfo("thorchain-1")}
        : new String[] {"200", baseAccount(CosmosVerifyTest.THOR_TO, "1", "1")});
    assertThrows(IOException.class, () -> rest.complete(thorIntent(), KEYS));
  }

  @Test
  void anotherChainIdIsRefused() throws Exception {
    CosmosRest rest = node(ex -> new String[] {"200", nodeInfo("thorchain-stagenet-2")});
    TransactionException e = assertThrows(TransactionException.class,
        () -> rest.complete(thorIntent(), KEYS));
    assertTrue(e.getMessage().contains("thorchain-stagenet-2"), e.getMessage());
  }

  @Test
  void anUnknownAccountIsRefused() throws Exception {
    String address = vault(Chain.THORCHAIN);
    CosmosRest rest = node(ex -> ex.getRequestURI().getPath().contains("node_info")
        ? new String[] {"200", nodeInfo("thorchain-1")}
        : new String[] {"404", "{\"code\":5,\"message\":\"rpc error: code = NotFound desc = account "
            + address + " not found: key not found\",\"details\":[]}"});
    TransactionException e = assertThrows(TransactionException.class,
        () -> rest.complete(thorIntent(), KEYS));
    assertTrue(e.getMessage().contains(address), e.getMessage());
  }

  @Test
  void aRefusedBroadcastIsAnErrorWithTheNodesReason() throws Exception {
    SignedTransaction tx = CosmosVerifyTest.sign(CosmosVerifyTest.cases().get(0).intent());
    CosmosRest rest = node(ex -> new String[] {"200", txResponse(32, tx.txHash(),
        "account sequence mismatch, expected 8, got 7: incorrect account sequence")});
    RpcException e = assertThrows(RpcException.class, () -> rest.broadcast(tx));
    assertEquals(32, e.code());
    assertTrue(e.getMessage().contains("account sequence mismatch, expected 8, got 7"), e.getMessage());
  }

  @Test
  void anAlreadyCachedTransactionIsNotASuccess() throws Exception {
    SignedTransaction tx = CosmosVerifyTest.sign(CosmosVerifyTest.cases().get(0).intent());
    CosmosRest rest = node(ex -> new String[] {"200", txResponse(19, tx.txHash(),
        "tx already exists in cache")});
    RpcException e = assertThrows(RpcException.class, () -> rest.broadcast(tx));
    assertEquals(19, e.code());
  }

  @Test
  void anHttpErrorIsAnErrorWithTheGatewaysMessage() throws Exception {
    SignedTransaction tx = CosmosVerifyTest.sign(CosmosVerifyTest.cases().get(1).intent());
    CosmosRest rest = node(ex -> new String[] {"400", "{\"code\":3,\"message\":\"invalid empty tx\","
        + "\"details\":[]}"});
    RpcException e = assertThrows(RpcException.class, () -> rest.broadcast(tx));
    assertEquals(3, e.code());
    assertTrue(e.getMessage().contains("invalid empty tx"), e.getMessage());
  }

  @Test
  void anotherHashIsNotOurs() throws Exception {
    SignedTransaction tx = CosmosVerifyTest.sign(CosmosVerifyTest.cases().get(2).intent());
    CosmosRest rest = node(ex -> new String[] {"200", txResponse(0,
        "7E480FA163F6C6AFA17593F214C7BBC218F69AE3BC72366E39042AF381BFE105", "")});
    assertThrows(IOException.class, () -> rest.broadcast(tx));
  }
}
