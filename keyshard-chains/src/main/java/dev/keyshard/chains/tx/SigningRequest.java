package dev.keyshard.chains.tx;

import dev.keyshard.vault.hd.DerivationPath;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One signature a transaction needs: the scheme, the derivation path of the key that signs
 * (non-hardened, as for the vault's addresses; null for {@link SignatureScheme#ED25519}, which
 * signs with the root key) and the pre-image: the 32-byte sighash or hash for the secp256k1
 * schemes, the message bytes for Ed25519.
 */
public record SigningRequest(SignatureScheme scheme, DerivationPath path, byte[] message) {
  /** Longest Ed25519 message (a Solana transaction message is at most 1232 bytes). */
  public static final int MAX_MESSAGE_BYTES = 4096;

  public SigningRequest {
    Objects.requireNonNull(scheme, "scheme");
    message = message.clone();
    if (scheme == SignatureScheme.ED25519) {
      if (path != null) {
        throw new IllegalArgumentException("Ed25519 signs with the root EdDSA key: no path");
      }
      if (message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
        throw new IllegalArgumentException("Ed25519 message must be 1.." + MAX_MESSAGE_BYTES + " bytes");
      }
    } else {
      Objects.requireNonNull(path, "path");
      if (message.length != 32) {
        throw new IllegalArgumentException(scheme + " signs a 32-byte hash, not " + message.length);
      }
    }
  }

  public static SigningRequest ecdsa(DerivationPath path, byte[] hash) {
    return new SigningRequest(SignatureScheme.ECDSA, path, hash);
  }

  public static SigningRequest taproot(DerivationPath path, byte[] sighash) {
    return new SigningRequest(SignatureScheme.TAPROOT, path, sighash);
  }

  public static SigningRequest ed25519(byte[] message) {
    return new SigningRequest(SignatureScheme.ED25519, null, message);
  }

  @Override
  public byte[] message() {
    return message.clone();
  }

  /** The key that signs this request for a vault with these keys, and the tweaks that make it. */
  public SigningKey signingKey(VaultKeys keys) {
    return SigningKey.of(this, keys);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SigningRequest r && scheme == r.scheme && Objects.equals(path, r.path)
        && Arrays.equals(message, r.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, path, Arrays.hashCode(message));
  }

  @Override
  public String toString() {
    return scheme + (path == null ? "" : " " + path) + " " + HexFormat.of().formatHex(message);
  }
}
