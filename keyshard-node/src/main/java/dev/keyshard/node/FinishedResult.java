package dev.keyshard.node;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.relay.client.RelayClient;
import dev.keyshard.relay.client.RelayException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * What a finished session produced (the new vault's public description, or the signatures),
 * sealed under the session key and left on the relay ({@code POST /complete/{session}/keysign},
 * {@code message_id} = the kind of result), so that a device that missed the end — it joined after
 * the others started, or was left out of a full session — can still learn the outcome from its
 * join code. It is the same for every member; each leaves it, so one lost post loses nothing.
 *
 * <p>The relay keeps it as long as the session's messages (its TTL). Sealing keeps the relay from
 * reading or forging it; a member holding the session key could still write another, so readers
 * check what they can: a signature against their own vault's key.
 */
final class FinishedResult {
  private FinishedResult() {}

  /** Leaves the result on the relay; a courtesy, so a refusal or an unreachable relay is ignored. */
  static void publish(RelayClient client, JoinCode code, String kind, byte[] result, SecureRandom rng) {
    String sealed = Base64.getEncoder().encodeToString(Aead.seal(code.key(), result, ad(code, kind), rng));
    try {
      client.putResult(code.session(), kind, sealed);
    } catch (RelayException e) {
      // The confirm round already ended the session for every member that took part.
    }
  }

  /** The result another member left, or empty when none was left or it does not open. */
  static Optional<byte[]> fetch(RelayClient client, JoinCode code, String kind) throws RelayException {
    Optional<String> text = client.result(code.session(), kind);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(Aead.open(code.key(), Base64.getDecoder().decode(text.get().strip()),
          ad(code, kind)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] ad(JoinCode code, String kind) {
    return Transcript.of("keyshard/finished-result/v1").append("session", code.session())
        .append("kind", kind).digest();
  }
}
