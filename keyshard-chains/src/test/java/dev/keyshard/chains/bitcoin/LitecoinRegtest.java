package dev.keyshard.chains.bitcoin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.verify.Verifiers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away litecoind in regtest mode (Litecoin Core 0.21: Bitcoin Core's script rules with
 * segwit and taproot active from height 0): its own temporary data directory, a free local RPC
 * port, no peers. Started and stopped by the test that uses it, every wait bounded. MWEB's
 * regtest activation is pushed past any height a test reaches (VERIFIERS.md 2b: after it block
 * generation fails). Skips (fails under CI=true) when litecoind is not installed.
 *
 * <pre>
 * try (LitecoinRegtest node = LitecoinRegtest.start()) {
 *   String utxo = node.fund(scriptPubKey);   // "TXID:VOUT:AMOUNT", a coinbase paying the script
 *   node.mature();                            // 101 blocks to OP_TRUE, so it can be spent
 *   JsonObject verdict = node.testMempoolAccept(hex);
 * }
 * </pre>
 */
public final class LitecoinRegtest implements AutoCloseable {
  private static final String USER = "keyshard";
  private static final String PASSWORD = "regtest-only";
  private static final long START_TIMEOUT_MS = 60_000;

  private final Process process;
  private final Path dataDir;
  private final int port;
  private final JsonRpcClient rpc;

  private LitecoinRegtest(Process process, Path dataDir, int port) {
    this.process = process;
    this.dataDir = dataDir;
    this.port = port;
    this.rpc = new JsonRpcClient(rpcUrl());
  }

  /** Starts a node and waits (at most a minute) until its RPC answers. */
  public static LitecoinRegtest start() throws IOException, InterruptedException {
    Path binary = Verifiers.program("litecoind");
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Path dir = Files.createTempDirectory("keyshard-ltc-regtest");
      int port = freePort();
      Files.writeString(dir.resolve("litecoin.conf"), String.join("\n",
          "regtest=1", "server=1", "listen=0", "dnsseed=0", "printtoconsole=0", "txindex=0",
          "[regtest]", "rpcbind=127.0.0.1", "rpcallowip=127.0.0.1", "rpcport=" + port,
          "rpcuser=" + USER, "rpcpassword=" + PASSWORD,
          "vbparams=mweb:4102444800:4102444801", ""), StandardCharsets.US_ASCII);
      Process p = new ProcessBuilder(binary.toString(), "-datadir=" + dir)
          .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
      LitecoinRegtest node = new LitecoinRegtest(p, dir, port);
      try {
        node.awaitReady();
        return node;
      } catch (IOException e) {
        last = e;
        node.close();
      }
    }
    throw last;
  }

  /** The RPC endpoint with its credentials (regtest only, never a real node's). */
  public String rpcUrl() {
    return "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + "/";
  }

  public JsonRpcClient rpc() {
    return rpc;
  }

  /** An RPC call; a node error fails with its reason. */
  public JsonElement call(String method, Object... params) throws IOException, RpcException {
    return rpc.call(method, params);
  }

  /**
   * Mines one block whose coinbase pays {@code scriptPubKey} ({@code generatetodescriptor 1
   * "raw(hex)"}) and returns that output as the intent lists it: "TXID:VOUT:AMOUNT".
   */
  public String fund(byte[] scriptPubKey) throws IOException, RpcException {
    String hex = HexFormat.of().formatHex(scriptPubKey);
    String block = call("generatetodescriptor", 1, "raw(" + hex + ")").getAsJsonArray().get(0)
        .getAsString();
    JsonObject coinbase = call("getblock", block, 2).getAsJsonObject().getAsJsonArray("tx").get(0)
        .getAsJsonObject();
    JsonArray vout = coinbase.getAsJsonArray("vout");
    for (int i = 0; i < vout.size(); i++) {
      JsonObject o = vout.get(i).getAsJsonObject();
      if (hex.equals(o.getAsJsonObject("scriptPubKey").get("hex").getAsString())) {
        return coinbase.get("txid").getAsString() + ":" + i + ":"
            + o.get("value").getAsBigDecimal().toPlainString();
      }
    }
    throw new IllegalStateException("the coinbase does not pay " + hex);
  }

  /** Mines 101 blocks to OP_TRUE, so earlier coinbases mature (COINBASE_MATURITY 100). */
  public void mature() throws IOException, RpcException {
    mine(101);
  }

  /** Mines {@code blocks} blocks to OP_TRUE; returns the last block's hash. */
  public String mine(int blocks) throws IOException, RpcException {
    JsonArray hashes = call("generatetodescriptor", blocks, "raw(51)").getAsJsonArray();
    return hashes.get(hashes.size() - 1).getAsString();
  }

  /** {@code testmempoolaccept} of one transaction: {"allowed": …, "reject-reason": …}. */
  public JsonObject testMempoolAccept(String hex) throws IOException, RpcException {
    JsonArray list = new JsonArray();
    list.add(hex);
    return call("testmempoolaccept", list).getAsJsonArray().get(0).getAsJsonObject();
  }

  /**
   * Stops the node (RPC stop, then at most 5 s) and deletes its data directory. A node that other
   * clients (a {@code BitcoinRpc} under test) still hold keep-alive connections to waits out its
   * 30 s rpcservertimeout before it exits; its data is thrown away, so it is killed instead.
   */
  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        try {
          rpc.call("stop");
        } catch (IOException | RpcException e) {
          process.destroy();
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    } finally {
      deleteTree(dataDir);
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("litecoind exited with " + process.exitValue() + ": " + log());
      }
      try {
        rpc.call("getblockchaininfo");
        return;
      } catch (IOException | RpcException e) {
        Thread.sleep(200); // not listening yet, or -28 "Loading…"
      }
    }
    throw new IOException("litecoind's RPC did not answer in " + START_TIMEOUT_MS / 1000 + " s: "
        + log());
  }

  private String log() {
    try {
      String s = Files.readString(dataDir.resolve("stdout.log"));
      return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
