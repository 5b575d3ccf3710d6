package dev.keyshard.chains.tx;

import dev.keyshard.chains.Taproot;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.vault.hd.Bip32;
import dev.keyshard.vault.hd.DerivedKey;
import java.util.Arrays;

/**
 * The key a {@link SigningRequest} must verify under, and how the signers reach it from their
 * shares of the root key:
 * <ul>
 *   <li>ECDSA: the child P′ = P + δ·G (33 bytes compressed); the signers add δ.
 *   <li>TAPROOT: the BIP-86 output key Q = lift_x(x(P′)) + t·G with t = hash_TapTweak(x(P′))
 *       (32 bytes x-only); the signers add δ, negate when P′ has odd y, then add t.
 *   <li>ED25519: the root EdDSA key (32 bytes); no tweak.
 * </ul>
 *
 * @param publicKey the verification key in the scheme's encoding
 * @param derivedKey for the secp256k1 schemes the 33-byte child P′, else null
 * @param derivationTweak δ, or null for Ed25519
 * @param tapTweak the 32-byte BIP-341 tweak t for TAPROOT, else null
 */
public record SigningKey(SignatureScheme scheme, byte[] publicKey, byte[] derivedKey,
    Scalar derivationTweak, byte[] tapTweak) {

  static SigningKey of(SigningRequest request, VaultKeys keys) {
    return switch (request.scheme()) {
      case ED25519 -> new SigningKey(SignatureScheme.ED25519, keys.rootEddsa(), null, null, null);
      case ECDSA -> {
        DerivedKey child = Bip32.derive(keys.rootEcdsa(), keys.chainCode(), request.path());
        yield new SigningKey(SignatureScheme.ECDSA, child.publicKey(), child.publicKey(),
            child.tweak(), null);
      }
      case TAPROOT -> {
        DerivedKey child = Bip32.derive(keys.rootEcdsa(), keys.chainCode(), request.path());
        byte[] internal = Taproot.xOnly(child.publicKey());
        yield new SigningKey(SignatureScheme.TAPROOT, Taproot.outputKey(internal),
            child.publicKey(), child.tweak(), Taproot.tapTweak(internal));
      }
    };
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public byte[] derivedKey() {
    return derivedKey == null ? null : derivedKey.clone();
  }

  @Override
  public byte[] tapTweak() {
    return tapTweak == null ? null : tapTweak.clone();
  }

  /** True when the child P′ has odd y, so taproot signers negate their tweaked shares (BIP-341). */
  public boolean derivedKeyHasOddY() {
    return derivedKey != null && derivedKey[0] == 3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningKey k && scheme == k.scheme && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }
}
