package dev.keyshard.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The keystore directory: {@code --home DIR}, else the environment variable
 * {@code KEYSHARD_HOME}, else {@code ~/.keyshard}. A picocli mixin for every command that reads or
 * writes the keystore.
 */
final class HomeOption {
  static final String ENV = "KEYSHARD_HOME";

  @Option(names = "--home", paramLabel = "DIR",
      description = "Keystore directory (default: $KEYSHARD_HOME, else ~/.keyshard).")
  Path home;

  Path resolve() {
    if (home != null) {
      return home;
    }
    String env = System.getenv(ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".keyshard");
  }
}
