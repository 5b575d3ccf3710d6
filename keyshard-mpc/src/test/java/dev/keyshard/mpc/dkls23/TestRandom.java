package dev.keyshard.mpc.dkls23;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Deterministic randomness for tests: the JDK's SHA1PRNG seeded before first use. Test-only. */
final class TestRandom {
  private TestRandom() {}

  static SecureRandom seeded(long seed, String label) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed((seed + "/" + label).getBytes(StandardCharsets.UTF_8));
      return r;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
