package dev.keyshard.crypto.secret;

/**
 * A token required to export secret material as bytes. Only {@link InsecureSecretAccess#get()} hands
 * one out, so every export of a secret is a grep hit for {@code InsecureSecretAccess} (as Tink's
 * {@code SecretKeyAccess}).
 */
public final class SecretAccess {
  static final SecretAccess INSTANCE = new SecretAccess();

  private SecretAccess() {}
}
