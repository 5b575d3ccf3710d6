package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.secret.SecretAccess;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The base-OT receiver's output: its choice bit c_i and the key k_(i, c_i) of every OT. In DKLs23
 * the choice bits become the extension sender's correlation Δ ({@link KosSenderSetup#from}).
 *
 * <h2>Security</h2>
 * Secret: the choice bits are Δ, which with the extension's messages gives both outputs of every
 * extended OT. Never printed; exported only with a {@link SecretAccess} token. {@link #destroy()}
 * zeroes everything (best effort). Not thread-safe.
 */
public final class BaseOtReceiverOutput implements Destroyable {
  private final byte[] choices;
  private final byte[][] keys;
  private boolean destroyed;

  BaseOtReceiverOutput(byte[] choices, byte[][] keys) {
    this.choices = choices;
    this.keys = keys;
  }

  public int count() {
    return keys.length;
  }

  /** The choice bit c_index (0 or 1). */
  public int choice(int index, SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    checkLive();
    Objects.checkIndex(index, keys.length);
    return EndemicOt.bit(choices, index);
  }

  /** A copy of the key k_(index, c_index). */
  public byte[] key(int index, SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    checkLive();
    return keys[index].clone();
  }

  byte[] choicesLive() {
    checkLive();
    return choices;
  }

  byte[][] keysLive() {
    checkLive();
    return keys;
  }

  private void checkLive() {
    if (destroyed) {
      throw new IllegalStateException("base OT output was destroyed");
    }
  }

  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(choices, (byte) 0);
    for (byte[] k : keys) {
      Arrays.fill(k, (byte) 0);
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "BaseOtReceiverOutput[" + keys.length + " OTs, redacted]";
  }
}
