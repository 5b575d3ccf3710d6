package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for tests, on a free loopback port, without persistence. Without
 * redis-server on PATH, tests skip — except on CI ({@code CI=true}), where they fail, so a CI
 * that forgot to install it cannot pass without running them.
 */
final class RedisServerProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(10);
  private final int port;
  private Process process;

  private RedisServerProcess(int port) {
    this.port = port;
  }

  /** Starts one, or skips (fails on CI) the calling tests when redis-server is missing. */
  static RedisServerProcess startOrSkip() throws Exception {
    if (!onPath("redis-server")) {
      String why = "redis-server is not on PATH (Debian: apt-get install redis-server)";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    RedisServerProcess r = new RedisServerProcess(freePort());
    r.start();
    return r;
  }

  String uri() {
    return "redis://127.0.0.1:" + port + "/0";
  }

  /** Starts redis-server again on the same port (after {@link #stop}). */
  void start() throws Exception {
    process = new ProcessBuilder("redis-server", "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (!pong()) {
      if (!process.isAlive() || System.nanoTime() - deadline > 0) {
        stop();
        throw new IllegalStateException("redis-server did not answer PING on port " + port);
      }
      Thread.sleep(50);
    }
  }

  /** Kills redis-server and waits for it to exit. */
  void stop() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  /** One inline PING over a plain socket, so readiness does not depend on the client under test. */
  private boolean pong() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      s.setSoTimeout(500);
      OutputStream out = s.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] buf = new byte[7];
      int n = in.readNBytes(buf, 0, buf.length);
      return new String(buf, 0, n, StandardCharsets.US_ASCII).equals("+PONG\r\n");
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (new File(dir, program).canExecute()) {
        return true;
      }
    }
    return false;
  }
}
