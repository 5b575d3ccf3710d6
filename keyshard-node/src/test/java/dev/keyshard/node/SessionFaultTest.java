package dev.keyshard.node;

import static dev.keyshard.node.SessionHarness.await;
import static dev.keyshard.node.SessionHarness.dkls;
import static dev.keyshard.node.SessionHarness.failsNaming;
import static dev.keyshard.node.SessionHarness.frostDkg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Sessions of three members over a real relay with a misbehaving network between each member and
 * the relay: whatever it does short of staying down, every member ends with the same key; a member
 * that stays down is named by the others at their deadline.
 */
@Timeout(120)
class SessionFaultTest {
  static final Duration STEP = Duration.ofSeconds(30);
  final SessionHarness h = new SessionHarness();

  @AfterEach
  void stop() {
    h.close();
  }

  /** Hellos then a FROST DKG for every member, each in its own thread; the group keys. */
  List<byte[]> frostAll(SessionHarness.Group g) throws Exception {
    List<Future<byte[]>> fs = new ArrayList<>();
    for (int i = 1; i <= g.members.size(); i++) {
      Session s = g.session(i);
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        return frostDkg(s, 2, STEP);
      }));
    }
    List<byte[]> keys = new ArrayList<>();
    for (Future<byte[]> f : fs) {
      keys.add(await(f, 90));
    }
    return keys;
  }

  static void sameKey(List<byte[]> keys) {
    assertEquals(3, keys.size());
    for (byte[] k : keys) {
      assertEquals(32, k.length);
      assertArrayEquals(keys.get(0), k);
    }
  }

  @Test
  void duplicatedReorderedAndDelayedDeliveriesStillGiveOneKey() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    List<FaultyTransport> ts = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      FaultyTransport t = g.wrap(i, FaultyTransport::new);
      t.duplicate = true;
      t.reorder = true;
      t.delayMs = 150;
      ts.add(t);
    }
    List<Future<Object[]>> fs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Session s = g.session(i);
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        Dkls23KeyShare ecdsa = dkls(s, 2, STEP);
        byte[] eddsa = frostDkg(s, 2, STEP);
        return new Object[] {ecdsa.publicKey().toBytes(), ecdsa.chainCode(), eddsa};
      }));
    }
    List<Object[]> out = new ArrayList<>();
    for (Future<Object[]> f : fs) {
      out.add(await(f, 90));
    }
    for (Object[] o : out) {
      assertArrayEquals((byte[]) out.get(0)[0], (byte[]) o[0]);
      assertArrayEquals((byte[]) out.get(0)[1], (byte[]) o[1]);
      assertArrayEquals((byte[]) out.get(0)[2], (byte[]) o[2]);
    }
    assertEquals(33, ((byte[]) out.get(0)[0]).length);
  }

  @Test
  void transientPostPollAndAckFailuresAreRiddenOut() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    List<FaultyTransport> ts = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      FaultyTransport t = g.wrap(i, FaultyTransport::new);
      t.failEvery = 2 + i; // about 1 call in 3, 4, 5: posts, polls and acks all hit
      ts.add(t);
    }
    sameKey(frostAll(g));
    assertTrue(ts.stream().mapToInt(t -> t.failed.get()).sum() > 0, "faults were injected");
  }

  @Test
  void aPostTheRelayNeverGotIsRepostedAfterQuiet() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t2 = g.wrap(2, FaultyTransport::new);
    // Member 2's first FROST post (its round-1 broadcast) is lost; its re-post must recover it.
    t2.rewrite = (phase, to, body, index) -> phase.equals(SessionHarness.FROST) && index == 0 ? null : body;
    sameKey(frostAll(g));
    assertEquals(1, t2.dropped.get());
  }

  @Test
  void aLostLastPostOfAPhaseIsRecoveredAfterItsSenderMovedOn() throws Exception {
    // How many distinct bodies member 1 sends in DKLs23 key generation (a clean run).
    SessionHarness.Group clean = h.new Group(3);
    FaultyTransport counter = clean.wrap(1, FaultyTransport::new);
    runDklsThenFrost(clean);
    int last = counter.posted.get(SessionHarness.DKLS).size() - 1;
    assertTrue(last > 0);

    // Now the relay never gets member 1's last DKLs23 post: member 1 has every message it needs and
    // moves on to FROST, while the others still wait for that one.
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t1 = g.wrap(1, FaultyTransport::new);
    Set<String> distinct = new HashSet<>();
    boolean[] done = new boolean[1];
    t1.rewrite = (phase, to, body, index) -> {
      if (phase.equals(SessionHarness.DKLS) && distinct.add(body) && distinct.size() == last + 1
          && !done[0]) {
        done[0] = true;
        return null;
      }
      return body;
    };
    List<Object[]> out = runDklsThenFrost(g);
    assertEquals(1, t1.dropped.get());
    for (Object[] o : out) {
      assertArrayEquals((byte[]) out.get(0)[0], (byte[]) o[0]);
      assertArrayEquals((byte[]) out.get(0)[1], (byte[]) o[1]);
    }
  }

  List<Object[]> runDklsThenFrost(SessionHarness.Group g) throws Exception {
    List<Future<Object[]>> fs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Session s = g.session(i);
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        Dkls23KeyShare ecdsa = dkls(s, 2, STEP);
        return new Object[] {ecdsa.publicKey().toBytes(), frostDkg(s, 2, STEP)};
      }));
    }
    List<Object[]> out = new ArrayList<>();
    for (Future<Object[]> f : fs) {
      out.add(await(f, 90));
    }
    return out;
  }

  @Test
  void aMemberThatDisconnectsAndReconnectsCatchesUp() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    List<Future<byte[]>> fs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int party = i;
      Session s = g.session(i);
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        if (party == 3) {
          t3.downFor(4000); // its first FROST posts and polls all fail
        }
        return frostDkg(s, 2, STEP);
      }));
    }
    List<byte[]> keys = new ArrayList<>();
    for (Future<byte[]> f : fs) {
      keys.add(await(f, 90));
    }
    sameKey(keys);
    assertTrue(t3.failed.get() > 0, "member 3 was down for a while");
  }

  @Test
  void aMemberDownPastTheDeadlineIsNamedByTheOthers() throws Exception {
    SessionHarness.Group g = h.new Group(3);
    FaultyTransport t3 = g.wrap(3, FaultyTransport::new);
    Duration deadline = Duration.ofSeconds(4);
    List<Future<byte[]>> fs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int party = i;
      Session s = g.session(i);
      fs.add(h.spawn(() -> {
        g.hellos(s, STEP);
        if (party == 3) {
          t3.downForever = true;
        }
        return frostDkg(s, 2, deadline);
      }));
    }
    String gone = g.member(3);
    for (int i = 0; i < 2; i++) {
      SessionException e = failsNaming(fs.get(i), 30, SessionTimeoutException.class, gone);
      assertTrue(e.getMessage().contains(SessionHarness.FROST), e.getMessage());
    }
    // The member cut off hears nobody: it times out too, and keeps no key.
    SessionHarness.failure(fs.get(2), 30);
  }
}
