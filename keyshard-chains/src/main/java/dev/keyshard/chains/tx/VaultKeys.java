package dev.keyshard.chains.tx;

import dev.keyshard.vault.VaultInfo;
import java.util.Arrays;

/**
 * A vault's public key material: the root ECDSA key (33-byte compressed secp256k1), the root
 * EdDSA key (32-byte Ed25519) and the BIP-32 chain code. Everything a builder needs to know which
 * addresses and keys a transaction spends from; nothing secret.
 */
public record VaultKeys(byte[] rootEcdsa, byte[] rootEddsa, byte[] chainCode) {
  public VaultKeys {
    rootEcdsa = requireLength(rootEcdsa, 33, "root ECDSA key");
    rootEddsa = requireLength(rootEddsa, 32, "root EdDSA key");
    chainCode = requireLength(chainCode, 32, "chain code");
  }

  public static VaultKeys of(VaultInfo vault) {
    return new VaultKeys(vault.publicKeyEcdsa(), vault.publicKeyEddsa(), vault.chainCode());
  }

  @Override
  public byte[] rootEcdsa() {
    return rootEcdsa.clone();
  }

  @Override
  public byte[] rootEddsa() {
    return rootEddsa.clone();
  }

  @Override
  public byte[] chainCode() {
    return chainCode.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VaultKeys k && Arrays.equals(rootEcdsa, k.rootEcdsa)
        && Arrays.equals(rootEddsa, k.rootEddsa) && Arrays.equals(chainCode, k.chainCode);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(rootEcdsa);
  }

  @Override
  public String toString() {
    return "VaultKeys[" + java.util.HexFormat.of().formatHex(rootEcdsa) + "]";
  }

  private static byte[] requireLength(byte[] b, int length, String what) {
    if (b == null || b.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes");
    }
    return b.clone();
  }
}
