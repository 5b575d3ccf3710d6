package dev.keyshard.relay.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayMessage;
import dev.keyshard.relay.RelayServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RelayClientTest {
  RelayServer server;
  RelayClient client;
  final String session = UUID.randomUUID().toString();

  @BeforeEach
  void start() {
    server = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0);
    client = new RelayClient(URI.create("http://127.0.0.1:" + server.port()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aSessionRoundTrip() throws Exception {
    assertEquals(List.of(), client.members(session));
    client.join(session, "jp’s MacBook Air-EE5", "token-a");
    client.join(session, "b", null);
    assertEquals(List.of("jp’s MacBook Air-EE5", "b"), client.members(session));
    assertEquals(Optional.empty(), client.started(session));
    client.start(session, List.of("b", "jp’s MacBook Air-EE5"));
    assertEquals(Optional.of(List.of("b", "jp’s MacBook Air-EE5")), client.started(session));
    RelayMessage m = new RelayMessage(session, "b", List.of("jp’s MacBook Air-EE5"), "c2lwaGVy", "h1", 3);
    client.post(session, "phase", m);
    client.post(session, "phase", m);
    assertEquals(List.of(m), client.messages(session, "jp’s MacBook Air-EE5", "phase", "token-a"));
    RelayException refused = assertThrows(RelayException.class,
        () -> client.messages(session, "jp’s MacBook Air-EE5", "phase", "wrong"));
    assertEquals(403, refused.status());
    client.delete(session, "jp’s MacBook Air-EE5", "h1", "phase", "token-a");
    assertEquals(List.of(), client.messages(session, "jp’s MacBook Air-EE5", "phase", "token-a"));
    client.putSetup(session, "", "setup");
    assertEquals(Optional.of("setup"), client.setup(session, ""));
    client.complete(session, "b");
    assertEquals(List.of("b"), client.completed(session));
  }

  @Test
  void anUnknownSessionIsNotRetried() {
    RelayException e = assertThrows(RelayException.class, () -> client.post(session, "",
        new RelayMessage(session, "a", List.of("b"), "x", "h", 0)));
    assertEquals(404, e.status());
  }

  @Test
  void anUnreachableRelayFailsAfterItsRetries() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RelayClient dead = new RelayClient(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(1), 3);
    RelayException e = assertThrows(RelayException.class, () -> dead.members(session));
    assertEquals(0, e.status());
    assertTrue(e.transientError());
    assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
  }
}
