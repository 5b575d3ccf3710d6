package dev.keyshard.vault.keystore;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A password's Argon2id key with its fresh salt, derived ahead of the share it will seal: a
 * device derives it while a vault is being made (Argon2id takes about half a second at the
 * default cost) and seals the share the moment the session ends. Seals one share, then is
 * wiped; {@link #destroy} wipes one that will not be used. Its {@code toString} shows no secret.
 */
public final class SealingKey {
  final Argon2idParameters cost;
  final byte[] salt;
  private final byte[] key;
  private boolean used;

  private SealingKey(Argon2idParameters cost, byte[] salt, byte[] key) {
    this.cost = cost;
    this.salt = salt;
    this.key = key;
  }

  /**
   * @param password not wiped
   * @throws IllegalArgumentException when the costs are too low for a new file or the password is
   *     empty
   */
  public static SealingKey derive(char[] password, Argon2idParameters cost, SecureRandom rng) {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("a share is never stored without a password");
    }
    if (!cost.strongEnough()) {
      throw new IllegalArgumentException("Argon2id costs too low to protect a share");
    }
    byte[] salt = new byte[PasswordKey.SALT_BYTES];
    rng.nextBytes(salt);
    return new SealingKey(cost, salt, PasswordKey.derive(password, cost, salt));
  }

  /** The key, once: a second use is a bug (one salt, one file). */
  synchronized byte[] takeKey() {
    if (used) {
      throw new IllegalStateException("a sealing key seals one share");
    }
    used = true;
    return key;
  }

  /** Wipes the key. */
  public synchronized void destroy() {
    used = true;
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public String toString() {
    return "SealingKey[Argon2id " + cost.memoryKiB() + " KiB × " + cost.iterations() + "]";
  }
}
