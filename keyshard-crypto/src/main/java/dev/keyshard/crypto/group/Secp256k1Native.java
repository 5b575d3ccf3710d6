package dev.keyshard.crypto.group;

import dev.keyshard.crypto.internal.KeyshardBug;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.util.Arrays;

/**
 * libsecp256k1 (Bitcoin Core's library, through ACINQ's secp256k1-kmp JNI binding) for k·P with a
 * secret k: {@code secp256k1_ec_pubkey_tweak_mul} runs {@code secp256k1_ecmult_const}, which is
 * constant-time in k. The library loads once; where it cannot (no native build for the platform,
 * or the system property {@code keyshard.secp256k1.native=false}), {@link #available()} is false
 * and callers use {@link Secp256k1FixedWindow}.
 */
final class Secp256k1Native {
  /** Set to {@code false} to force the pure-Java path (benchmarks, platforms without JNI). */
  static final String PROPERTY = "keyshard.secp256k1.native";

  private static final fr.acinq.secp256k1.Secp256k1 LIB = load();

  private Secp256k1Native() {}

  static boolean available() {
    return LIB != null;
  }

  private static fr.acinq.secp256k1.Secp256k1 load() {
    if ("false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
      return null;
    }
    try {
      fr.acinq.secp256k1.Secp256k1 lib = fr.acinq.secp256k1.Secp256k1.get();
      // Self-test: 1·G through the same call and encodings as multiply.
      byte[] g = Secp256k1.INSTANCE.g().getEncoded(false);
      byte[] one = new byte[32];
      one[31] = 1;
      return Arrays.equals(g, lib.pubKeyTweakMul(g, one)) ? lib : null;
    } catch (RuntimeException | LinkageError e) {
      // IllegalStateException: no native library for this platform; UnsatisfiedLinkError: it
      // would not link. Either way the pure-Java path takes over.
      return null;
    }
  }

  /**
   * k·G as a 65-byte SEC1 uncompressed encoding ({@code secp256k1_ec_pubkey_create}, the
   * constant-time generator comb {@code ecmult_gen}).
   *
   * @param k32 k, 32-byte big-endian, non-zero and below the order
   */
  static byte[] multiplyGenerator(byte[] k32) {
    try {
      return LIB.pubkeyCreate(k32);
    } catch (Secp256k1Exception | IllegalArgumentException e) {
      throw new KeyshardBug("libsecp256k1 rejected a valid scalar", e);
    }
  }

  /**
   * k·P as a 65-byte SEC1 uncompressed encoding.
   *
   * @param p65 P, 65-byte SEC1 uncompressed, on the curve (not the identity)
   * @param k32 k, 32-byte big-endian, non-zero and below the order
   */
  static byte[] multiply(byte[] p65, byte[] k32) {
    try {
      return LIB.pubKeyTweakMul(p65, k32);
    } catch (Secp256k1Exception | IllegalArgumentException e) {
      // Only a zero or unreduced k, or a point off the curve, make libsecp256k1 fail; callers
      // exclude all three.
      throw new KeyshardBug("libsecp256k1 rejected a valid point or scalar", e);
    }
  }
}
