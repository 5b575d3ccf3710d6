package dev.keyshard.vault.recovery;

import dev.keyshard.crypto.secret.SecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * A vault's root keys rebuilt offline: the ECDSA private key (secp256k1) and the EdDSA private
 * scalar (Ed25519 — a raw scalar, not an RFC 8032 seed: nobody ever held a seed), with the public
 * keys they were checked against and the chain code.
 *
 * <h2>Security</h2>
 * The whole key: show it only to the user who asked. {@link #toString()} is redacted; export is
 * through {@link SecretScalar#toBytes(SecretAccess)}; {@link #destroy()} wipes (best effort).
 */
public final class RecoveredKeys implements Destroyable {
  private final byte[] publicKeyEcdsa;
  private final byte[] publicKeyEddsa;
  private final byte[] chainCode;
  private final SecretScalar privateKeyEcdsa;
  private final SecretScalar privateKeyEddsa;

  public RecoveredKeys(byte[] publicKeyEcdsa, byte[] publicKeyEddsa, byte[] chainCode,
      SecretScalar privateKeyEcdsa, SecretScalar privateKeyEddsa) {
    this.publicKeyEcdsa = publicKeyEcdsa.clone();
    this.publicKeyEddsa = publicKeyEddsa.clone();
    this.chainCode = chainCode.clone();
    this.privateKeyEcdsa = Objects.requireNonNull(privateKeyEcdsa);
    this.privateKeyEddsa = Objects.requireNonNull(privateKeyEddsa);
  }

  public byte[] publicKeyEcdsa() {
    return publicKeyEcdsa.clone();
  }

  public byte[] publicKeyEddsa() {
    return publicKeyEddsa.clone();
  }

  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** The root ECDSA private key; owned by this object. */
  public SecretScalar privateKeyEcdsa() {
    return privateKeyEcdsa;
  }

  /** The EdDSA private scalar; its bytes are 32-byte little-endian, as RFC 8032 encodes scalars. */
  public SecretScalar privateKeyEddsa() {
    return privateKeyEddsa;
  }

  @Override
  public void destroy() {
    privateKeyEcdsa.destroy();
    privateKeyEddsa.destroy();
  }

  @Override
  public boolean isDestroyed() {
    return privateKeyEcdsa.isDestroyed() && privateKeyEddsa.isDestroyed();
  }

  @Override
  public String toString() {
    return "RecoveredKeys[keys redacted]";
  }
}
