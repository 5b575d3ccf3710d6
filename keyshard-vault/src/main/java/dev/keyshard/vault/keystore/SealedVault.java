package dev.keyshard.vault.keystore;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.vult.VultException;
import dev.keyshard.vault.vult.VultisigVaults;
import dev.keyshard.vault.vult.proto.Vault;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A vault share (Vultisig's {@code Vault} message, Keyshard's or imported) sealed as a
 * {@link KeystoreFile}: the form of keystore entries and of the files {@code keygen --vault}
 * writes. Opening checks that the share inside describes the same vault as the clear header.
 */
public final class SealedVault {
  private SealedVault() {}

  /**
   * @param password not wiped
   * @throws VultException when the vault's description cannot be read
   */
  public static byte[] seal(Vault vault, char[] password, Argon2idParameters cost, SecureRandom rng)
      throws VultException {
    return seal(vault, SealingKey.derive(password, cost, rng), rng);
  }

  /**
   * Seals under a key derived beforehand ({@link SealingKey}), which is wiped.
   *
   * @throws VultException when the vault's description cannot be read
   */
  public static byte[] seal(Vault vault, SealingKey key, SecureRandom rng) throws VultException {
    VaultInfo info = VultisigVaults.info(vault);
    byte[] plain = vault.toByteArray();
    try {
      return KeystoreFile.seal(info, plain, key, rng);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * @param password not wiped
   * @throws KeystoreException WRONG_PASSWORD, CORRUPT (also when the share inside belongs to
   *     another vault than the header says) or UNSUPPORTED_VERSION
   */
  public static Vault open(byte[] file, char[] password) throws KeystoreException {
    KeystoreFile.Header header = KeystoreFile.header(file);
    byte[] plain = KeystoreFile.open(file, password);
    try {
      Vault v = Vault.parseFrom(plain);
      if (!VultisigVaults.info(v).equals(header.vault())) {
        throw new KeystoreException(KeystoreException.Reason.CORRUPT,
            "the share inside does not match the file's description");
      }
      return v;
    } catch (InvalidProtocolBufferException | VultException e) {
      throw new KeystoreException(KeystoreException.Reason.CORRUPT, "the share inside is damaged");
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }
}
