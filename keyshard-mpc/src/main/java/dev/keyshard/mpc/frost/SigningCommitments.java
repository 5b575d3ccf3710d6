package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import java.util.Arrays;
import java.util.List;

/**
 * A signer's round-one output (RFC 9591 §5.1, {@code comm}): the hiding and binding nonce
 * commitments {@code (D_i, E_i) = (d_i·G, e_i·G)}. Public; sent to every other signer.
 *
 * <p>Neither point can be the identity: the identity has no encoding (RFC 9591 §4,
 * SerializeElement) and frost-core refuses it because an identity commitment can reveal the
 * share. The encodings are kept beside the points, so the commitment list (§4.3) is hashed without
 * encoding any point again.
 *
 * <p>Immutable and thread-safe; equal when the encodings are equal.
 */
public final class SigningCommitments {
  private final Point hiding;
  private final Point binding;
  private final byte[] hidingBytes;
  private final byte[] bindingBytes;

  private SigningCommitments(Point hiding, Point binding, byte[] hidingBytes, byte[] bindingBytes) {
    this.hiding = hiding;
    this.binding = binding;
    this.hidingBytes = hidingBytes;
    this.bindingBytes = bindingBytes;
  }

  /**
   * @throws IllegalArgumentException when a point is the identity or the points are of different
   *     groups
   */
  static SigningCommitments of(Point hiding, Point binding) {
    if (hiding.group() != binding.group() || hiding.isIdentity() || binding.isIdentity()) {
      throw new IllegalArgumentException("commitments must be non-identity points of one group");
    }
    // One field inversion for both encodings.
    List<byte[]> enc = hiding.group().encodeAll(List.of(hiding, binding));
    return new SigningCommitments(hiding, binding, enc.get(0), enc.get(1));
  }

  /**
   * Decodes both commitments strictly (RFC 9591 §5.2: "the Signer MUST validate commitment_list,
   * deserializing each group Element in the list using DeserializeElement").
   *
   * @throws InvalidEncodingException when either encoding is not a valid non-identity element
   */
  static SigningCommitments decode(Group group, byte[] hidingBytes, byte[] bindingBytes)
      throws InvalidEncodingException {
    Point hiding = group.decodePoint(hidingBytes);
    Point binding = group.decodePoint(bindingBytes);
    if (hiding.isIdentity() || binding.isIdentity()) {
      throw new InvalidEncodingException("a nonce commitment is the identity");
    }
    return new SigningCommitments(hiding, binding, hidingBytes.clone(), bindingBytes.clone());
  }

  public Point hiding() {
    return hiding;
  }

  public Point binding() {
    return binding;
  }

  public byte[] hidingBytes() {
    return hidingBytes.clone();
  }

  public byte[] bindingBytes() {
    return bindingBytes.clone();
  }

  Group group() {
    return hiding.group();
  }

  /** Appends {@code SerializeElement(D_i) ‖ SerializeElement(E_i)} (RFC 9591 §4.3). */
  int writeTo(byte[] out, int offset) {
    System.arraycopy(hidingBytes, 0, out, offset, hidingBytes.length);
    System.arraycopy(bindingBytes, 0, out, offset + hidingBytes.length, bindingBytes.length);
    return offset + hidingBytes.length + bindingBytes.length;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SigningCommitments)) {
      return false;
    }
    SigningCommitments other = (SigningCommitments) o;
    return Arrays.equals(hidingBytes, other.hidingBytes)
        && Arrays.equals(bindingBytes, other.bindingBytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(hidingBytes) + Arrays.hashCode(bindingBytes);
  }

  @Override
  public String toString() {
    return "SigningCommitments[" + hiding + ", " + binding + "]";
  }
}
