package dev.keyshard.crypto.hash;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * A BIP-340 tagged hash, {@code hash_tag(x) = SHA256(SHA256(tag) ‖ SHA256(tag) ‖ x)} (BIP-340,
 * "Design" and "Specification"). The 64-byte tag prefix is absorbed once; every call continues
 * from a copy of that state.
 *
 * <p>Helpers: {@link #challenge(byte[], byte[], byte[])} (BIP-340 verification step
 * {@code e = int(hash_BIP0340/challenge(bytes(r) ‖ bytes(P) ‖ m)) mod n}) and
 * {@link #tapTweak(byte[], byte[])} (BIP-341 {@code taproot_tweak_pubkey}).
 *
 * <p>Immutable and thread-safe.
 */
public final class TaggedHash {
  /** BIP-340 "BIP0340/challenge". */
  public static final TaggedHash BIP340_CHALLENGE = of("BIP0340/challenge");
  /** BIP-340 "BIP0340/aux". */
  public static final TaggedHash BIP340_AUX = of("BIP0340/aux");
  /** BIP-340 "BIP0340/nonce". */
  public static final TaggedHash BIP340_NONCE = of("BIP0340/nonce");
  /** BIP-341 "TapTweak". */
  public static final TaggedHash TAP_TWEAK = of("TapTweak");

  private final String tag;
  private final SHA256Digest prefixed;

  private TaggedHash(String tag) {
    this.tag = tag;
    byte[] tagBytes = tag.getBytes(StandardCharsets.UTF_8);
    SHA256Digest t = new SHA256Digest();
    t.update(tagBytes, 0, tagBytes.length);
    byte[] tagHash = new byte[32];
    t.doFinal(tagHash, 0);
    SHA256Digest d = new SHA256Digest();
    d.update(tagHash, 0, 32);
    d.update(tagHash, 0, 32);
    this.prefixed = d;
  }

  /** The tagged hash for {@code tag} (UTF-8 encoded). */
  public static TaggedHash of(String tag) {
    Objects.requireNonNull(tag, "tag");
    return new TaggedHash(tag);
  }

  public String tag() {
    return tag;
  }

  /** {@code hash_tag(parts[0] ‖ parts[1] ‖ …)}: 32 bytes. */
  public byte[] hash(byte[]... parts) {
    SHA256Digest d = new SHA256Digest(prefixed);
    for (byte[] part : parts) {
      d.update(part, 0, part.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** {@code int(hash_tag(parts…)) mod n} on secp256k1 (big-endian, as BIP-340 reads hashes). */
  public Scalar hashToScalar(byte[]... parts) {
    byte[] h = hash(parts);
    Scalar s = Secp256k1.INSTANCE.reduce(h);
    Arrays.fill(h, (byte) 0);
    return s;
  }

  /**
   * BIP-340 challenge: {@code e = int(hash_BIP0340/challenge(bytes(R) ‖ bytes(P) ‖ m)) mod n}.
   *
   * @param rX the 32-byte x-coordinate of the nonce point R
   * @param pX the 32-byte x-only public key P
   * @param m the message (any length, BIP-340 since 2022)
   * @throws IllegalArgumentException when {@code rX} or {@code pX} is not 32 bytes
   */
  public static Scalar challenge(byte[] rX, byte[] pX, byte[] m) {
    requireLength(rX, "R x-coordinate");
    requireLength(pX, "x-only public key");
    Objects.requireNonNull(m, "m");
    return BIP340_CHALLENGE.hashToScalar(rX, pX, m);
  }

  /**
   * BIP-341 {@code taproot_tweak_pubkey} tweak: {@code t = int(hash_TapTweak(pubkey ‖ h))}, where
   * {@code h} is the script-tree Merkle root or empty for a key-path-only output (BIP-86).
   *
   * @param internalKeyX the 32-byte x-only internal key P
   * @param merkleRoot the 32-byte Merkle root, or an empty array for none
   * @throws IllegalArgumentException when a length is wrong, or t ≥ n ("raise ValueError" in
   *     BIP-341, with probability about 2^-128)
   */
  public static Scalar tapTweak(byte[] internalKeyX, byte[] merkleRoot) {
    requireLength(internalKeyX, "x-only internal key");
    Objects.requireNonNull(merkleRoot, "merkleRoot");
    if (merkleRoot.length != 0 && merkleRoot.length != 32) {
      throw new IllegalArgumentException("Merkle root must be 32 bytes or empty");
    }
    byte[] t = TAP_TWEAK.hash(internalKeyX, merkleRoot);
    try {
      // BIP-341: "if t >= SECP256K1_ORDER: raise ValueError" — no reduction.
      return Secp256k1.INSTANCE.decodeScalar(t);
    } catch (InvalidEncodingException e) {
      throw new IllegalArgumentException("TapTweak hash is not below the group order");
    }
  }

  private static void requireLength(byte[] b, String what) {
    Objects.requireNonNull(b, what);
    if (b.length != 32) {
      throw new IllegalArgumentException(what + " must be 32 bytes, got " + b.length);
    }
  }

  @Override
  public String toString() {
    return "TaggedHash[" + tag + "]";
  }
}
