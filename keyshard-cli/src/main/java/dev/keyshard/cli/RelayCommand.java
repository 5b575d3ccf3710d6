package dev.keyshard.cli;

import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.relay.RelayStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code keyshard relay}: runs the message relay until interrupted. */
@Command(name = "relay", mixinStandardHelpOptions = true,
    description = {
      "Run the message relay that devices meet through: Vultisig's relay API (Vultisig apps and "
          + "SDK work against it), plus /health and /metrics. It only ever sees end-to-end "
          + "encrypted messages. Stops on Ctrl-C.",
      "State is kept in memory by default; with --redis several relays behind a load balancer "
          + "serve the same sessions."
    })
final class RelayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
      description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
  String host;

  @Option(names = "--redis", paramLabel = "URL",
      description = "Keep state in Redis (redis://host:6379/0) instead of memory.")
  String redis;

  @Option(names = "--ttl", paramLabel = "SECONDS", defaultValue = "300",
      description = "How long idle session data lives (default ${DEFAULT-VALUE}, as Vultisig's relay).")
  long ttlSeconds;

  @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "8388608",
      description = "Largest request body accepted (default ${DEFAULT-VALUE}).")
  long maxBody;

  @Option(names = "--max-memory", paramLabel = "MIB",
      description = "Most queued messages and stored values held in memory, in MiB; past it, "
          + "posts are refused with 429 until deliveries or expiry free room (default: half the "
          + "JVM's heap, at most 1024). With --redis, set Redis' own maxmemory instead.")
  Long maxMemoryMib;

  @Override
  public Integer call() throws Exception {
    if (maxMemoryMib != null && (maxMemoryMib < 1 || maxMemoryMib > 1L << 30)) {
      throw new UserError("--max-memory must be 1 MiB or more");
    }
    long stored = maxMemoryMib == null ? RelayLimits.defaultStoredBytes() : maxMemoryMib << 20;
    if (stored < maxBody) {
      throw new UserError("--max-memory must hold at least one request of --max-body bytes");
    }
    RelayLimits limits;
    try {
      limits = new RelayLimits(maxBody, RelayLimits.DEFAULT.maxMessagesPerSession(),
          RelayLimits.DEFAULT.maxSessions(), Duration.ofSeconds(ttlSeconds), stored);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    if (port < 0 || port > 65535) {
      throw new UserError("--port must be 0..65535");
    }
    RelayStore store = RelayStores.open(redis, limits);
    RelayServer server;
    try {
      server = new RelayServer(store, limits, redis == null ? "memory" : "redis").start(host, port);
    } catch (RuntimeException e) {
      store.close();
      throw new UserError("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "relay-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("relay listening on http://" + host + ":" + server.port() + " (store: "
        + (redis == null ? "memory" : "redis") + ")");
    out.flush();
    stopped.await();
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
