package dev.keyshard.cli;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.relay.client.RelayClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

import picocli.CommandLine.Option;

/**
 * How a multi-device command meets the others: a relay given by URL, else one embedded in this
 * process for the session's length; where the join code goes (printed with a QR code, and
 * optionally written to a file for scripts); and how long to wait. A picocli mixin.
 */
final class SessionOptions {
  @Option(names = "--relay", paramLabel = "URL",
      description = "The relay to meet through (e.g. http://relay.example:8080). Default: one "
          + "embedded in this process, reachable at --listen.")
  URI relay;

  @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:0",
      description = "Where the embedded relay listens (default ${DEFAULT-VALUE}: this machine "
          + "only, any free port; 0.0.0.0:PORT lets other devices on the network join).")
  String listen;

  @Option(names = "--code-file", paramLabel = "FILE",
      description = "Also write the join code to FILE (mode 600), for scripts.")
  Path codeFile;

  @Option(names = "--no-qr", description = "Print the join code as text only.")
  boolean noQr;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
      description = "How long to wait for the other devices to join (default ${DEFAULT-VALUE}); "
          + "when signing, also how long (at most 2 minutes) to wait for a device gone silent.")
  long timeoutSeconds;

  /** The longest a signing step waits for a silent device, whatever --timeout says. */
  private static final Duration MAX_SIGNING_STEP = Duration.ofMinutes(2);

  Duration joinTimeout() {
    if (timeoutSeconds < 1) {
      throw new UserError("--timeout must be at least 1 second");
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  /**
   * How long one signing step waits for the others: --timeout, capped at two minutes, so that a
   * co-signer that dies mid-session fails the session within the time the user asked for.
   */
  Duration signingStepTimeout() {
    Duration join = joinTimeout();
    return join.compareTo(MAX_SIGNING_STEP) < 0 ? join : MAX_SIGNING_STEP;
  }

  /** The relay to use, started here when none was given; close it when the session is over. */
  Relay open() {
    if (relay != null) {
      return new Relay(relay, null);
    }
    String host;
    int port;
    int colon = listen.lastIndexOf(':');
    try {
      host = colon < 0 ? listen : listen.substring(0, colon);
      port = colon < 0 ? 0 : Integer.parseInt(listen.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new UserError("--listen wants HOST:PORT, got " + listen);
    }
    RelayServer server;
    try {
      server = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT,
          "memory").start(host, port);
    } catch (RuntimeException e) {
      throw new UserError("cannot start the embedded relay on " + listen + ": " + e.getMessage());
    }
    String advertised = host.equals("0.0.0.0") ? lanAddress() : host;
    return new Relay(URI.create("http://" + advertised + ":" + server.port()), server);
  }

  /** Shows the join code: text, QR code, and the file if asked. */
  void show(String code, String what, PrintWriter out) {
    out.println("Join code for " + what + ":");
    out.println(code);
    if (!noQr) {
      out.print(TerminalQr.render(code));
    }
    out.flush();
    if (codeFile != null) {
      try {
        Path tmp = Files.createTempFile(codeFile.toAbsolutePath().getParent(), ".code-", ".tmp",
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, code + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, codeFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UserError("cannot write the join code to " + codeFile + ": " + e.getMessage());
      }
    }
  }

  /** A relay for one session; an embedded one stops on close. */
  record Relay(URI url, RelayServer embedded) implements AutoCloseable {
    /**
     * Keeps an embedded relay up until every member has said it completed (or a short while),
     * so nobody loses the last messages when the initiator's process ends.
     */
    void drain(String session, int members) {
      if (embedded == null) {
        return;
      }
      RelayClient client = new RelayClient(url, Duration.ofSeconds(2), 1);
      long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < until) {
        try {
          if (client.completed(session).size() >= members) {
            return;
          }
        } catch (Exception e) {
          return;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    @Override
    public void close() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private static String lanAddress() {
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp() || ni.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (a instanceof Inet4Address && a.isSiteLocalAddress()) {
            return a.getHostAddress();
          }
        }
      }
    } catch (IOException e) {
      // Fall through to loopback.
    }
    return "127.0.0.1";
  }

}
