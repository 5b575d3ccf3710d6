package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link BitcoinRpc} against a scripted fake bitcoind (com.sun.net.httpserver) that answers the
 * way real nodes refuse — JSON-RPC errors in an HTTP 500 body (bitcoind's style), a
 * testmempoolaccept verdict with a reject-reason, a bare HTTP 500, malformed JSON, a wrong txid —
 * and each is an exception with the node's reason, never a success. It also checks that amounts
 * too precise for a double survive exactly, that basic auth comes from the URL, and that the fee
 * estimate and the network check follow the node's answers.
 */
@Timeout(60)
class BitcoinRpcFakeNodeTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("btc-fake-node");
  /** A reply: HTTP status and body. */
  record Reply(int status, String body) {}

  private HttpServer server;
  private final Map<String, Reply> replies = new HashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      JsonObject req = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)).getAsJsonObject();
      String method = req.get("method").getAsString();
      synchronized (calls) {
        calls.add(method);
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      }
      Reply r = replies.getOrDefault(method, error(-32601, "Method not found"));
      byte[] body = r.body().replace("\"ID\"", req.get("id").toString())
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private BitcoinRpc node() {
    return new BitcoinRpc(new JsonRpcClient("http://alice:s3cret@127.0.0.1:"
        + server.getAddress().getPort() + "/"));
  }

  /** bitcoind's answer to a successful call (HTTP 200). */
  static Reply result(String json) {
    return new Reply(200, "{\"result\":" + json + ",\"error\":null,\"id\":\"ID\"}");
  }

  /** bitcoind's answer to a refused call: HTTP 500 with the error object. */
  static Reply error(int code, String message) {
    return new Reply(500, "{\"result\":null,\"error\":{\"code\":" + code + ",\"message\":\""
        + message + "\"},\"id\":\"ID\"}");
  }

  private static SignedTransaction signed() throws Exception {
    UnsignedTransaction tx = Transactions.build(TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "0.001")
        .put("utxos", List.of("ab".repeat(32) + ":0:0.01")).put("feeRate", "2").build(),
        VAULT.keys());
    return tx.assemble(VAULT.signAll(tx));
  }

  @Test
  void aPasswordInTheUrlIsSentAsGivenAndNeverRepeatedInAnError() throws Exception {
    // '+' is a plain character of a URL's userinfo (RFC 3986), not a space; %40 is '@'
    replies.put("getblockchaininfo", result("{\"chain\":\"main\",\"blocks\":1}"));
    new JsonRpcClient("http://alice:a+b%40c@127.0.0.1:" + server.getAddress().getPort() + "/")
        .call("getblockchaininfo");
    assertEquals(List.of("Basic " + Base64.getEncoder().encodeToString(
        "alice:a+b@c".getBytes(StandardCharsets.US_ASCII))), authorizations);
    for (String bad : new String[] {"http://alice:s3cret pass@host:1", "http://alice:s3cret%zz@h:1"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new JsonRpcClient(bad));
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      IllegalArgumentException rest = assertThrows(IllegalArgumentException.class,
          () -> new dev.keyshard.chains.cosmos.CosmosRest(bad));
      assertFalse(rest.getMessage().contains("s3cret"), rest.getMessage());
    }
  }

  @Test
  void rejectReasonOfTestMempoolAcceptIsTheError() throws Exception {
    SignedTransaction tx = signed();
    replies.put("testmempoolaccept", result("[{\"txid\":\"" + tx.txHash()
        + "\",\"allowed\":false,\"reject-reason\":\"min relay fee not met, 100 < 141\"}]"));
    replies.put("sendrawtransaction", result("\"" + tx.txHash() + "\""));
    RpcException e = assertThrows(RpcException.class, () -> node().broadcast(tx));
    assertTrue(e.getMessage().contains("min relay fee not met, 100 < 141"), e.getMessage());
    assertEquals(-26, e.code());
    assertFalse(calls.contains("sendrawtransaction"), "nothing is sent after a refusal");
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        "alice:s3cret".getBytes(StandardCharsets.US_ASCII));
    assertEquals(List.of(expected), authorizations, "basic auth from the URL's userinfo");
  }

  @Test
  void errorsOfSendRawTransactionAreTheError() throws Exception {
    SignedTransaction tx = signed();
    replies.put("testmempoolaccept", result("[{\"txid\":\"" + tx.txHash() + "\",\"allowed\":true}]"));
    replies.put("sendrawtransaction", error(-25, "bad-txns-inputs-missingorspent"));
    RpcException spent = assertThrows(RpcException.class, () -> node().broadcast(tx));
    assertEquals(-25, spent.code());
    assertEquals("bad-txns-inputs-missingorspent", spent.getMessage());

    replies.put("sendrawtransaction", error(-26, "min relay fee not met"));
    assertEquals("min relay fee not met",
        assertThrows(RpcException.class, () -> node().broadcast(tx)).getMessage());

    replies.put("sendrawtransaction", new Reply(500, "Internal Server Error"));
    RpcException http = assertThrows(RpcException.class, () -> node().broadcast(tx));
    assertEquals(500, http.code());
    assertTrue(http.getMessage().contains("Internal Server Error"), http.getMessage());

    replies.put("sendrawtransaction", new Reply(401, ""));
    assertEquals(401, assertThrows(RpcException.class, () -> node().broadcast(tx)).code());

    replies.put("sendrawtransaction", new Reply(500, "{\"result\":"));
    assertThrows(RpcException.class, () -> node().broadcast(tx), "malformed JSON in a 500");

    // A 200 with a body that is not JSON-RPC is not the node's verdict: an IOException.
    replies.put("sendrawtransaction", new Reply(200, "{\"result\":"));
    assertThrows(IOException.class, () -> node().broadcast(tx));

    replies.put("sendrawtransaction", result("\"" + "00".repeat(32) + "\""));
    IOException other = assertThrows(IOException.class, () -> node().broadcast(tx));
    assertTrue(other.getMessage().contains(tx.txHash()), other.getMessage());

    replies.put("sendrawtransaction", result("null"));
    assertThrows(IOException.class, () -> node().broadcast(tx));

    replies.put("testmempoolaccept", result("[{\"allowed\":\"yes\"}]"));
    assertThrows(RpcException.class, () -> node().broadcast(tx), "only a JSON true is allowed");
    replies.put("testmempoolaccept", result("[]"));
    assertThrows(IOException.class, () -> node().broadcast(tx));

    replies.put("testmempoolaccept", error(-22, "TX decode failed"));
    assertEquals("TX decode failed",
        assertThrows(RpcException.class, () -> node().broadcast(tx)).getMessage());
  }

  @Test
  void nodesWithoutTestMempoolAcceptStillReportTheRefusal() throws Exception {
    SignedTransaction tx = signed();
    replies.put("sendrawtransaction", error(-26, "mandatory-script-verify-flag-failed"));
    RpcException e = assertThrows(RpcException.class, () -> node().broadcast(tx));
    assertEquals("mandatory-script-verify-flag-failed", e.getMessage());
    replies.put("sendrawtransaction", result("\"" + tx.txHash() + "\""));
    assertEquals(tx.txHash(), node().broadcast(tx));
  }

  @Test
  void utxoAmountsAreExactAndFeesFollowTheNode() throws Exception {
    VaultScript wpkh = VaultScript.of(VAULT.keys(), UtxoNetwork.of(UtxoChain.BITCOIN, null),
        ScriptType.P2WPKH);
    VaultScript tr = VaultScript.of(VAULT.keys(), UtxoNetwork.of(UtxoChain.BITCOIN, null),
        ScriptType.P2TR);
    String a = "a1".repeat(32);
    String b = "b2".repeat(32);
    String c = "c3".repeat(32);
    replies.put("getblockchaininfo", result("{\"chain\":\"main\",\"blocks\":900000}"));
    // 20999999.99999999 has 16 significant digits: a double would round it.
    replies.put("scantxoutset", result("{\"success\":true,\"height\":900000,\"unspents\":["
        + unspent(a, 0, wpkh, "20999999.99999999") + "," + unspent(b, 7, tr, "0.00000547") + ","
        + unspent(c, 1, wpkh, "1.10000000") + "],\"total_amount\":21000001.10000546}"));
    replies.put("gettxout", result("{\"confirmations\":10,\"coinbase\":false}"));
    replies.put("estimatesmartfee", result("{\"feerate\":0.00012345,\"blocks\":6}"));
    replies.put("getmempoolinfo", result("{\"mempoolminfee\":0.00001000}"));
    TransactionIntent done = node().complete(TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1").build(), VAULT.keys());
    assertEquals(List.of(a + ":0:20999999.99999999:p2wpkh", b + ":7:0.00000547:p2tr",
        c + ":1:1.1:p2wpkh"), done.list("utxos"));
    assertEquals("12.345", done.string("feeRate"), "0.00012345 BTC/kvB = 12.345 sat/vB");
    assertEquals(3, calls.stream().filter("gettxout"::equals).count(), "each output checked");
    String scan = calls.toString();
    assertTrue(scan.contains("scantxoutset"), scan);

    replies.put("estimatesmartfee", result("{\"feerate\":0.000123456,\"blocks\":6}"));
    replies.put("getmempoolinfo", result("{\"mempoolminfee\":0.00020000}"));
    assertEquals("20", node().complete(TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1").build(), VAULT.keys())
        .string("feeRate"), "a full mempool's minimum wins");

    replies.put("estimatesmartfee", result(
        "{\"errors\":[\"Insufficient data or no feerate found\"],\"blocks\":0}"));
    TransactionException noEstimate = assertThrows(TransactionException.class, () -> node()
        .complete(TransactionIntent.builder(Chain.BITCOIN).put("to", BitcoinSpendTest.RECIPIENT)
            .put("amount", "1").build(), VAULT.keys()));
    assertTrue(noEstimate.getMessage().contains("Insufficient data")
        && noEstimate.getMessage().contains("'feeRate'"), noEstimate.getMessage());
    // a node's absurd estimate (1 BTC/kvB = 100000 sat/vB) is refused, not passed on to be signed
    replies.put("estimatesmartfee", result("{\"feerate\":1.0,\"blocks\":6}"));
    replies.put("getmempoolinfo", result("{\"mempoolminfee\":0.00001000}"));
    TransactionException absurd = assertThrows(TransactionException.class, () -> node()
        .complete(TransactionIntent.builder(Chain.BITCOIN).put("to", BitcoinSpendTest.RECIPIENT)
            .put("amount", "1").build(), VAULT.keys()));
    assertTrue(absurd.getMessage().contains("absurd") && absurd.getMessage().contains("'feeRate'"),
        absurd.getMessage());
    replies.put("estimatesmartfee", result("{\"feerate\":1e999999999,\"blocks\":6}"));
    assertThrows(TransactionException.class, () -> node().complete(TransactionIntent
        .builder(Chain.BITCOIN).put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1").build(),
        VAULT.keys()));
    // the user's own fee rate needs no estimate
    assertEquals("7", node().complete(TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1").put("feeRate", "7").build(),
        VAULT.keys()).string("feeRate"));
  }

  @Test
  void spentAndImmatureOutputsAreLeftOut() throws Exception {
    VaultScript wpkh = VaultScript.of(VAULT.keys(), UtxoNetwork.of(UtxoChain.BITCOIN, null),
        ScriptType.P2WPKH);
    replies.put("getblockchaininfo", result("{\"chain\":\"main\"}"));
    replies.put("scantxoutset", result("{\"success\":true,\"height\":5,\"unspents\":["
        + unspent("a1".repeat(32), 0, wpkh, "50.00000000") + "]}"));
    replies.put("gettxout", result("{\"confirmations\":99,\"coinbase\":true}"));
    TransactionIntent intent = TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1").put("feeRate", "3").build();
    TransactionException young = assertThrows(TransactionException.class,
        () -> node().complete(intent, VAULT.keys()));
    assertTrue(young.getMessage().contains(wpkh.address()), young.getMessage());
    replies.put("gettxout", result("null"));
    assertThrows(TransactionException.class, () -> node().complete(intent, VAULT.keys()));
    replies.put("gettxout", result("{\"confirmations\":100,\"coinbase\":true}"));
    assertEquals(1, node().complete(intent, VAULT.keys()).list("utxos").size());

    replies.put("scantxoutset", result("{\"success\":true,\"unspents\":[{\"txid\":7}]}"));
    assertThrows(IOException.class, () -> node().complete(intent, VAULT.keys()));
    replies.put("scantxoutset", result("{\"success\":true,\"unspents\":["
        + unspent("a1".repeat(32), 0, wpkh, "\"lots\"") + "]}"));
    assertThrows(IOException.class, () -> node().complete(intent, VAULT.keys()));
    replies.put("scantxoutset", result("{\"success\":true,\"unspents\":["
        + unspent("a1".repeat(32), 0, wpkh, "0.000000001") + "]}"));
    assertTrue(assertThrows(IOException.class, () -> node().complete(intent, VAULT.keys()))
        .getMessage().contains("8 decimals"), "a ninth decimal is not an amount");
  }

  @Test
  void wrongNetworkAndMissingScanAreClearErrors() throws Exception {
    replies.put("getblockchaininfo", result("{\"chain\":\"test\"}"));
    TransactionIntent intent = TransactionIntent.builder(Chain.BITCOIN)
        .put("to", BitcoinSpendTest.RECIPIENT).put("amount", "1").put("feeRate", "3").build();
    TransactionException wrong = assertThrows(TransactionException.class,
        () -> node().complete(intent, VAULT.keys()));
    assertTrue(wrong.getMessage().contains("'test'") && wrong.getMessage().contains("Bitcoin mainnet"),
        wrong.getMessage());
    assertFalse(calls.contains("scantxoutset"), "nothing is scanned on the wrong network");

    replies.put("getblockchaininfo", result("{\"chain\":\"main\"}"));
    TransactionException dogecoin = assertThrows(TransactionException.class, () -> node().complete(
        TransactionIntent.builder(Chain.DOGECOIN).put("to", DogecoinSpendTest.RECIPIENT)
            .put("amount", "1").put("feeRate", "1000").build(), VAULT.keys()));
    assertTrue(dogecoin.getMessage().contains("no scantxoutset")
        && dogecoin.getMessage().contains("'utxos'"), dogecoin.getMessage());

    replies.put("scantxoutset", error(-8, "Scan already in progress, use action \\\"abort\\\" or \\\"status\\\""));
    RpcException busy = assertThrows(RpcException.class, () -> node().complete(intent, VAULT.keys()));
    assertTrue(busy.getMessage().startsWith("Scan already in progress"), busy.getMessage());
  }

  @Test
  void bitcoinCashScansTheFullCashAddrAndPaysTheRelayFee() throws Exception {
    VaultScript p2pkh = VaultScript.of(VAULT.keys(), UtxoNetwork.of(UtxoChain.BITCOIN_CASH, null),
        ScriptType.P2PKH);
    List<String> bodies = new ArrayList<>();
    server.removeContext("/");
    server.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      bodies.add(body);
      String method = JsonParser.parseString(body).getAsJsonObject().get("method").getAsString();
      Reply r = switch (method) {
        case "getblockchaininfo" -> result("{\"chain\":\"main\"}");
        case "scantxoutset" -> result("{\"success\":true,\"height\":1,\"unspents\":["
            + unspent("a1".repeat(32), 2, p2pkh, "0.5") + "]}");
        case "gettxout" -> result("{\"confirmations\":6,\"coinbase\":false}");
        case "getnetworkinfo" -> result("{\"relayfee\":0.00001000}");
        case "getmempoolinfo" -> result("{\"mempoolminfee\":0.00001000}");
        default -> error(-32601, "Method not found");
      };
      byte[] b = r.body().replace("\"ID\"", "1").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(r.status(), b.length);
      exchange.getResponseBody().write(b);
      exchange.close();
    });
    TransactionIntent done = node().complete(TransactionIntent.builder(Chain.BITCOIN_CASH)
        .put("to", BitcoinCashVmTest.CASHADDR).put("amount", "0.1").build(), VAULT.keys());
    assertEquals(List.of("a1".repeat(32) + ":2:0.5:p2pkh"), done.list("utxos"));
    assertEquals("1", done.string("feeRate"), "no estimatesmartfee on BCH: the relay fee");
    assertTrue(bodies.stream().anyMatch(s -> s.contains("addr(bitcoincash:" + p2pkh.address() + ")")),
        bodies.toString());
  }

  @Test
  void dogecoinFetchesThePreviousTransactionsAndSaysWhenTheNodeNeedsTxindex() throws Exception {
    FundingTx a = DogecoinSpendTest.FUND_A;
    FundingTx b = DogecoinSpendTest.FUND_B;
    FundingTx c = DogecoinSpendTest.FUND_C;
    Map<String, String> known = new HashMap<>(Map.of(a.txid(), a.hex(), b.txid(), b.hex(),
        c.txid(), c.hex()));
    List<String> asked = new ArrayList<>();
    server.removeContext("/");
    server.createContext("/", exchange -> {
      JsonObject req = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
          StandardCharsets.UTF_8)).getAsJsonObject();
      String method = req.get("method").getAsString();
      Reply r;
      if (method.equals("getblockchaininfo")) {
        r = result("{\"chain\":\"main\"}");
      } else if (method.equals("getrawtransaction")) {
        String txid = req.getAsJsonArray("params").get(0).getAsString();
        asked.add(txid);
        r = known.containsKey(txid) ? result("\"" + known.get(txid) + "\"")
            : error(-5, "No such mempool or blockchain transaction. Use gettransaction for wallet "
                + "transactions.");
      } else {
        r = error(-32601, "Method not found");
      }
      byte[] body = r.body().replace("\"ID\"", req.get("id").toString())
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(r.status(), body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    PlainKeySigner vault = DogecoinSpendTest.VAULT;
    TransactionIntent intent = TransactionIntent.builder(Chain.DOGECOIN)
        .put("to", DogecoinSpendTest.RECIPIENT).put("amount", "7.5").put("feeRate", "1000")
        .put("utxos", List.of(c.utxo(1), b.utxo(2), a.utxo(0), b.txid() + ":0:0.07")).build();
    TransactionIntent done = node().complete(intent, vault.keys());
    assertEquals(List.of(c.hex(), b.hex(), a.hex()), done.list("prevTxs"), "one per txid");
    assertEquals(List.of(c.txid(), b.txid(), a.txid()), asked);
    UnsignedTransaction tx = Transactions.build(done, vault.keys());
    assertEquals(2, tx.signingRequests().size(), "A and B spent");
    assertEquals(List.of(b.hex(), a.hex()), tx.intent().list("prevTxs"), "C not passed on");

    asked.clear();
    node().complete(intent.with("prevTxs", List.of(a.hex())), vault.keys());
    assertEquals(List.of(), asked, "prevTxs the user gave are kept, nothing fetched");

    known.remove(b.txid());
    TransactionException noIndex = assertThrows(TransactionException.class, () -> node()
        .complete(intent, vault.keys()));
    assertTrue(noIndex.getMessage().contains("cannot give transaction " + b.txid())
        && noIndex.getMessage().contains("No such mempool or blockchain transaction")
        && noIndex.getMessage().contains("-txindex=1")
        && noIndex.getMessage().contains("'prevTxs'"), noIndex.getMessage());

    known.put(b.txid(), c.hex()); // a lying node: another transaction under B's txid
    IOException lie = assertThrows(IOException.class, () -> node()
        .complete(intent, vault.keys()));
    assertTrue(lie.getMessage().contains("answered transaction " + c.txid()), lie.getMessage());
  }

  private static String unspent(String txid, int vout, VaultScript s, String amount) {
    return "{\"txid\":\"" + txid + "\",\"vout\":" + vout + ",\"scriptPubKey\":\""
        + HexFormat.of().formatHex(s.scriptPubKey()) + "\",\"desc\":\"addr(" + s.address()
        + ")#xyz\",\"amount\":" + amount + ",\"height\":1}";
  }
}
