package dev.keyshard.node;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-256-GCM with a random 96-bit nonce prefixed to the ciphertext (the JDK's implementation). */
final class Aead {
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private Aead() {}

  static byte[] seal(byte[] key, byte[] plaintext, byte[] ad, SecureRandom rng) {
    byte[] nonce = new byte[NONCE_BYTES];
    rng.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(ad);
      byte[] sealed = c.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is missing from this JDK", e);
    }
  }

  /** The plaintext, or null when the tag does not verify (wrong key, altered bytes). */
  static byte[] open(byte[] key, byte[] sealed, byte[] ad) {
    if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
      return null;
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
      c.updateAAD(ad);
      return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      return null;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is missing from this JDK", e);
    }
  }
}
