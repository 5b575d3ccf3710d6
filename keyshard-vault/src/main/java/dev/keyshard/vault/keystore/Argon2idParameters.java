package dev.keyshard.vault.keystore;

/**
 * The cost of turning a password into a key with Argon2id (RFC 9106): memory in KiB, passes and
 * lanes. Stored beside each encrypted share, so a file written with older costs still opens.
 *
 * <p>{@link #DEFAULT} follows RFC 9106 §4's second recommended option (64 MiB, 3 passes) with one
 * lane, because BouncyCastle computes lanes one after another: more lanes would cost the user time
 * without costing an attacker's parallel hardware more.
 */
public record Argon2idParameters(int memoryKiB, int iterations, int parallelism) {
  /** 64 MiB, 3 passes, 1 lane: about half a second on a laptop core. */
  public static final Argon2idParameters DEFAULT = new Argon2idParameters(64 * 1024, 3, 1);

  /** Below this a file is refused when written: guessing would be too cheap. */
  static final int MIN_MEMORY_KIB = 8 * 1024;
  /** Above these a file is refused when read: a crafted header must not exhaust the machine. */
  static final int MAX_MEMORY_KIB = 1024 * 1024;
  static final int MAX_ITERATIONS = 16;
  static final int MAX_PARALLELISM = 8;

  /**
   * @throws IllegalArgumentException when a cost is outside what Argon2id allows (RFC 9106 §3.1:
   *     memory at least 8 KiB per lane) or beyond the limits this build will spend
   */
  public Argon2idParameters {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException("Argon2id lanes must be 1.." + MAX_PARALLELISM);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException("Argon2id passes must be 1.." + MAX_ITERATIONS);
    }
    if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException("Argon2id memory must be " + 8 * parallelism + ".."
          + MAX_MEMORY_KIB + " KiB");
    }
  }

  /** True when these costs are high enough to protect a new file. */
  public boolean strongEnough() {
    return memoryKiB >= MIN_MEMORY_KIB && iterations >= 2;
  }
}
