package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.relay.client.RelayClient;
import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many sessions at once through one in-memory relay over HTTP: 200 sessions of three parties (the
 * same party names in every session), each party sending five rounds of protocol-sized messages
 * to the other two, some re-posted. Afterwards every queue holds exactly what was sent to it: none
 * lost, none twice, none from another session or for another party.
 */
@Timeout(120)
class RelayLoadTest {
  static final int SESSIONS = 200;
  static final int ROUNDS = 5;
  static final List<String> PARTIES = List.of("p1", "p2", "p3");
  static final String PHASE = "keygen";
  RelayServer server;
  RelayClient client;
  ExecutorService pool;

  /** What one message must look like when its recipient reads it. */
  record Sent(String session, String from, String to, String body) {}

  @BeforeEach
  void start() {
    server = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0);
    client = new RelayClient(URI.create("http://127.0.0.1:" + server.port()), Duration.ofSeconds(20), 5);
    pool = Executors.newFixedThreadPool(32);
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void noMessageIsLostDuplicatedOrMisdelivered() throws Exception {
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < SESSIONS; i++) {
      sessions.add(UUID.randomUUID().toString());
    }
    Map<String, String> tokens = new ConcurrentHashMap<>();
    List<Callable<Void>> joins = new ArrayList<>();
    for (String s : sessions) {
      for (String p : PARTIES) {
        String token = UUID.randomUUID().toString();
        tokens.put(s + "/" + p, token);
        joins.add(() -> {
          client.join(s, p, token);
          return null;
        });
      }
    }
    all(joins);

    // Every message any recipient should find, by its name (unique: a hash of random content).
    Map<String, Sent> expected = new ConcurrentHashMap<>();
    List<Callable<Void>> senders = new ArrayList<>();
    for (String s : sessions) {
      for (String from : PARTIES) {
        senders.add(() -> {
          SecureRandom rng = new SecureRandom();
          List<String> others = new ArrayList<>(PARTIES);
          others.remove(from);
          long seq = 0;
          RelayMessage first = null;
          for (int r = 0; r < ROUNDS; r++) {
            // Even rounds broadcast one body to both; odd rounds send each its own.
            List<List<String>> posts = r % 2 == 0 ? List.of(others)
                : List.of(List.of(others.get(0)), List.of(others.get(1)));
            for (List<String> to : posts) {
              byte[] raw = new byte[1500 + rng.nextInt(2500)];
              rng.nextBytes(raw);
              String body = Base64.getEncoder().encodeToString(raw);
              String hash = sha256(body);
              for (String t : to) {
                assertTrue(expected.put(hash + "/" + s + "/" + t, new Sent(s, from, t, body)) == null);
              }
              RelayMessage m = new RelayMessage(s, from, to, body, hash, seq++);
              client.post(s, PHASE, m);
              if (first == null) {
                first = m;
              }
            }
          }
          client.post(s, PHASE, first); // a re-post (a client whose answer was lost) changes nothing
          return null;
        });
      }
    }
    all(senders);
    assertEquals(SESSIONS * PARTIES.size() * 2 * ROUNDS, expected.size());

    Set<String> found = ConcurrentHashMap.newKeySet();
    List<Callable<Void>> readers = new ArrayList<>();
    for (String s : sessions) {
      for (String p : PARTIES) {
        readers.add(() -> {
          List<RelayMessage> q = client.messages(s, p, PHASE, tokens.get(s + "/" + p));
          assertEquals(2 * ROUNDS, q.size(), "messages in " + p + "'s queue of one session");
          Set<String> names = new HashSet<>();
          for (RelayMessage m : q) {
            assertTrue(names.add(m.hash()), "delivered twice");
            Sent sent = expected.get(m.hash() + "/" + s + "/" + p);
            assertTrue(sent != null, "a message that was not sent to this party in this session");
            assertEquals(s, m.sessionId());
            assertEquals(sent.from(), m.from());
            assertEquals(sent.body(), m.body());
            assertTrue(m.to().contains(p));
            assertEquals(m.hash(), sha256(m.body()), "the body arrived altered");
            found.add(m.hash() + "/" + s + "/" + p);
          }
          return null;
        });
      }
    }
    all(readers);
    assertEquals(expected.keySet(), found, "every message reached its recipient");
  }

  /** Runs the tasks on the pool and rethrows the first failure. */
  void all(List<Callable<Void>> tasks) throws Exception {
    List<Future<Void>> fs = new ArrayList<>();
    for (Callable<Void> t : tasks) {
      fs.add(pool.submit(t));
    }
    for (Future<Void> f : fs) {
      try {
        f.get(90, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof Exception x) {
          throw x;
        }
        throw new AssertionError(e.getCause());
      }
    }
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
  }
}
