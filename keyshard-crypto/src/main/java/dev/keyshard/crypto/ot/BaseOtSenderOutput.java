package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.secret.SecretAccess;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The base-OT sender's output: both 32-byte keys (k_i0, k_i1) of every OT. In DKLs23 these become
 * the extension receiver's seeds ({@link KosReceiverSetup#from}).
 *
 * <h2>Security</h2>
 * Secret: either key of an OT in the receiver's hands breaks that OT. Never printed; exported only
 * with a {@link SecretAccess} token. {@link #destroy()} zeroes the keys (best effort: the JVM may
 * hold copies). Not thread-safe.
 */
public final class BaseOtSenderOutput implements Destroyable {
  private final byte[][][] keys;
  private boolean destroyed;

  BaseOtSenderOutput(byte[][][] keys) {
    this.keys = keys;
  }

  public int count() {
    return keys.length;
  }

  /** A copy of key k_(index, position), position 0 or 1. */
  public byte[] key(int index, int position, SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    return live()[index][position].clone();
  }

  byte[][][] live() {
    if (destroyed) {
      throw new IllegalStateException("base OT output was destroyed");
    }
    return keys;
  }

  @Override
  public void destroy() {
    destroyed = true;
    for (byte[][] pair : keys) {
      Arrays.fill(pair[0], (byte) 0);
      Arrays.fill(pair[1], (byte) 0);
    }
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  @Override
  public String toString() {
    return "BaseOtSenderOutput[" + keys.length + " OTs, redacted]";
  }
}
