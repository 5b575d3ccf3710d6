package dev.keyshard.vault.keystore;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VaultKind;
import dev.keyshard.vault.proto.Argon2idProto;
import dev.keyshard.vault.proto.KeystoreFileProto;
import dev.keyshard.vault.proto.KeystoreHeaderProto;
import dev.keyshard.vault.proto.VaultSummaryProto;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One encrypted vault share, as stored in the keystore and written by {@code keygen --vault}:
 * {@code "KSKS"} ‖ version 1 ‖ {@code KeystoreFileProto} (see {@code keystore.proto}).
 *
 * <p>The header (the vault's public description, the Argon2id costs and salt, the nonce) is in
 * the clear so that a keystore lists its vaults without a password. The share is sealed with
 * AES-256-GCM under a key Argon2id derives from the password; the magic, version and header bytes
 * are its associated data, so changing any of them makes the file fail to open rather than open
 * as something else. A wrong password and a tampered file look the same, by design of GCM: both
 * are refused before any plaintext exists.
 *
 * <p>Stateless and thread-safe.
 */
public final class KeystoreFile {
  static final byte[] MAGIC = {'K', 'S', 'K', 'S'};
  static final int VERSION = 1;
  /** A share is tens of KB; a much larger file is not an entry. */
  public static final int MAX_BYTES = 4 << 20;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private KeystoreFile() {}

  /** The public part of an entry: readable without a password. */
  public record Header(VaultInfo vault, Argon2idParameters cost) {}

  /**
   * Seals {@code plaintext} (a serialized {@code vultisig.vault.v1.Vault}) for {@code vault}.
   *
   * @param password not wiped
   * @throws IllegalArgumentException when the costs are too low for a new file or the password is
   *     empty
   */
  public static byte[] seal(VaultInfo vault, byte[] plaintext, char[] password,
      Argon2idParameters cost, SecureRandom rng) {
    return seal(vault, plaintext, SealingKey.derive(password, cost, rng), rng);
  }

  /** Seals {@code plaintext} for {@code vault} under a key derived beforehand, and wipes it. */
  public static byte[] seal(VaultInfo vault, byte[] plaintext, SealingKey sealing,
      SecureRandom rng) {
    Argon2idParameters cost = sealing.cost;
    byte[] nonce = new byte[NONCE_BYTES];
    rng.nextBytes(nonce);
    byte[] header = KeystoreHeaderProto.newBuilder()
        .setVault(summary(vault))
        .setKdf(Argon2idProto.newBuilder().setMemoryKib(cost.memoryKiB())
            .setIterations(cost.iterations()).setParallelism(cost.parallelism())
            .setSalt(ByteString.copyFrom(sealing.salt)))
        .setNonce(ByteString.copyFrom(nonce))
        .build().toByteArray();
    byte[] key = sealing.takeKey();
    byte[] sealed;
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      gcm.updateAAD(associatedData(header));
      sealed = gcm.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is missing from this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
    byte[] body = KeystoreFileProto.newBuilder().setHeader(ByteString.copyFrom(header))
        .setCiphertext(ByteString.copyFrom(sealed)).build().toByteArray();
    byte[] out = new byte[MAGIC.length + 1 + body.length];
    System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
    out[MAGIC.length] = VERSION;
    System.arraycopy(body, 0, out, MAGIC.length + 1, body.length);
    return out;
  }

  /** True when {@code bytes} start like an entry (the magic), whatever their version. */
  public static boolean looksLikeEntry(byte[] bytes) {
    return bytes.length > MAGIC.length && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /**
   * The public header, without a password.
   *
   * @throws KeystoreException CORRUPT or UNSUPPORTED_VERSION
   */
  public static Header header(byte[] file) throws KeystoreException {
    return parse(file).header();
  }

  /**
   * The plaintext share, after checking the password and every header byte.
   *
   * @param password not wiped
   * @throws KeystoreException WRONG_PASSWORD (or an altered file), CORRUPT, UNSUPPORTED_VERSION
   */
  public static byte[] open(byte[] file, char[] password) throws KeystoreException {
    Parsed p = parse(file);
    byte[] key = PasswordKey.derive(password, p.header().cost(), p.salt());
    try {
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, p.nonce()));
      gcm.updateAAD(associatedData(p.headerBytes()));
      return gcm.doFinal(p.ciphertext());
    } catch (AEADBadTagException e) {
      throw new KeystoreException(KeystoreException.Reason.WRONG_PASSWORD,
          "wrong password, or the share file was altered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is missing from this JDK", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private record Parsed(Header header, byte[] headerBytes, byte[] salt, byte[] nonce, byte[] ciphertext) {}

  private static Parsed parse(byte[] file) throws KeystoreException {
    if (!looksLikeEntry(file)) {
      throw corrupt("not a Keyshard share file");
    }
    if (file.length > MAX_BYTES) {
      throw corrupt("too large to be a share file");
    }
    int version = file[MAGIC.length] & 0xff;
    if (version != VERSION) {
      throw new KeystoreException(KeystoreException.Reason.UNSUPPORTED_VERSION,
          "share file version " + version + " (this build reads " + VERSION + ")");
    }
    try {
      KeystoreFileProto body = KeystoreFileProto.parseFrom(
          ByteString.copyFrom(file, MAGIC.length + 1, file.length - MAGIC.length - 1));
      byte[] headerBytes = body.getHeader().toByteArray();
      KeystoreHeaderProto h = KeystoreHeaderProto.parseFrom(headerBytes);
      Argon2idProto kdf = h.getKdf();
      if (kdf.getSalt().size() != PasswordKey.SALT_BYTES || h.getNonce().size() != NONCE_BYTES
          || body.getCiphertext().size() < TAG_BITS / 8) {
        throw corrupt("damaged share file (salt, nonce or ciphertext)");
      }
      Argon2idParameters cost;
      try {
        cost = new Argon2idParameters(kdf.getMemoryKib(), kdf.getIterations(), kdf.getParallelism());
      } catch (IllegalArgumentException e) {
        throw corrupt("damaged share file (" + e.getMessage() + ")");
      }
      return new Parsed(new Header(info(h.getVault()), cost), headerBytes,
          kdf.getSalt().toByteArray(), h.getNonce().toByteArray(), body.getCiphertext().toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw corrupt("damaged share file");
    }
  }

  private static byte[] associatedData(byte[] header) {
    byte[] ad = new byte[MAGIC.length + 1 + header.length];
    System.arraycopy(MAGIC, 0, ad, 0, MAGIC.length);
    ad[MAGIC.length] = VERSION;
    System.arraycopy(header, 0, ad, MAGIC.length + 1, header.length);
    return ad;
  }

  private static VaultSummaryProto summary(VaultInfo v) {
    return VaultSummaryProto.newBuilder()
        .setName(v.name())
        .setThreshold(v.threshold())
        .addAllSigners(v.signers())
        .setLocalParty(v.localParty())
        .setPublicKeyEcdsa(ByteString.copyFrom(v.publicKeyEcdsa()))
        .setPublicKeyEddsa(ByteString.copyFrom(v.publicKeyEddsa()))
        .setChainCode(ByteString.copyFrom(v.chainCode()))
        .setCreatedAtSeconds(v.createdAt().getEpochSecond())
        .setCreatedAtNanos(v.createdAt().getNano())
        .setKind(switch (v.kind()) {
          case KEYSHARD -> VaultSummaryProto.Kind.KIND_KEYSHARD;
          case VULTISIG_DKLS -> VaultSummaryProto.Kind.KIND_VULTISIG_DKLS;
          case VULTISIG_KEYIMPORT -> VaultSummaryProto.Kind.KIND_VULTISIG_KEYIMPORT;
          case VULTISIG_GG20 -> VaultSummaryProto.Kind.KIND_VULTISIG_GG20;
        })
        .build();
  }

  private static VaultInfo info(VaultSummaryProto s) throws KeystoreException {
    VaultKind kind = switch (s.getKind()) {
      case KIND_KEYSHARD -> VaultKind.KEYSHARD;
      case KIND_VULTISIG_DKLS -> VaultKind.VULTISIG_DKLS;
      case KIND_VULTISIG_KEYIMPORT -> VaultKind.VULTISIG_KEYIMPORT;
      case KIND_VULTISIG_GG20 -> VaultKind.VULTISIG_GG20;
      case KIND_UNSPECIFIED, UNRECOGNIZED -> throw corrupt("damaged share file (unknown vault kind)");
    };
    try {
      return new VaultInfo(s.getName(), s.getThreshold(), s.getSignersList(), s.getLocalParty(),
          s.getPublicKeyEcdsa().toByteArray(), s.getPublicKeyEddsa().toByteArray(),
          s.getChainCode().toByteArray(),
          Instant.ofEpochSecond(s.getCreatedAtSeconds(), s.getCreatedAtNanos()), kind);
    } catch (IllegalArgumentException | DateTimeException e) {
      throw corrupt("damaged share file (" + e.getMessage() + ")");
    }
  }

  private static KeystoreException corrupt(String message) {
    return new KeystoreException(KeystoreException.Reason.CORRUPT, message);
  }
}
