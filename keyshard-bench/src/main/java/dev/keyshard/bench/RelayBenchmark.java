package dev.keyshard.bench;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RedisRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayMessage;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.relay.RelayStore;
import dev.keyshard.relay.client.RelayClient;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The relay's hot path over real HTTP on loopback: one message posted to a session queue (a
 * 2 KiB ciphertext body, the size of a FROST or small DKLs23 message), and that queue read back
 * and the message deleted, as a client does. {@code store=redis} starts a local redis-server.
 * Throughput mode with several client threads gives messages per second; sample mode gives the
 * latency percentiles. The client (the JDK's {@code HttpClient}) runs in this JVM beside the
 * server, so these figures bound the client as much as the server; the server's own throughput
 * on one core comes from {@code scripts/relay-load.sh} (wrk in another process, on another core).
 */
@State(Scope.Benchmark)
public class RelayBenchmark {
  @Param({"memory", "redis"})
  public String store;

  RelayServer server;
  Process redis;
  URI url;

  @Setup(Level.Trial)
  public void start() throws Exception {
    RelayLimits limits = new RelayLimits(8 << 20, Integer.MAX_VALUE, 100_000, Duration.ofMinutes(5));
    RelayStore s;
    if (store.equals("redis")) {
      int port;
      try (ServerSocket sock = new ServerSocket(0)) {
        port = sock.getLocalPort();
      }
      redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind",
          "127.0.0.1", "--save", "", "--appendonly", "no").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      s = null;
      for (int i = 0; i < 100 && s == null; i++) {
        try {
          RedisRelayStore r = new RedisRelayStore("redis://127.0.0.1:" + port, limits);
          if (r.healthy()) {
            s = r;
          } else {
            r.close();
          }
        } catch (RuntimeException e) {
          Thread.sleep(50);
        }
      }
      if (s == null) {
        throw new IllegalStateException("redis-server did not start");
      }
    } else {
      s = new InMemoryRelayStore(limits);
    }
    server = new RelayServer(s, limits, store).start("127.0.0.1", 0);
    url = URI.create("http://127.0.0.1:" + server.port());
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
    if (redis != null) {
      redis.destroy();
    }
  }

  /** One client thread's own session, so threads do not contend on one queue. */
  @State(Scope.Thread)
  public static class Client {
    RelayClient client;
    String session;
    String body;
    final AtomicLong seq = new AtomicLong();

    @Setup(Level.Trial)
    public void join(RelayBenchmark relay) throws Exception {
      client = new RelayClient(relay.url, Duration.ofSeconds(5), 1);
      newSession();
      byte[] b = new byte[2048];
      new Random(1).nextBytes(b);
      body = Base64.getEncoder().encodeToString(b);
    }

    void newSession() throws Exception {
      session = UUID.randomUUID().toString();
      client.join(session, "a", null);
      client.join(session, "b", null);
    }
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput})
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int postReadDelete(Client c) throws Exception {
    String hash = Long.toString(c.seq.incrementAndGet());
    c.client.post(c.session, "", new RelayMessage(c.session, "a", List.of("b"), c.body, hash, 0));
    List<RelayMessage> got = c.client.messages(c.session, "b", "", null);
    c.client.delete(c.session, "b", hash, "", null);
    return got.size();
  }

  @Benchmark
  @BenchmarkMode({Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void post(Client c) throws Exception {
    String hash = Long.toString(c.seq.incrementAndGet());
    c.client.post(c.session, "", new RelayMessage(c.session, "a", List.of("b"), c.body, hash, 0));
    if (c.seq.get() % 4096 == 0) {
      // A fresh session now and then keeps the queue from growing without bound (0.05 % of ops).
      c.newSession();
    }
  }
}
