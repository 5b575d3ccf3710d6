package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.ot.KosTransferMessage;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.crypto.ot.OtRole;
import java.util.Arrays;
import java.util.Objects;

/**
 * Alice's message of DKLs23 Protocol 5.2 (step 2.9, "send ã, η, μ to Bob"): the correction vector
 * ã (ξ × (ℓ+ρ) scalars, carried by the OT layer's {@link KosTransferMessage}), the check values
 * η ∈ Z_q^ρ and the 2κ-bit check hash μ, and Alice's fresh 32-byte nonce, which her random-OT pads,
 * θ and μ are bound to (see {@link VoleBinding}). Public: it is part of {@link Dkls23SignMessage.Reveal}.
 *
 * <p>ã is kept both parsed and as its canonical encoding, because θ hashes the encoding and the
 * codec sends it: re-encoding 1,248 scalars costs as much as a fifth of the VOLE. Immutable.
 */
public final class VoleTransfer {
  private final byte[] aliceNonce;
  private final KosTransferMessage aTilde;
  private final byte[] aTildeBytes;
  private final Scalar[] eta;
  private final byte[] mu;

  private VoleTransfer(byte[] aliceNonce, KosTransferMessage aTilde, byte[] aTildeBytes,
      Scalar[] eta, byte[] mu) {
    this.aliceNonce = aliceNonce.clone();
    this.aTilde = aTilde;
    this.aTildeBytes = aTildeBytes;
    this.eta = eta.clone();
    this.mu = mu.clone();
  }

  /** From a transfer this party made. */
  static VoleTransfer of(byte[] aliceNonce, KosTransferMessage aTilde, Scalar[] eta, byte[] mu) {
    Objects.requireNonNull(aTilde, "aTilde");
    return new VoleTransfer(aliceNonce, aTilde, aTilde.toBytes(), eta, mu);
  }

  /**
   * From received bytes: ã is decoded strictly (every scalar below q).
   *
   * @throws OtException WRONG_LENGTH or MALFORMED, culprit the sender (Alice); WRONG_LENGTH also
   *     when Alice's nonce is not {@link VoleBinding#NONCE_LENGTH} bytes
   */
  public static VoleTransfer decode(byte[] aliceNonce, byte[] aTildeBytes, Scalar[] eta,
      byte[] mu) throws OtException {
    if (aliceNonce.length != VoleBinding.NONCE_LENGTH) {
      throw new OtException(OtException.Reason.WRONG_LENGTH, OtRole.SENDER,
          "Alice's VOLE nonce must be " + VoleBinding.NONCE_LENGTH + " bytes");
    }
    KosTransferMessage parsed = KosTransferMessage.decode(aTildeBytes,
        Dkls23Parameters.EXTENDED_OTS, Dkls23Parameters.OT_WIDTH);
    return new VoleTransfer(aliceNonce, parsed, aTildeBytes.clone(), eta, mu);
  }

  /** This ã with the check values (η, μ), computed after ã was fixed. */
  VoleTransfer withCheck(Scalar[] eta, byte[] mu) {
    return new VoleTransfer(aliceNonce, aTilde, aTildeBytes, eta, mu);
  }

  /** Alice's fresh nonce for this VOLE (a copy). */
  public byte[] aliceNonce() {
    return aliceNonce.clone();
  }

  KosTransferMessage aTilde() {
    return aTilde;
  }

  /** The canonical encoding of ã (a copy). */
  public byte[] aTildeBytes() {
    return aTildeBytes.clone();
  }

  /** The encoding of ã without a copy, for hashing inside this package. */
  byte[] aTildeBytesShared() {
    return aTildeBytes;
  }

  public Scalar[] eta() {
    return eta.clone();
  }

  public byte[] mu() {
    return mu.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VoleTransfer
        && Arrays.equals(((VoleTransfer) o).aliceNonce, aliceNonce)
        && Arrays.equals(((VoleTransfer) o).aTildeBytes, aTildeBytes)
        && Arrays.equals(((VoleTransfer) o).eta, eta)
        && Arrays.equals(((VoleTransfer) o).mu, mu);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mu);
  }

  @Override
  public String toString() {
    return "VoleTransfer[" + aTilde.count() + "x" + aTilde.width() + "]";
  }
}
