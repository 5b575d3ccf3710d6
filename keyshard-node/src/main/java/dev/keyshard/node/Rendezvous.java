package dev.keyshard.node;

import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.relay.client.RelayException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How the devices of one session find each other on the relay, before any protocol runs: the
 * initiator joins and waits for enough members, then starts the session with the committee; a
 * joiner joins and waits for the start. The same for making a vault and for signing.
 */
final class Rendezvous {
  /**
   * How often a waiting device asks the relay whether the others joined or started: each wait
   * adds up to this to making a vault or signing, and 20 requests a second from a waiting device
   * are nothing for a relay (README, Performance).
   */
  static final long POLL_MS = 50;

  private Rendezvous() {}

  /** A fresh relay name for this device in one session. */
  static String memberName(SecureRandom rng) {
    byte[] b = new byte[4];
    rng.nextBytes(b);
    return "keyshard-" + HexFormat.of().formatHex(b);
  }

  /** A fresh token that binds this device's relay queue to it. */
  static String queueToken(SecureRandom rng) {
    byte[] b = new byte[16];
    rng.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * The initiator's side: joins, waits until {@code size} members joined (reporting each change as
   * "waiting for {@code who}: k of size joined"), and starts the session with itself first, then
   * the others in join order.
   *
   * @return the committee
   */
  static List<String> gather(RelayClient client, String session, String self, String token,
      int size, String who, Progress progress, Deadline joinBy) throws RelayException, SessionException {
    client.join(session, self, token);
    int reported = 0;
    List<String> members;
    while (true) {
      members = client.members(session);
      if (members.size() != reported) {
        reported = members.size();
        progress.report("waiting for " + who + ": " + reported + " of " + size + " joined");
      }
      if (members.size() >= size) {
        break;
      }
      if (joinBy.passed()) {
        throw new SessionTimeoutException("joining", List.of());
      }
      Session.sleep(POLL_MS);
    }
    List<String> committee = new ArrayList<>(members);
    committee.remove(self);
    committee.add(0, self);
    committee = List.copyOf(committee.subList(0, size));
    client.start(session, committee);
    return committee;
  }

  /**
   * A joiner's side: joins and waits for the initiator to start.
   *
   * @param left the message when the session started without this device, or null to return
   *     null then
   * @return the committee, or null (see {@code left})
   */
  static List<String> awaitStart(RelayClient client, String session, String self, String token,
      String left, Progress progress, Deadline joinBy) throws RelayException, SessionException {
    // Said before joining: the others name this device by its relay name if it goes silent.
    progress.report("joining as " + self);
    client.join(session, self, token);
    progress.report("joined; waiting for the initiator to start");
    while (true) {
      var started = client.started(session);
      if (started.isPresent()) {
        if (!started.get().contains(self)) {
          if (left == null) {
            return null;
          }
          throw new SessionException(left, List.of());
        }
        return started.get();
      }
      if (joinBy.passed()) {
        throw new SessionTimeoutException("joining", List.of());
      }
      Session.sleep(POLL_MS);
    }
  }
}
