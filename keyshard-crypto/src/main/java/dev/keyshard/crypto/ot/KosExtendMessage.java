package dev.keyshard.crypto.ot;

import java.util.Objects;

/**
 * The extension receiver's message (KOS15 Fig. 10, "Extend" and "Consistency check", made
 * non-interactive by Fiat–Shamir): the matrix u (κ rows of ℓ' bits), then x̂ and the κ column
 * hashes t̂_i, 26 bytes each. For κ = 256 and m = 416: 19,968 + 26 + 6,656 = 26,650 bytes.
 * Immutable.
 */
public final class KosExtendMessage {
  private final byte[][] u;
  private final byte[] xHat;
  private final byte[][] tHat;

  KosExtendMessage(byte[][] u, byte[] xHat, byte[][] tHat) {
    this.u = u;
    this.xHat = xHat;
    this.tHat = tHat;
  }

  /**
   * Decodes a message for κ base OTs and m extended OTs: the length must be exact.
   *
   * @throws OtException WRONG_LENGTH, culprit {@link OtRole#RECEIVER}
   * @throws IllegalArgumentException when κ or m is out of range (a caller error)
   */
  public static KosExtendMessage decode(byte[] encoded, int kappa, int count) throws OtException {
    Objects.requireNonNull(encoded, "encoded");
    KosShape shape = KosShape.of(kappa, count);
    if (encoded.length != shape.extendMessageBytes()) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.RECEIVER,
          "KOS extend message must be " + shape.extendMessageBytes() + " bytes, got "
              + encoded.length);
    }
    int off = 0;
    byte[][] u = new byte[kappa][shape.rowBytes];
    for (int i = 0; i < kappa; i++, off += shape.rowBytes) {
      System.arraycopy(encoded, off, u[i], 0, shape.rowBytes);
    }
    byte[] xHat = new byte[Gf2k208.BYTES];
    System.arraycopy(encoded, off, xHat, 0, Gf2k208.BYTES);
    off += Gf2k208.BYTES;
    byte[][] tHat = new byte[kappa][Gf2k208.BYTES];
    for (int i = 0; i < kappa; i++, off += Gf2k208.BYTES) {
      System.arraycopy(encoded, off, tHat[i], 0, Gf2k208.BYTES);
    }
    return new KosExtendMessage(u, xHat, tHat);
  }

  public byte[] toBytes() {
    int rowBytes = u[0].length;
    byte[] out = new byte[u.length * rowBytes + Gf2k208.BYTES + tHat.length * Gf2k208.BYTES];
    int off = 0;
    for (byte[] row : u) {
      System.arraycopy(row, 0, out, off, rowBytes);
      off += rowBytes;
    }
    System.arraycopy(xHat, 0, out, off, Gf2k208.BYTES);
    off += Gf2k208.BYTES;
    for (byte[] h : tHat) {
      System.arraycopy(h, 0, out, off, Gf2k208.BYTES);
      off += Gf2k208.BYTES;
    }
    return out;
  }

  /** Base OTs this message was made for. */
  public int kappa() {
    return u.length;
  }

  byte[][] u() {
    return u;
  }

  byte[] xHat() {
    return xHat;
  }

  byte[][] tHat() {
    return tHat;
  }
}
