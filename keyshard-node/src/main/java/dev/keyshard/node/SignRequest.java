package dev.keyshard.node;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What a signing session asks the devices to sign, as the join code carries it: the vault (by
 * id), the scheme, the message and, for ECDSA, the derivation path whose key signs. Each device
 * reads it from the code itself and derives the signing key from its own copy of the vault, so
 * no device signs for a key or message another merely asserts.
 */
public record SignRequest(String vaultId, Scheme scheme, byte[] message, String path) {
  /** Longest EdDSA message a join code carries. */
  public static final int MAX_MESSAGE_BYTES = 1024;

  public enum Scheme {
    /** DKLs23 over secp256k1; the message is a 32-byte hash. */
    ECDSA,
    /** FROST(Ed25519, SHA-512); the message is signed as it is (RFC 8032). */
    EDDSA;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Scheme parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "ecdsa" -> ECDSA;
        case "eddsa", "ed25519" -> EDDSA;
        default -> throw new IllegalArgumentException("unknown scheme '" + s + "' (ecdsa or eddsa)");
      };
    }
  }

  public SignRequest {
    message = message.clone();
    if (scheme == Scheme.ECDSA && message.length != 32) {
      throw new IllegalArgumentException("ECDSA signs a 32-byte hash, not " + message.length + " bytes");
    }
    if (message.length == 0 || message.length > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("the message must be 1.." + MAX_MESSAGE_BYTES + " bytes");
    }
    if (scheme == Scheme.EDDSA && path != null && !path.isEmpty()) {
      throw new IllegalArgumentException("EdDSA chains sign with the root key: no path");
    }
    path = path == null ? "" : path;
  }

  @Override
  public byte[] message() {
    return message.clone();
  }

  Map<String, String> params() {
    return Map.of("kind", SigningCeremony.KIND, "vault", vaultId, "scheme", scheme.id(),
        "message", HexFormat.of().formatHex(message), "path", path.isEmpty() ? "-" : path);
  }

  static SignRequest of(JoinCode code) {
    String path = code.param("path");
    return new SignRequest(code.param("vault"), Scheme.parse(code.param("scheme")),
        HexFormat.of().parseHex(code.param("message")), path.equals("-") ? "" : path);
  }
}
