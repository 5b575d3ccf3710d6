package dev.keyshard.mpc;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 32-byte session identifier, bound into every message and every proof transcript so nothing
 * from one session is accepted in another (ATTACKS.md, tss-lib proof replay). Public.
 */
public final class SessionId {
  public static final int LENGTH = 32;
  private final byte[] bytes;

  private SessionId(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @throws IllegalArgumentException when not exactly {@link #LENGTH} bytes
   */
  public static SessionId of(byte[] bytes) {
    if (bytes == null || bytes.length != LENGTH) {
      throw new IllegalArgumentException("session id must be " + LENGTH + " bytes");
    }
    return new SessionId(bytes.clone());
  }

  public static SessionId random(SecureRandom rng) {
    byte[] b = new byte[LENGTH];
    rng.nextBytes(b);
    return new SessionId(b);
  }

  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionId && Arrays.equals(bytes, ((SessionId) o).bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "session:" + HexFormat.of().formatHex(bytes, 0, 8);
  }
}
