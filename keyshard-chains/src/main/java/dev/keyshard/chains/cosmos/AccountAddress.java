package dev.keyshard.chains.cosmos;

import dev.keyshard.chains.tx.TransactionException;
import fr.acinq.bitcoin.Bech32;
import java.util.Arrays;
import java.util.Locale;
import kotlin.Triple;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * A Cosmos SDK account address: 20 bytes (RIPEMD-160 of SHA-256 of the compressed secp256k1
 * key), written as bech32 (BIP-173, not bech32m) with the chain's prefix. bitcoin-kmp checks the
 * checksum; the prefix, the case rule, the length and the payload size are checked here.
 */
public final class AccountAddress {
  /** Bytes of an account address. */
  public static final int LENGTH = 20;
  /** 20 bytes are exactly 32 five-bit groups: no padding bits. */
  private static final int FIVE_BIT_GROUPS = 32;

  private final String hrp;
  private final byte[] bytes;

  private AccountAddress(String hrp, byte[] bytes) {
    this.hrp = hrp;
    this.bytes = bytes;
  }

  /** The address of these 20 bytes under the prefix. */
  public static AccountAddress of(String hrp, byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an account address is 20 bytes");
    }
    return new AccountAddress(hrp, bytes.clone());
  }

  /** The account address of a 33-byte compressed secp256k1 key: RIPEMD-160(SHA-256(key)). */
  public static AccountAddress ofPublicKey(String hrp, byte[] publicKey) {
    if (publicKey.length != 33) {
      throw new IllegalArgumentException("a secp256k1 public key is 33 bytes compressed");
    }
    byte[] sha = CosmosSend.sha256(publicKey);
    RIPEMD160Digest ripemd = new RIPEMD160Digest();
    ripemd.update(sha, 0, sha.length);
    byte[] out = new byte[LENGTH];
    ripemd.doFinal(out, 0);
    return new AccountAddress(hrp, out);
  }

  /**
   * @throws TransactionException naming {@code field} when the text is not bech32 with a valid
   *     checksum, has another prefix than {@code hrp}, or does not hold exactly 20 bytes
   */
  public static AccountAddress parse(String field, String text, String hrp)
      throws TransactionException {
    if (text == null || text.isEmpty()) {
      throw new TransactionException("'" + field + "' is needed");
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (!text.equals(lower) && !text.equals(text.toUpperCase(Locale.ROOT))) {
      throw new TransactionException("'" + field + "': " + text + " mixes upper and lower case "
          + "(BIP-173 forbids it)");
    }
    if (lower.length() > 90) {
      throw new TransactionException("'" + field + "' is longer than a bech32 address can be");
    }
    Triple<String, Byte[], Bech32.Encoding> d;
    try {
      d = Bech32.decode(lower, false);
    } catch (RuntimeException e) {
      throw new TransactionException("'" + field + "': " + text + " is not a valid bech32 address "
          + "(bad checksum or characters)");
    }
    if (d.getThird() != Bech32.Encoding.Bech32) {
      throw new TransactionException("'" + field + "': " + text + " has a bech32m checksum; "
          + "Cosmos addresses use bech32");
    }
    if (!hrp.equals(d.getFirst())) {
      throw new TransactionException("'" + field + "': " + text + " is a '" + d.getFirst()
          + "' address, this chain's start with '" + hrp + "1'");
    }
    Byte[] groups = d.getSecond();
    if (groups.length != FIVE_BIT_GROUPS) {
      throw new TransactionException("'" + field + "': " + text + " does not hold a 20-byte "
          + "account address (contract and module addresses of other lengths are not supported)");
    }
    return new AccountAddress(hrp, fromFiveBits(groups));
  }

  private static byte[] fromFiveBits(Byte[] groups) {
    byte[] out = new byte[LENGTH];
    long acc = 0;
    int bits = 0;
    int k = 0;
    for (Byte g : groups) {
      acc = (acc << 5) | (g & 0x1f);
      bits += 5;
      while (bits >= 8) {
        bits -= 8;
        out[k++] = (byte) (acc >>> bits);
      }
    }
    return out;
  }

  public String hrp() {
    return hrp;
  }

  /** The 20 raw bytes (what THORChain's MsgSend carries). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The bech32 text (what the bank module's MsgSend carries). */
  @Override
  public String toString() {
    return Bech32.encodeBytes(hrp, bytes, Bech32.Encoding.Bech32);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccountAddress a && hrp.equals(a.hrp) && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
