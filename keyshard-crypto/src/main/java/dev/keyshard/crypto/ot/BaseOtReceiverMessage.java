package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Secp256k1;
import java.util.Objects;

/**
 * The Endemic OT receiver's message: for each OT i the pair (r_i0, r_i1) of uniformly random points
 * (MR19: one is random, the other is the receiver's key-agreement message minus H of the first), so
 * the pair says nothing about the choice bit. {@code count} × 66 bytes, each point 33-byte SEC1
 * compressed. Immutable in value; a locally built message decodes its points lazily on first use
 * by a sender, so share one instance across threads only after that.
 */
public final class BaseOtReceiverMessage {
  private static final int PAIR = 2 * EndemicOt.POINT_BYTES;
  private final byte[] encoded;
  /** Decoded points; {@code null} for a message built locally, whose points were never parsed. */
  private Point[][] points;

  private BaseOtReceiverMessage(byte[] encoded, Point[][] points) {
    this.encoded = encoded;
    this.points = points;
  }

  /**
   * A message this party built: only the bytes are kept, so no branch on the choice bit places
   * points; they are decoded if a sender in the same process uses it.
   */
  static BaseOtReceiverMessage local(byte[] encoded) {
    return new BaseOtReceiverMessage(encoded, null);
  }

  /**
   * Decodes strictly: exactly {@code count} pairs, every point on secp256k1, canonical and not the
   * identity. Nothing is computed before every point has been checked.
   *
   * @param count the batch size both parties agreed on
   * @throws OtException WRONG_LENGTH or MALFORMED, culprit {@link OtRole#RECEIVER}
   */
  public static BaseOtReceiverMessage decode(byte[] encoded, int count) throws OtException {
    Objects.requireNonNull(encoded, "encoded");
    EndemicOt.checkCount(count);
    if (encoded.length != count * PAIR) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.RECEIVER,
          "base OT receiver message must be " + count * PAIR + " bytes, got " + encoded.length);
    }
    Point[][] points = new Point[count][2];
    byte[] one = new byte[EndemicOt.POINT_BYTES];
    for (int i = 0; i < count; i++) {
      for (int b = 0; b < 2; b++) {
        System.arraycopy(encoded, i * PAIR + b * EndemicOt.POINT_BYTES, one, 0, one.length);
        try {
          points[i][b] = Secp256k1.INSTANCE.decodePoint(one);
        } catch (InvalidEncodingException e) {
          throw new OtException(OtException.Reason.MALFORMED, OtRole.RECEIVER,
              "base OT receiver point " + i + "/" + b + ": " + e.getMessage());
        }
      }
    }
    return new BaseOtReceiverMessage(encoded.clone(), points);
  }

  public int count() {
    return encoded.length / PAIR;
  }

  public byte[] toBytes() {
    return encoded.clone();
  }

  Point point(int index, int position) throws OtException {
    if (points == null) {
      points = decode(encoded, count()).points;
    }
    return points[index][position];
  }

  /** The 33-byte encoding of r_(index, position). */
  byte[] pointBytes(int index, int position) {
    byte[] out = new byte[EndemicOt.POINT_BYTES];
    System.arraycopy(encoded, index * PAIR + position * EndemicOt.POINT_BYTES, out, 0, out.length);
    return out;
  }
}
