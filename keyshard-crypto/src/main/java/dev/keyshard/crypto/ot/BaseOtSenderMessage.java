package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import java.util.Objects;

/**
 * The Endemic OT sender's message: its Diffie–Hellman key-agreement message A = a·G (MR19, the
 * "B" message of the key agreement), one for the whole batch. It does not depend on the receiver's
 * message, so both may be sent in the same round. 33 bytes, SEC1 compressed. Immutable.
 */
public final class BaseOtSenderMessage {
  private final Point a;

  BaseOtSenderMessage(Point a) {
    this.a = a;
  }

  /**
   * Decodes strictly: exactly 33 bytes, a point on secp256k1 with canonical x, not the identity.
   *
   * @throws OtException WRONG_LENGTH or MALFORMED, culprit {@link OtRole#SENDER}
   */
  public static BaseOtSenderMessage decode(byte[] encoded) throws OtException {
    Objects.requireNonNull(encoded, "encoded");
    if (encoded.length != EndemicOt.POINT_BYTES) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.SENDER,
          "base OT sender message must be 33 bytes, got " + encoded.length);
    }
    try {
      return new BaseOtSenderMessage(Secp256k1.INSTANCE.decodePoint(encoded));
    } catch (InvalidEncodingException e) {
      throw new OtException(OtException.Reason.MALFORMED, OtRole.SENDER,
          "base OT sender point: " + e.getMessage());
    }
  }

  public byte[] toBytes() {
    return a.toBytes();
  }

  Point point() {
    return a;
  }
}
