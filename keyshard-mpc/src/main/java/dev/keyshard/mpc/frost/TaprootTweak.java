package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import dev.keyshard.crypto.hash.TaggedHash;
import dev.keyshard.mpc.keys.KeyShare;
import java.util.Objects;

/**
 * Threshold shares of a BIP-341 taproot output key, for signing a key-path spend with
 * {@link Secp256k1Tr}. BIP-341 {@code taproot_tweak_seckey} on one key is: negate the secret when
 * the internal key P has odd y (so that P = lift_x(x(P))), then add t = int(hash_TapTweak(x(P) ‖
 * h)); the output key is Q = lift_x(x(P)) + t·G. Both steps are public and affine, so every
 * signer applies them to its own Shamir share and verifying shares ({@link KeyShare#negate()},
 * {@link KeyShare#tweaked(Scalar)}) and the shares open to Q's secret; no interaction is needed.
 * Q may itself have odd y; {@link Secp256k1Tr} normalises that while signing (BIP-340 signs for
 * the x-only key), so the signature verifies under x(Q). This is the tweak ZF
 * {@code frost-secp256k1-tr} applies to its key packages before signing.
 *
 * <p>For a vault, the internal key is a BIP-32 non-hardened child P′ = P + δ·G of the root
 * (BIP-86 for single-key taproot wallets): {@link #derivedOutputKey} adds δ first.
 *
 * <p>Stateless. The shares returned are new objects the caller must destroy; the inputs are not
 * changed.
 */
public final class TaprootTweak {
  private static final byte[] NO_SCRIPT_TREE = new byte[0];

  private TaprootTweak() {}

  /**
   * BIP-341 {@code taproot_tweak_seckey(seckey, h)} applied to a share: the share of the output
   * key, with t computed from the share's own group key.
   *
   * @param internal a share of the internal key P (any y parity)
   * @param merkleRoot the 32-byte script tree root, or null for a key-path-only output (BIP-86,
   *     {@code h = b""})
   * @throws IllegalArgumentException when the share is not a secp256k1 share, the root is not 32
   *     bytes, or t ≥ n (probability about 2^-128, BIP-341 "raise ValueError")
   */
  public static KeyShare outputKey(KeyShare internal, byte[] merkleRoot) {
    Point p = requireSecp256k1(internal).publicKeys().groupKey();
    Scalar t = TaggedHash.tapTweak(((Secp256k1Point) p).xOnly(),
        merkleRoot == null ? NO_SCRIPT_TREE : merkleRoot);
    return outputKey(internal, t);
  }

  /**
   * As {@link #outputKey(KeyShare, byte[])} with a tweak t the caller computed (the chain layer's
   * {@code SigningKey.tapTweak()}); the caller should compare the resulting group key with the
   * output key it expects.
   */
  public static KeyShare outputKey(KeyShare internal, Scalar tapTweak) {
    Objects.requireNonNull(tapTweak, "tapTweak");
    Secp256k1Point p = (Secp256k1Point) requireSecp256k1(internal).publicKeys().groupKey();
    if (p.hasEvenY()) {
      return internal.tweaked(tapTweak);
    }
    // BIP-341: "d = d' if has_even_y(P) else SECP256K1_ORDER - d'", then add t.
    KeyShare even = internal.negate();
    try {
      return even.tweaked(tapTweak);
    } finally {
      even.destroy();
    }
  }

  /**
   * The share of the BIP-86 output key of the BIP-32 child P′ = P + δ·G: adds δ to the root share,
   * then applies {@link #outputKey(KeyShare, Scalar)}.
   *
   * @param root a share of the root key P
   * @param derivationTweak δ, the summed non-hardened BIP-32 tweak of the path (public)
   * @param tapTweak t = int(hash_TapTweak(x(P′))), 32 bytes, must be below n
   * @throws IllegalArgumentException when a tweak is of another group or t is not a canonical
   *     scalar
   */
  public static KeyShare derivedOutputKey(KeyShare root, Scalar derivationTweak, byte[] tapTweak) {
    Objects.requireNonNull(derivationTweak, "derivationTweak");
    Scalar t = decodeTweak(tapTweak);
    KeyShare child = requireSecp256k1(root).tweaked(derivationTweak);
    try {
      return outputKey(child, t);
    } finally {
      child.destroy();
    }
  }

  /**
   * A 32-byte big-endian tweak as a secp256k1 scalar, without reduction (BIP-341 rejects t ≥ n).
   *
   * @throws IllegalArgumentException when it is not 32 bytes or not below n
   */
  public static Scalar decodeTweak(byte[] tapTweak) {
    if (tapTweak == null || tapTweak.length != 32) {
      throw new IllegalArgumentException("a taproot tweak is 32 bytes");
    }
    try {
      return Secp256k1.INSTANCE.decodeScalar(tapTweak);
    } catch (dev.keyshard.crypto.group.InvalidEncodingException e) {
      throw new IllegalArgumentException("the taproot tweak is not below the group order");
    }
  }

  private static KeyShare requireSecp256k1(KeyShare share) {
    Objects.requireNonNull(share, "share");
    if (share.publicKeys().group() != Secp256k1.INSTANCE) {
      throw new IllegalArgumentException("taproot keys are secp256k1 keys");
    }
    return share;
  }
}
