package dev.keyshard.vault.hd;

import dev.keyshard.crypto.group.Scalar;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A child public key (33-byte compressed secp256k1), its chain code, and the tweak δ = Σ I_L mod n
 * of the steps that led to it, so that child = root + δ·G. δ is public (it follows from the root
 * public key and chain code); the DKLs23 signers add it, Lagrange-weighted, to their shares.
 */
public record DerivedKey(byte[] publicKey, byte[] chainCode, Scalar tweak) {
  public DerivedKey {
    publicKey = publicKey.clone();
    chainCode = chainCode.clone();
    Objects.requireNonNull(tweak, "tweak");
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivedKey d && java.util.Arrays.equals(publicKey, d.publicKey)
        && java.util.Arrays.equals(chainCode, d.chainCode) && tweak.equals(d.tweak);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(publicKey);
  }

  @Override
  public String toString() {
    return "DerivedKey[" + HexFormat.of().formatHex(publicKey) + "]";
  }
}
