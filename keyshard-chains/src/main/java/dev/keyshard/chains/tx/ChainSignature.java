package dev.keyshard.chains.tx;

import java.util.Arrays;

/**
 * One signature as the threshold protocols return it: for {@link SignatureScheme#ECDSA} the
 * 64-byte compact r ‖ s (low S) and the recovery id 0–3; for the Schnorr schemes the 64-byte
 * signature and recovery id −1.
 */
public record ChainSignature(byte[] bytes, int recoveryId) {
  public ChainSignature {
    if (bytes == null || bytes.length != 64) {
      throw new IllegalArgumentException("a signature is 64 bytes");
    }
    if (recoveryId < -1 || recoveryId > 3) {
      throw new IllegalArgumentException("recovery id must be 0..3, or -1 for Schnorr");
    }
    bytes = bytes.clone();
  }

  public static ChainSignature schnorr(byte[] bytes) {
    return new ChainSignature(bytes, -1);
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** r, the first 32 bytes of an ECDSA signature. */
  public byte[] r() {
    return Arrays.copyOfRange(bytes, 0, 32);
  }

  /** s, the last 32 bytes of an ECDSA signature. */
  public byte[] s() {
    return Arrays.copyOfRange(bytes, 32, 64);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChainSignature c && Arrays.equals(bytes, c.bytes) && recoveryId == c.recoveryId;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "ChainSignature[" + java.util.HexFormat.of().formatHex(bytes) + ", recid " + recoveryId + "]";
  }
}
