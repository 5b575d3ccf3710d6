package dev.keyshard.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The public description of a vault as one party holds it: name, id, threshold, the signers'
 * names and the local one, the root ECDSA key (33-byte compressed secp256k1), the root EdDSA key
 * (32-byte Ed25519), the BIP-32 chain code, the creation time and the kind. Nothing here is
 * secret, so it is stored unencrypted beside the encrypted shares and printed by
 * {@code vault list}; it does reveal the vault's addresses, so it is private.
 *
 * <p>The id is derived from the two root keys ({@link #idOf}), so every share of one vault — made
 * by Keyshard or imported from Vultisig — carries the same id.
 *
 * <p>Immutable and thread-safe; byte arrays are copied in and out.
 */
public final class VaultInfo {
  /** Bytes of the id: 128 bits name a vault without collisions. */
  public static final int ID_BYTES = 16;
  private static final byte[] ID_DOMAIN = "keyshard/vault-id/v1".getBytes(StandardCharsets.UTF_8);

  private final String name;
  private final String id;
  private final int threshold;
  private final List<String> signers;
  private final String localParty;
  private final byte[] publicKeyEcdsa;
  private final byte[] publicKeyEddsa;
  private final byte[] chainCode;
  private final Instant createdAt;
  private final VaultKind kind;

  /**
   * @throws IllegalArgumentException when a field is empty or inconsistent: the threshold outside
   *     1..signers, the local party not a signer, duplicate signers, or a key or chain code of the
   *     wrong length
   */
  public VaultInfo(String name, int threshold, List<String> signers, String localParty,
      byte[] publicKeyEcdsa, byte[] publicKeyEddsa, byte[] chainCode, Instant createdAt,
      VaultKind kind) {
    this.name = requireText(name, "vault name");
    this.signers = List.copyOf(signers);
    this.localParty = requireText(localParty, "local party");
    this.publicKeyEcdsa = requireLength(publicKeyEcdsa, 33, "ECDSA public key");
    this.publicKeyEddsa = requireLength(publicKeyEddsa, 32, "EdDSA public key");
    this.chainCode = requireLength(chainCode, 32, "chain code");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.kind = Objects.requireNonNull(kind, "kind");
    if (this.signers.isEmpty() || this.signers.stream().distinct().count() != this.signers.size()) {
      throw new IllegalArgumentException("signers must be non-empty and distinct");
    }
    if (!this.signers.contains(localParty)) {
      throw new IllegalArgumentException("the local party is not one of the signers");
    }
    if (threshold < 1 || threshold > this.signers.size()) {
      throw new IllegalArgumentException("threshold " + threshold + " does not fit "
          + this.signers.size() + " signers");
    }
    this.threshold = threshold;
    this.id = idOf(this.publicKeyEcdsa, this.publicKeyEddsa);
  }

  /** Hex of the first {@value #ID_BYTES} bytes of SHA-256(domain ‖ ECDSA key ‖ EdDSA key). */
  public static String idOf(byte[] publicKeyEcdsa, byte[] publicKeyEddsa) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ID_DOMAIN);
      sha.update(publicKeyEcdsa);
      sha.update(publicKeyEddsa);
      return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(), ID_BYTES));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  public String name() {
    return name;
  }

  public String id() {
    return id;
  }

  public int threshold() {
    return threshold;
  }

  public List<String> signers() {
    return signers;
  }

  public String localParty() {
    return localParty;
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

  public Instant createdAt() {
    return createdAt;
  }

  public VaultKind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VaultInfo v && name.equals(v.name) && threshold == v.threshold
        && signers.equals(v.signers) && localParty.equals(v.localParty)
        && Arrays.equals(publicKeyEcdsa, v.publicKeyEcdsa)
        && Arrays.equals(publicKeyEddsa, v.publicKeyEddsa) && Arrays.equals(chainCode, v.chainCode)
        && createdAt.equals(v.createdAt) && kind == v.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, localParty);
  }

  @Override
  public String toString() {
    return "Vault[" + name + ", id " + id + ", " + threshold + "-of-" + signers.size() + ", party "
        + localParty + ", " + kind + "]";
  }

  private static String requireText(String s, String what) {
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return s;
  }

  private static byte[] requireLength(byte[] b, int length, String what) {
    if (b == null || b.length != length) {
      throw new IllegalArgumentException(what + " must be " + length + " bytes");
    }
    return b.clone();
  }
}
