package dev.keyshard.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayServer;
import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.vault.KeyshardVaultShare;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 2-of-3 vault ceremony where one joiner dies after the hello phase, as DKLs23 key generation
 * starts: the other two stop at their step deadline naming it, and nobody gets a share.
 */
@Timeout(120)
class PartyKilledTest {
  static final Duration STEP = Duration.ofSeconds(5);
  RelayServer relay;
  URI url;
  ExecutorService pool;

  @BeforeEach
  void start() {
    relay = new RelayServer(new InMemoryRelayStore(RelayLimits.DEFAULT), RelayLimits.DEFAULT, "memory")
        .start("127.0.0.1", 0);
    url = URI.create("http://127.0.0.1:" + relay.port());
    pool = Executors.newCachedThreadPool();
  }

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    relay.close();
  }

  static VaultCeremony ceremony(Progress p) {
    return new VaultCeremony(new SecureRandom(), new VaultCeremony.Options(Duration.ofSeconds(30), STEP, p));
  }

  /** Runs the ceremony; the victim's progress line for key generation triggers {@code kill}. */
  void killedAtKeygen(Progress victimProgress, boolean interruptVictim) throws Exception {
    CompletableFuture<Thread> victimAtKeygen = new CompletableFuture<>();
    VaultCeremony.Initiator init = ceremony(line -> { }).initiate(url, "Doomed", 2, 3);
    String code = init.joinCode().format();
    String session = init.joinCode().session();
    RelayClient watch = new RelayClient(url);
    // Join one at a time, so the committee's order (and the victim's name) is known.
    Future<KeyshardVaultShare> a = pool.submit(init::run);
    awaitMembers(watch, session, 1);
    Future<KeyshardVaultShare> victim = pool.submit(() -> ceremony(line -> {
      if (line.startsWith("DKLs23 key generation")) {
        victimAtKeygen.complete(Thread.currentThread());
        victimProgress.report(line);
      }
    }).join(JoinCode.parse(code)));
    awaitMembers(watch, session, 2);
    Future<KeyshardVaultShare> c = pool.submit(() -> ceremony(line -> { }).join(JoinCode.parse(code)));
    String victimName = watch.members(session).get(1);

    Thread t = victimAtKeygen.get(30, TimeUnit.SECONDS);
    if (interruptVictim) {
      t.interrupt();
    }
    for (Future<KeyshardVaultShare> honest : List.of(a, c)) {
      SessionException e = SessionHarness.failsNaming(honest, 30, SessionTimeoutException.class, victimName);
      assertTrue(e.getMessage().contains(VaultCeremony.DKLS23), e.getMessage());
    }
    Throwable dead = SessionHarness.failure(victim, 30);
    if (dead instanceof SessionException se) {
      // The device that was stopped does not blame the others for its own stop.
      assertFalse(se instanceof SessionTimeoutException, "the stopped device reported " + se);
      assertEquals(List.of(), se.culprits(), se.getMessage());
    }
  }

  static void awaitMembers(RelayClient c, String session, int n) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (c.members(session).size() < n) {
      assertTrue(System.nanoTime() - until < 0, "devices did not join");
      Thread.sleep(20);
    }
  }

  @Test
  void aJoinerWhoseThreadIsInterruptedIsNamedAndNobodyGetsAShare() throws Exception {
    killedAtKeygen(line -> { }, true);
  }

  @Test
  void aJoinerThatCrashesIsNamedAndNobodyGetsAShare() throws Exception {
    killedAtKeygen(line -> {
      throw new IllegalStateException("the device crashed");
    }, false);
  }
}
