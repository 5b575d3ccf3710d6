package dev.keyshard.cli;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RelayStore;

/** The relay store a command asked for. */
final class RelayStores {
  private RelayStores() {}

  static RelayStore open(String redisUrl, RelayLimits limits) {
    if (redisUrl == null) {
      return new InMemoryRelayStore(limits);
    }
    throw new UserError("--redis is not available in this build yet");
  }
}
