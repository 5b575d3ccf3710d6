package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import java.util.Arrays;

/**
 * A signer's round-two output {@code z_i} (RFC 9591 §5.2, {@code sig_share}). Public by design:
 * every signer broadcasts it and everyone checks it with {@code verify_signature_share}
 * (RFC 9591 §5.4) before aggregating.
 *
 * <p>Immutable and thread-safe; equal when the encodings are equal.
 */
public final class SignatureShare {
  private final Scalar value;
  private final byte[] encoded;

  private SignatureShare(Scalar value, byte[] encoded) {
    this.value = value;
    this.encoded = encoded;
  }

  static SignatureShare of(Scalar value) {
    return new SignatureShare(value, value.toBytes());
  }

  /**
   * RFC 9591 §5.3: "the Coordinator MUST validate each signature share using DeserializeScalar".
   *
   * @throws InvalidEncodingException when the bytes are not a canonical scalar
   */
  static SignatureShare decode(Group group, byte[] encoded) throws InvalidEncodingException {
    return new SignatureShare(group.decodeScalar(encoded), encoded.clone());
  }

  /** z_i for arithmetic inside the package; callers must not destroy it. */
  Scalar value() {
    return value;
  }

  public Group group() {
    return value.group();
  }

  /** SerializeScalar(z_i). */
  public byte[] toBytes() {
    return encoded.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignatureShare && ((SignatureShare) o).value.group() == value.group()
        && Arrays.equals(((SignatureShare) o).encoded, encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "SignatureShare[" + value.group().name() + "]";
  }
}
