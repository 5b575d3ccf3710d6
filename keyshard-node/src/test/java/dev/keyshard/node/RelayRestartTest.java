package dev.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keyshard.relay.RedisRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.vault.KeyshardVaultShare;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay process dies in the middle of a vault ceremony and a new one comes up on the same port
 * over the same Redis: the devices' clients retry, their sessions keep polling, and the ceremony
 * completes. Needs redis-server (skipped without it, except on CI, where it fails).
 */
@Timeout(180)
class RelayRestartTest {
  Process redis;
  int redisPort;
  ExecutorService pool = Executors.newCachedThreadPool();
  RelayServer relay;

  @BeforeEach
  void startRedis() throws Exception {
    if (!onPath("redis-server")) {
      String why = "redis-server is not on PATH (Debian: apt-get install redis-server)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    redisPort = freePort();
    redis = new ProcessBuilder("redis-server", "--port", Integer.toString(redisPort), "--bind",
        "127.0.0.1", "--save", "", "--appendonly", "no")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!pong(redisPort)) {
      assertTrue(redis.isAlive() && System.nanoTime() - until < 0, "redis-server did not start");
      Thread.sleep(50);
    }
  }

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    if (relay != null) {
      relay.close();
    }
    if (redis != null) {
      redis.destroyForcibly();
      redis.waitFor(10, TimeUnit.SECONDS);
    }
  }

  RelayServer relayOn(String namespace, int port) {
    RelayLimits limits = RelayLimits.DEFAULT;
    return new RelayServer(new RedisRelayStore("redis://127.0.0.1:" + redisPort + "/0", limits,
        namespace, Duration.ofSeconds(2)), limits, "redis").start("127.0.0.1", port);
  }

  @Test
  void aCeremonyOutlivesARelayRestartOverTheSameRedis() throws Exception {
    String ns = "keyshard-node-test:" + UUID.randomUUID() + ":";
    relay = relayOn(ns, 0);
    int port = relay.port();
    URI url = URI.create("http://127.0.0.1:" + port);
    CountDownLatch keygen = new CountDownLatch(1);
    VaultCeremony.Options opts = new VaultCeremony.Options(Duration.ofSeconds(30), Duration.ofSeconds(60),
        line -> {
          if (line.startsWith("DKLs23 key generation")) {
            keygen.countDown();
          }
        });
    VaultCeremony.Options quiet = new VaultCeremony.Options(Duration.ofSeconds(30), Duration.ofSeconds(60),
        line -> { });
    VaultCeremony.Initiator init = new VaultCeremony(new SecureRandom(), opts).initiate(url, "Restart", 2, 3);
    String code = init.joinCode().format();
    List<Future<KeyshardVaultShare>> fs = new ArrayList<>();
    fs.add(pool.submit(init::run));
    fs.add(pool.submit(() -> new VaultCeremony(new SecureRandom(), quiet).join(JoinCode.parse(code))));
    fs.add(pool.submit(() -> new VaultCeremony(new SecureRandom(), quiet).join(JoinCode.parse(code))));

    assertTrue(keygen.await(60, TimeUnit.SECONDS), "the hello phase did not finish");
    relay.close(); // the relay process is gone; what it held lives on in Redis
    relay = null;
    Thread.sleep(2000); // long enough that the devices' retries run out while it is down
    relay = relayOn(ns, port);

    List<KeyshardVaultShare> shares = new ArrayList<>();
    for (Future<KeyshardVaultShare> f : fs) {
      shares.add(SessionHarness.await(f, 150));
    }
    KeyshardVaultShare first = shares.get(0);
    for (KeyshardVaultShare s : shares) {
      assertEquals(first.info().id(), s.info().id());
      assertArrayEquals(first.info().publicKeyEcdsa(), s.info().publicKeyEcdsa());
      assertArrayEquals(first.info().publicKeyEddsa(), s.info().publicKeyEddsa());
    }
    assertEquals(3, shares.stream().map(s -> s.info().localParty()).distinct().count());
  }

  static boolean pong(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      s.setSoTimeout(500);
      s.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      InputStream in = s.getInputStream();
      byte[] buf = in.readNBytes(7);
      return new String(buf, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (new File(dir, program).canExecute()) {
          return true;
        }
      }
    }
    return false;
  }
}
