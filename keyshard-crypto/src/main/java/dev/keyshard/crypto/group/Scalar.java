package dev.keyshard.crypto.group;

import java.math.BigInteger;
import java.util.Arrays;
import javax.security.auth.Destroyable;

/**
 * An integer modulo a {@link Group}'s order. Immutable apart from {@link #destroy()}; arithmetic is
 * constant-time (Montgomery limbs, no {@link BigInteger}), so the same type carries secret values
 * inside the protocols. Code that holds a secret long-term wraps it in
 * {@link dev.keyshard.crypto.secret.SecretScalar}.
 *
 * <p>{@link #toString()} never prints the value, because any scalar may be secret. Equality is
 * constant-time; {@link #hashCode()} is only meant for public values such as party identifiers.
 */
public final class Scalar implements Destroyable {
  private final ScalarField field;
  private final int[] mont;
  private volatile boolean destroyed;

  Scalar(ScalarField field, int[] mont) {
    this.field = field;
    this.mont = mont;
  }

  public Group group() {
    return field.group;
  }

  public Scalar add(Scalar other) {
    int[] z = new int[ScalarField.LIMBS];
    field.add(limbs(), same(other).limbs(), z);
    return new Scalar(field, z);
  }

  public Scalar subtract(Scalar other) {
    int[] z = new int[ScalarField.LIMBS];
    field.sub(limbs(), same(other).limbs(), z);
    return new Scalar(field, z);
  }

  public Scalar multiply(Scalar other) {
    int[] z = new int[ScalarField.LIMBS];
    field.mul(limbs(), same(other).limbs(), z);
    return new Scalar(field, z);
  }

  public Scalar negate() {
    int[] z = new int[ScalarField.LIMBS];
    field.negate(limbs(), z);
    return new Scalar(field, z);
  }

  /**
   * The multiplicative inverse.
   *
   * @throws ArithmeticException for zero
   */
  public Scalar invert() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse");
    }
    int[] z = new int[ScalarField.LIMBS];
    field.invert(limbs(), z);
    return new Scalar(field, z);
  }

  public boolean isZero() {
    return ScalarField.isZero(limbs());
  }

  /** The canonical encoding: 32 bytes in the group's byte order. */
  public byte[] toBytes() {
    int[] plain = new int[ScalarField.LIMBS];
    field.fromMontgomery(limbs(), plain);
    byte[] out = field.bytesFromLimbs(plain);
    Arrays.fill(plain, 0);
    return out;
  }

  /** The value as an unsigned integer, for public values only (variable-time consumers). */
  public BigInteger toBigInteger() {
    byte[] b = toBytes();
    if (!field.bigEndian) {
      reverse(b);
    }
    return new BigInteger(1, b);
  }

  /** Constant-time equality of two scalars of the same group. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Scalar)) {
      return false;
    }
    Scalar other = (Scalar) o;
    return other.field == field && ScalarField.equal(limbs(), other.limbs());
  }

  /** Hash of the value; only meant for public scalars (identifiers) used as keys. */
  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs());
  }

  @Override
  public String toString() {
    return "Scalar[" + field.group.name() + ", redacted]";
  }

  /**
   * Overwrites the limbs with zeros; any later use throws {@link IllegalStateException}. Best effort:
   * the JVM may have copied the value elsewhere.
   */
  @Override
  public void destroy() {
    destroyed = true;
    Arrays.fill(mont, 0);
  }

  @Override
  public boolean isDestroyed() {
    return destroyed;
  }

  int[] limbs() {
    if (destroyed) {
      throw new IllegalStateException("scalar was destroyed");
    }
    return mont;
  }

  private Scalar same(Scalar other) {
    if (other.field != field) {
      throw new IllegalArgumentException(
          "scalars of different groups: " + field.group.name() + " and " + other.field.group.name());
    }
    return other;
  }

  static void reverse(byte[] b) {
    for (int i = 0, j = b.length - 1; i < j; i++, j--) {
      byte t = b[i];
      b[i] = b[j];
      b[j] = t;
    }
  }
}
