package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.ot.KosTransferMessage;
import dev.keyshard.crypto.ot.OtException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Alice's message of DKLs23 Protocol 5.2 (step 2.9, "send ã, η, μ to Bob"): the correction vector
 * ã (ξ × (ℓ+ρ) scalars, carried by the OT layer's {@link KosTransferMessage}), the check values
 * η ∈ Z_q^ρ and the 2κ-bit check hash μ. Public: it is part of {@link Dkls23SignMessage.Reveal}.
 *
 * <p>ã is kept both parsed and as its canonical encoding, because θ hashes the encoding and the
 * codec sends it: re-encoding 1,248 scalars costs as much as a fifth of the VOLE. Immutable.
 */
public final class VoleTransfer {
  private final KosTransferMessage aTilde;
  private final byte[] aTildeBytes;
  private final Scalar[] eta;
  private final byte[] mu;

  private VoleTransfer(KosTransferMessage aTilde, byte[] aTildeBytes, Scalar[] eta, byte[] mu) {
    this.aTilde = aTilde;
    this.aTildeBytes = aTildeBytes;
    this.eta = eta.clone();
    this.mu = mu.clone();
  }

  /** From a transfer this party made. */
  static VoleTransfer of(KosTransferMessage aTilde, Scalar[] eta, byte[] mu) {
    Objects.requireNonNull(aTilde, "aTilde");
    return new VoleTransfer(aTilde, aTilde.toBytes(), eta, mu);
  }

  /**
   * From received bytes: ã is decoded strictly (every scalar below q).
   *
   * @throws OtException WRONG_LENGTH or MALFORMED, culprit the sender (Alice)
   */
  public static VoleTransfer decode(byte[] aTildeBytes, Scalar[] eta, byte[] mu)
      throws OtException {
    KosTransferMessage parsed = KosTransferMessage.decode(aTildeBytes,
        Dkls23Parameters.EXTENDED_OTS, Dkls23Parameters.OT_WIDTH);
    return new VoleTransfer(parsed, aTildeBytes.clone(), eta, mu);
  }

  /** This ã with the check values (η, μ), computed after ã was fixed. */
  VoleTransfer withCheck(Scalar[] eta, byte[] mu) {
    return new VoleTransfer(aTilde, aTildeBytes, eta, mu);
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
