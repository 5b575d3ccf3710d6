package dev.keyshard.vault.keystore;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A 256-bit AES key from a password by Argon2id (RFC 9106, version 0x13), BouncyCastle's
 * implementation. The password is taken as its UTF-8 bytes, without normalisation, so the same
 * characters typed on any device give the same key.
 */
final class PasswordKey {
  static final int KEY_BYTES = 32;
  static final int SALT_BYTES = 16;

  private PasswordKey() {}

  /** The key; the caller wipes it. The password is not wiped. */
  static byte[] derive(char[] password, Argon2idParameters cost, byte[] salt) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[utf8.remaining()];
    utf8.get(bytes);
    Arrays.fill(utf8.array(), (byte) 0);
    try {
      return argon2id(bytes, salt, null, null, cost, KEY_BYTES);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** Argon2id with every input RFC 9106 §3.1 names; {@code secret} and {@code ad} may be null. */
  static byte[] argon2id(byte[] password, byte[] salt, byte[] secret, byte[] ad,
      Argon2idParameters cost, int tagBytes) {
    Argon2Parameters.Builder p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKiB())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt);
    if (secret != null) {
      p.withSecret(secret);
    }
    if (ad != null) {
      p.withAdditional(ad);
    }
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(p.build());
    byte[] tag = new byte[tagBytes];
    gen.generateBytes(password, tag);
    return tag;
  }
}
