package dev.keyshard.crypto.secret;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import java.security.SecureRandom;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A secret scalar: a key share, a nonce, a polynomial coefficient. Never printed, never hashed,
 * never serialised without a {@link SecretAccess} token; compared only in constant time.
 *
 * <p>{@link #destroy()} zeroes the value and makes every later use throw. It is best effort: the JVM
 * may have copied intermediate values that this class cannot reach.
 *
 * <p>Not thread-safe.
 */
public final class SecretScalar implements Destroyable, AutoCloseable {
  private final Scalar value;
  /**
   * value·G once computed: public by definition, kept because callers often need it twice (a
   * commitment and then a proof of knowledge; a share check and then the key share's own check),
   * and a constant-time base multiplication is not free. Dropped on destroy.
   */
  private Point publicPoint;

  private SecretScalar(Scalar value) {
    this.value = Objects.requireNonNull(value);
  }

  private SecretScalar(Scalar value, Point publicPoint) {
    this(value);
    this.publicPoint = publicPoint;
  }

  /** Takes ownership of {@code value}: the caller must not keep using it. */
  public static SecretScalar wrap(Scalar value) {
    return new SecretScalar(value);
  }

  public static SecretScalar random(Group group, SecureRandom rng) {
    return new SecretScalar(group.randomScalar(rng));
  }

  /**
   * Decodes a canonical scalar encoding.
   *
   * @throws InvalidEncodingException when the bytes are not a reduced scalar
   */
  public static SecretScalar decode(Group group, byte[] encoded) throws InvalidEncodingException {
    return new SecretScalar(group.decodeScalar(encoded));
  }

  public Group group() {
    return value.group();
  }

  public SecretScalar add(SecretScalar other) {
    return new SecretScalar(value.add(other.value));
  }

  public SecretScalar add(Scalar other) {
    return new SecretScalar(value.add(other));
  }

  public SecretScalar subtract(SecretScalar other) {
    return new SecretScalar(value.subtract(other.value));
  }

  public SecretScalar multiply(Scalar other) {
    return new SecretScalar(value.multiply(other));
  }

  public SecretScalar multiply(SecretScalar other) {
    return new SecretScalar(value.multiply(other.value));
  }

  /** −value; carries −(value·G) when that is known, so it costs no base multiplication later. */
  public SecretScalar negate() {
    return new SecretScalar(value.negate(), publicPoint == null ? null : publicPoint.negate());
  }

  public SecretScalar invert() {
    return new SecretScalar(value.invert());
  }

  public boolean isZero() {
    return value.isZero();
  }

  /** {@code value·G}: the public counterpart, computed in constant time once and then kept. */
  public Point publicPoint() {
    // After destroy() the cache is gone and the multiplication throws on the destroyed value.
    if (publicPoint == null) {
      publicPoint = value.group().multiplyGenerator(value);
    }
    return publicPoint;
  }

  /** {@code value·P} for a point P; constant-time where the group's multiplication is. */
  public Point multiply(Point p) {
    return p.multiply(value);
  }

  /**
   * Releases the value as public, for results the protocol publishes by design (a signature share
   * {@code z_i}). Never call it on a key share or a nonce.
   */
  public Scalar declassify() {
    return value.add(value.group().zero());
  }

  /** The canonical encoding, for storage under encryption or for emergency recovery. */
  public byte[] toBytes(SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    return value.toBytes();
  }

  /** The value as a {@link Scalar}, for code that must compute outside this class. */
  public Scalar value(SecretAccess access) {
    Objects.requireNonNull(access, "SecretAccess");
    return value.add(value.group().zero());
  }

  /** Constant-time equality. */
  public boolean equalsSecret(SecretScalar other) {
    return value.equals(other.value);
  }

  /** A copy that can be destroyed independently (sharing the immutable public point, if known). */
  public SecretScalar copy() {
    return new SecretScalar(value.add(value.group().zero()), publicPoint);
  }

  @Override
  public void destroy() {
    value.destroy();
    publicPoint = null;
  }

  @Override
  public boolean isDestroyed() {
    return value.isDestroyed();
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return "SecretScalar[redacted]";
  }
}
