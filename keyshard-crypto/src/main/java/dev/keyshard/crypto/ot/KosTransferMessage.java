package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.util.Objects;

/**
 * The extension sender's message: the correction τ_(j,k) = v0_(j,k) − v1_(j,k) + α_(j,k) for every
 * extended OT j and every one of the w scalars k (DKLs18 Protocol 9 "Transfer", with the sign
 * chosen so the receiver's output is t + b·α). m·w scalars, 32-byte big-endian each. Immutable.
 */
public final class KosTransferMessage {
  private final Scalar[][] tau;

  KosTransferMessage(Scalar[][] tau) {
    this.tau = tau;
  }

  /**
   * Decodes m·w scalars; each must be below the group order.
   *
   * @throws OtException WRONG_LENGTH or MALFORMED, culprit {@link OtRole#SENDER}
   */
  public static KosTransferMessage decode(byte[] encoded, int count, int width)
      throws OtException {
    Objects.requireNonNull(encoded, "encoded");
    KosShape.checkCount(count);
    KosShape.checkWidth(width);
    if (encoded.length != count * width * 32) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.SENDER,
          "KOS transfer message must be " + count * width * 32 + " bytes, got " + encoded.length);
    }
    Scalar[][] tau = new Scalar[count][width];
    byte[] one = new byte[32];
    for (int j = 0; j < count; j++) {
      for (int k = 0; k < width; k++) {
        System.arraycopy(encoded, (j * width + k) * 32, one, 0, 32);
        try {
          tau[j][k] = Secp256k1.INSTANCE.decodeScalar(one);
        } catch (InvalidEncodingException e) {
          throw new OtException(OtException.Reason.MALFORMED, OtRole.SENDER,
              "KOS transfer scalar " + j + "/" + k + ": " + e.getMessage());
        }
      }
    }
    return new KosTransferMessage(tau);
  }

  public byte[] toBytes() {
    int width = tau[0].length;
    byte[] out = new byte[tau.length * width * 32];
    for (int j = 0; j < tau.length; j++) {
      for (int k = 0; k < width; k++) {
        System.arraycopy(tau[j][k].toBytes(), 0, out, (j * width + k) * 32, 32);
      }
    }
    return out;
  }

  public int count() {
    return tau.length;
  }

  public int width() {
    return tau[0].length;
  }

  Scalar tau(int j, int k) {
    return tau[j][k];
  }
}
