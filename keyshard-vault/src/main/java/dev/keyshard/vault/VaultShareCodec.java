package dev.keyshard.vault;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.secret.SecretAccess;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.Dkls23KeyShareCodec;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.KeyShareCodec;
import dev.keyshard.vault.proto.VaultSecretsProto;
import java.util.Arrays;
import java.util.Objects;

/**
 * The secret half of a {@link KeyshardVaultShare} as bytes: protobuf {@code VaultSecretsProto},
 * version {@value #VERSION}, holding the DKLs23 and FROST share encodings. The public
 * {@link VaultInfo} is stored beside it and checked against it on decode.
 *
 * <p>Encoding exports secrets, so it takes a {@link SecretAccess} token; the bytes must be
 * encrypted before they touch a disk. Stateless and thread-safe.
 */
public final class VaultShareCodec {
  public static final int VERSION = 1;
  /** The two share encodings together stay far below this. */
  public static final int MAX_BYTES = Dkls23KeyShareCodec.MAX_BYTES + KeyShareCodec.MAX_BYTES + 64;

  private VaultShareCodec() {}

  public static byte[] encodeSecrets(KeyshardVaultShare share, SecretAccess access) {
    Objects.requireNonNull(share, "share");
    byte[] ecdsa = Dkls23KeyShareCodec.encode(share.ecdsa(), access);
    byte[] eddsa = KeyShareCodec.encode(share.eddsa(), access);
    try {
      return VaultSecretsProto.newBuilder()
          .setVersion(VERSION)
          .setDkls23Share(ByteString.copyFrom(ecdsa))
          .setEd25519Share(ByteString.copyFrom(eddsa))
          .build().toByteArray();
    } finally {
      Arrays.fill(ecdsa, (byte) 0);
      Arrays.fill(eddsa, (byte) 0);
    }
  }

  /**
   * @throws InvalidEncodingException when the bytes are not a valid version-1 encoding, or the
   *     shares do not match {@code info}
   */
  public static KeyshardVaultShare decode(VaultInfo info, byte[] secrets, SecretAccess access)
      throws InvalidEncodingException {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(secrets, "secrets");
    if (secrets.length > MAX_BYTES) {
      throw new InvalidEncodingException("vault share encoding is too large");
    }
    VaultSecretsProto p;
    try {
      p = VaultSecretsProto.parseFrom(secrets);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidEncodingException("vault share does not parse");
    }
    if (p.getVersion() != VERSION) {
      throw new InvalidEncodingException("unknown vault share version " + p.getVersion());
    }
    return fromShares(info, p.getDkls23Share().toByteArray(), p.getEd25519Share().toByteArray(),
        access);
  }

  /**
   * The vault share from its two share encodings (as a {@code .vult} export carries them).
   *
   * @throws InvalidEncodingException when a share does not decode or they do not match
   *     {@code info}
   */
  public static KeyshardVaultShare fromShares(VaultInfo info, byte[] dkls23Share,
      byte[] ed25519Share, SecretAccess access) throws InvalidEncodingException {
    Dkls23KeyShare ecdsa = Dkls23KeyShareCodec.decode(dkls23Share, access);
    KeyShare eddsa = KeyShareCodec.decode(ed25519Share, access);
    try {
      return new KeyshardVaultShare(info, ecdsa, eddsa);
    } catch (IllegalArgumentException e) {
      ecdsa.destroy();
      eddsa.destroy();
      throw new InvalidEncodingException("vault share does not match its vault: " + e.getMessage());
    } finally {
      Arrays.fill(dkls23Share, (byte) 0);
      Arrays.fill(ed25519Share, (byte) 0);
    }
  }
}
