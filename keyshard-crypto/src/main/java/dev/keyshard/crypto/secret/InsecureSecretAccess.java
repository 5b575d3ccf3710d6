package dev.keyshard.crypto.secret;

/**
 * The one place that hands out {@link SecretAccess}. Call sites are reviewed: share encryption,
 * share files, emergency recovery and tests.
 */
public final class InsecureSecretAccess {
  private InsecureSecretAccess() {}

  public static SecretAccess get() {
    return SecretAccess.INSTANCE;
  }
}
