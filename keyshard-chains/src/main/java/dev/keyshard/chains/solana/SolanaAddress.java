package dev.keyshard.chains.solana;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.VaultKeys;
import fr.acinq.bitcoin.Base58;
import java.util.Arrays;

/**
 * A Solana account address: 32 bytes (an Ed25519 public key, or a program-derived address that is
 * off the curve), written in base58 with Bitcoin's alphabet. Immutable.
 */
public final class SolanaAddress {
  /** The System Program, 32 zero bytes ("111…1"): it moves lamports between accounts. */
  public static final SolanaAddress SYSTEM_PROGRAM = new SolanaAddress(new byte[32]);
  /** The Compute Budget program, which takes the priority fee and compute-unit limit. */
  public static final SolanaAddress COMPUTE_BUDGET_PROGRAM =
      decodeKnown("ComputeBudget111111111111111111111111111111");

  private final byte[] bytes;

  private SolanaAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * @param field the intent field the text came from, named in the error
   * @throws TransactionException when the text is not base58 or does not decode to 32 bytes
   */
  public static SolanaAddress parse(String field, String text) throws TransactionException {
    return new SolanaAddress(decode32(field, text, "a Solana address"));
  }

  /** The vault's Solana address: its root Ed25519 key, as {@link Chain#address} derives it. */
  public static SolanaAddress ofVault(VaultKeys keys) {
    String address = Chain.SOLANA.address(keys.rootEcdsa(), keys.rootEddsa(), keys.chainCode());
    return new SolanaAddress(Base58.decode(address));
  }

  /**
   * Base58 text of exactly 32 bytes (an address or a blockhash).
   *
   * @throws TransactionException naming {@code field} when it is not
   */
  static byte[] decode32(String field, String text, String what) throws TransactionException {
    if (text == null || text.isEmpty() || text.length() > 44) {
      throw new TransactionException("'" + field + "' must be " + what + " (base58 of 32 bytes), got '"
          + text + "'");
    }
    byte[] b;
    try {
      b = Base58.decode(text);
    } catch (RuntimeException e) {
      throw new TransactionException("'" + field + "' is not base58 (" + what + "): '" + text + "'");
    }
    if (b.length != 32) {
      throw new TransactionException("'" + field + "' decodes to " + b.length + " bytes, but "
          + what + " is 32 bytes: '" + text + "'");
    }
    return b;
  }

  private static SolanaAddress decodeKnown(String text) {
    byte[] b = Base58.decode(text);
    if (b.length != 32) {
      throw new AssertionError(text);
    }
    return new SolanaAddress(b);
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SolanaAddress a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** The base58 address. */
  @Override
  public String toString() {
    return Base58.encode(bytes);
  }
}
