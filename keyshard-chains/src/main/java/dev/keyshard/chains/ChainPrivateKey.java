package dev.keyshard.chains;

import java.util.Objects;

/**
 * One chain's private key, encoded the way that chain's wallets import it, for emergency recovery.
 *
 * <h2>Security</h2>
 * {@link #value()} is the whole key of every coin on that chain: show it only to the user who
 * asked. {@link #toString()} is redacted. A {@link String} cannot be wiped, so keep it no longer
 * than it takes to print it.
 */
public record ChainPrivateKey(Chain chain, Format format, String value) {
  public ChainPrivateKey {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(value, "value");
  }

  /** How {@link #value()} is encoded. */
  public enum Format {
    /** Wallet Import Format, compressed-key form: base58check(version ‖ key ‖ 0x01). */
    WIF("wif"),
    /** The 32-byte secp256k1 private key as 64 lowercase hex digits, big-endian. */
    HEX("hex"),
    /**
     * The 32-byte Ed25519 private scalar as 64 lowercase hex digits, little-endian as RFC 8032
     * §5.1.2 encodes scalars. It is a raw scalar, not an RFC 8032 seed: no seed ever existed for a
     * threshold key, so wallets that only import a seed cannot take it.
     */
    SCALAR_HEX("scalar-hex");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    /** "wif", "hex" or "scalar-hex", for CLI and JSON output. */
    public String label() {
      return label;
    }
  }

  @Override
  public String toString() {
    return "ChainPrivateKey[" + chain + ", " + format.label() + ", redacted]";
  }
}
