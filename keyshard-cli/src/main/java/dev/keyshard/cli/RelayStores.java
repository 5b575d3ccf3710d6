package dev.keyshard.cli;

import dev.keyshard.relay.InMemoryRelayStore;
import dev.keyshard.relay.RelayLimits;
import dev.keyshard.relay.RedisRelayStore;
import dev.keyshard.relay.RelayStore;

/** The relay store a command asked for. */
final class RelayStores {
  private RelayStores() {}

  static RelayStore open(String redisUrl, RelayLimits limits) {
    if (redisUrl == null) {
      return new InMemoryRelayStore(limits);
    }
    try {
      return new RedisRelayStore(redisUrl, limits);
    } catch (IllegalArgumentException e) {
      throw new UserError("--redis: " + e.getMessage());
    } catch (RuntimeException e) {
      // The message names the operation only: a URL may hold a password.
      throw new UserError("cannot reach Redis: " + e.getMessage());
    }
  }
}
