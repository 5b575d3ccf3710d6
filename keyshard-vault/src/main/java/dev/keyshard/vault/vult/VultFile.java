package dev.keyshard.vault.vult;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.vault.vult.proto.Vault;
import dev.keyshard.vault.vult.proto.VaultContainer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vultisig's {@code .vult} backup file (DESIGN.md, "Compatibility targets"): base64 text of
 * {@code VaultContainer{version, vault, is_encrypted}}, where {@code vault} is base64 of the
 * {@code Vault} message or, when encrypted, of nonce[12] ‖ AES-256-GCM ciphertext ‖ tag[16] under
 * the key SHA-256(UTF-8 password).
 *
 * <p>That key derivation is Vultisig's, kept for compatibility: a single SHA-256 makes a weak
 * password cheap to guess, so Keyshard's own keystore uses Argon2id instead. Stateless and
 * thread-safe.
 */
public final class VultFile {
  /** The container version real Vultisig backups carry. */
  public static final long VERSION = 1;
  /** Real backups are a few hundred KB; anything far larger is not one. */
  public static final int MAX_TEXT_CHARS = 16 << 20;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private VultFile() {}

  /**
   * True when the file's vault is encrypted.
   *
   * @throws VultException NOT_VULT, CORRUPT or UNSUPPORTED_VERSION
   */
  public static boolean isEncrypted(String text) throws VultException {
    return container(text).getIsEncrypted();
  }

  /**
   * The vault inside a {@code .vult} file.
   *
   * @param password needed when the file is encrypted, ignored otherwise; not wiped
   * @throws VultException with the reason the file cannot be read
   */
  public static Vault decode(String text, char[] password) throws VultException {
    VaultContainer c = container(text);
    byte[] inner = base64(c.getVault(), VultException.Reason.CORRUPT, "the vault inside");
    if (c.getIsEncrypted()) {
      if (password == null || password.length == 0) {
        throw new VultException(VultException.Reason.PASSWORD_REQUIRED,
            "this .vult file is encrypted: a password is needed");
      }
      inner = decrypt(inner, password);
    }
    Vault v;
    try {
      v = Vault.parseFrom(inner);
    } catch (InvalidProtocolBufferException e) {
      throw new VultException(VultException.Reason.CORRUPT, "the vault inside the file is damaged");
    } finally {
      Arrays.fill(inner, (byte) 0);
    }
    if (v.getPublicKeyEcdsa().isEmpty() || v.getPublicKeyEddsa().isEmpty()
        || v.getHexChainCode().isEmpty() || v.getKeySharesCount() == 0) {
      throw new VultException(VultException.Reason.INCOMPLETE,
          "the vault lacks its public keys, chain code or key shares");
    }
    return v;
  }

  /**
   * The {@code .vult} text of {@code vault}, encrypted when {@code password} is given.
   *
   * @param password null or empty for a plain file; not wiped
   */
  public static String encode(Vault vault, char[] password, SecureRandom rng) {
    Objects.requireNonNull(vault, "vault");
    byte[] inner = vault.toByteArray();
    boolean encrypt = password != null && password.length > 0;
    try {
      byte[] payload = encrypt ? encrypt(inner, password, rng) : inner;
      VaultContainer c = VaultContainer.newBuilder()
          .setVersion(VERSION)
          .setVault(Base64.getEncoder().encodeToString(payload))
          .setIsEncrypted(encrypt)
          .build();
      return Base64.getEncoder().encodeToString(c.toByteArray());
    } finally {
      Arrays.fill(inner, (byte) 0);
    }
  }

  private static VaultContainer container(String text) throws VultException {
    if (text == null || text.length() > MAX_TEXT_CHARS) {
      throw new VultException(VultException.Reason.NOT_VULT, "not a .vult file (size)");
    }
    byte[] bytes = base64(text.strip(), VultException.Reason.NOT_VULT, "not a .vult file: it");
    VaultContainer c;
    try {
      c = VaultContainer.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new VultException(VultException.Reason.NOT_VULT, "not a .vult file");
    }
    if (c.getVault().isEmpty()) {
      throw new VultException(VultException.Reason.NOT_VULT, "not a .vult file (no vault inside)");
    }
    if (c.getVersion() != VERSION) {
      throw new VultException(VultException.Reason.UNSUPPORTED_VERSION,
          "unsupported .vult container version " + c.getVersion() + " (this build reads " + VERSION
              + ")");
    }
    return c;
  }

  private static byte[] base64(String s, VultException.Reason reason, String what)
      throws VultException {
    try {
      return Base64.getMimeDecoder().decode(s.strip());
    } catch (IllegalArgumentException e) {
      throw new VultException(reason, what + " is not valid base64");
    }
  }

  private static byte[] decrypt(byte[] nonceCiphertextTag, char[] password) throws VultException {
    if (nonceCiphertextTag.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new VultException(VultException.Reason.CORRUPT, "the encrypted vault is truncated");
    }
    byte[] key = key(password);
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonceCiphertextTag, 0, NONCE_BYTES));
      return gcm.doFinal(nonceCiphertextTag, NONCE_BYTES, nonceCiphertextTag.length - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new VultException(VultException.Reason.WRONG_PASSWORD,
          "wrong password, or the file was altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is missing from this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] encrypt(byte[] plaintext, char[] password, SecureRandom rng) {
    byte[] key = key(password);
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      rng.nextBytes(nonce);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = gcm.doFinal(plaintext);
      byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is missing from this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  /** SHA-256 of the password's UTF-8 bytes: Vultisig's key derivation. */
  private static byte[] key(char[] password) {
    ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] bytes = new byte[utf8.remaining()];
    utf8.get(bytes);
    Arrays.fill(utf8.array(), (byte) 0);
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
