package dev.keyshard.chains.evm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.verify.Verifiers;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * A local anvil node (npm {@code @foundry-rs/anvil}, Foundry's — code we did not write) for
 * tests: started on a free port with a chosen chain id, ready within a bounded wait, stopped by
 * {@link #close()}. Automines every transaction, unless started with
 * {@link #startWithoutMining(long)}: then transactions wait in the pool until {@link #mine()}.
 */
public final class Anvil implements AutoCloseable {
  private final Process process;
  private final JsonRpcClient rpc;
  private final String url;

  private Anvil(Process process, String url) {
    this.process = process;
    this.url = url;
    this.rpc = new JsonRpcClient(url);
  }

  /** Starts anvil, or skips the test (fails under CI) when interop/node_modules lacks it. */
  public static Anvil start(long chainId) throws Exception {
    return start(chainId, false);
  }

  /**
   * Starts anvil with {@code --no-mining}: sent transactions stay pending (and
   * {@code eth_getTransactionCount "latest"} unchanged) until {@link #mine()}.
   */
  public static Anvil startWithoutMining(long chainId) throws Exception {
    return start(chainId, true);
  }

  private static Anvil start(long chainId, boolean noMining) throws Exception {
    Path bin = Verifiers.interop().resolve("node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil");
    requireVerifier(Files.isExecutable(bin), "npm @foundry-rs/anvil is not installed in interop/");
    // The free port is found by binding and releasing it: another process may take it first,
    // then anvil exits at once and another port is tried.
    for (int attempt = 0; attempt < 3; attempt++) {
      Anvil a = launch(bin, chainId, noMining);
      if (a != null) {
        return a;
      }
    }
    Assertions.fail("anvil did not start on three free ports");
    return null;
  }

  /** One launch: the node once it answers eth_chainId with {@code chainId}, null if it exited. */
  private static Anvil launch(Path bin, long chainId, boolean noMining) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(bin.toString(),
        "--host", "127.0.0.1", "--port", String.valueOf(port), "--chain-id",
        String.valueOf(chainId), "--silent"));
    if (noMining) {
      cmd.add("--no-mining");
    }
    Process p = new ProcessBuilder(cmd)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    Anvil a = new Anvil(p, "http://127.0.0.1:" + port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && p.isAlive()) {
      try {
        String id = a.rpc.call("eth_chainId").getAsString();
        Assertions.assertEquals("0x" + Long.toHexString(chainId), id, "anvil's chain id");
        return a;
      } catch (java.io.IOException e) {
        Thread.sleep(100);
      }
    }
    boolean exited = !p.isAlive();
    a.close();
    if (!exited) {
      Assertions.fail("anvil did not answer within 30 s");
    }
    return null;
  }

  /**
   * Skips the test when a verifier is absent, as {@link Verifiers} does — except under CI=true,
   * where a missing verifier fails it (a skipped check must not pass for a passed one).
   */
  static void requireVerifier(boolean present, String why) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true but " + why + " (see .ci/run)");
    }
    org.junit.jupiter.api.Assumptions.abort(why + ": verifier test skipped");
  }

  public String url() {
    return url;
  }

  /** A client for this node (what {@link EvmRpc} is given). */
  public JsonRpcClient client() {
    return rpc;
  }

  /** Calls a JSON-RPC method on this node; a node error is an {@code RpcException}. */
  public JsonElement rpc(String method, Object... params) throws Exception {
    return rpc.call(method, params);
  }

  /** An account's balance in wei ({@code eth_getBalance} at the latest block). */
  public java.math.BigInteger balance(String address) throws Exception {
    return new java.math.BigInteger(rpc("eth_getBalance", address, "latest").getAsString().substring(2), 16);
  }

  /** Sets an account's balance in wei ({@code anvil_setBalance}). */
  public void setBalance(String address, java.math.BigInteger wei) throws Exception {
    rpc.call("anvil_setBalance", address, "0x" + wei.toString(16));
  }

  /** The receipt of a transaction, waiting at most 30 s for it to be mined. */
  public JsonObject receipt(String txHash) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      JsonElement r = rpc.call("eth_getTransactionReceipt", txHash);
      if (r != null && r.isJsonObject()) {
        return r.getAsJsonObject();
      }
      Thread.sleep(50);
    }
    Assertions.fail("no receipt for " + txHash + " within 30 s");
    return null;
  }

  /** Mines one block with the pending transactions ({@code evm_mine}). */
  public void mine() throws Exception {
    rpc.call("evm_mine");
  }

  /** The sender the node recovered from the transaction's signature. */
  public String sender(String txHash) throws Exception {
    return rpc.call("eth_getTransactionByHash", txHash).getAsJsonObject().get("from").getAsString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
