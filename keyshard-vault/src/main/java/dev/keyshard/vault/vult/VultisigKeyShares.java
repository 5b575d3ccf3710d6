package dev.keyshard.vault.vult;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.vault.recovery.RecoveryException;
import dev.keyshard.vault.recovery.RecoveryShare;
import java.util.Arrays;

/**
 * Reads the key shares inside Vultisig DKLS vaults ({@code lib_type} 1) for emergency recovery,
 * by the byte layouts of {@code ../shared/fixtures/vultisig/KEYSHARES.md} (established by decoding
 * real backups; the libraries that write them are not read).
 *
 * <ul>
 *   <li>DKLS23 (secp256k1): a big-endian flat buffer; magic {@code 00000001}, n, t, party id, …,
 *       the secret share s_i at offset 140, then a 98-byte row per party with its rank, s_p·G and
 *       its interpolation point x_p — random scalars, not 1..n.
 *   <li>multi-party-schnorr (Ed25519): 132 bytes of bincode, little-endian; t before n, the secret
 *       share d_i at offset 3, and x = party id + 1.
 * </ul>
 *
 * <p>Stateless and thread-safe. Errors never quote share bytes.
 */
public final class VultisigKeyShares {
  private static final int DKLS_HEADER = 172;
  private static final int DKLS_ROW = 98;
  private static final int SCHNORR_LENGTH = 132;

  private VultisigKeyShares() {}

  /**
   * The DKLS share as a recovery share, after checking s_i·G against its own row's s_p·G.
   *
   * @throws RecoveryException UNSUPPORTED for a bad magic, a short buffer, a non-zero rank (Birkhoff
   *     interpolation, refused rather than guessed) or a share that fails its self-check
   */
  public static RecoveryShare dkls(byte[] b) throws RecoveryException {
    Secp256k1 g = Secp256k1.INSTANCE;
    if (b.length < DKLS_HEADER || b[0] != 0 || b[1] != 0 || b[2] != 0 || b[3] != 1) {
      throw unsupported("not a DKLS key share (magic or length)");
    }
    int n = b[8] & 0xff;
    int t = b[9] & 0xff;
    int self = b[10] & 0xff;
    if (n < 2 || t < 2 || t > n || self >= n || b.length < DKLS_HEADER + DKLS_ROW * n) {
      throw unsupported("DKLS key share header is inconsistent");
    }
    byte[] publicKey = Arrays.copyOfRange(b, 75, 108);
    SecretScalar secret;
    Scalar x = null;
    try {
      secret = SecretScalar.decode(g, Arrays.copyOfRange(b, 140, 172));
      for (int p = 0; p < n; p++) {
        int row = DKLS_HEADER + DKLS_ROW * p;
        if (b[row] != 0) {
          throw unsupported("DKLS key share uses Birkhoff ranks; only ordinary vaults recover");
        }
        if (p == self) {
          byte[] bigS = Arrays.copyOfRange(b, row + 1, row + 34);
          if (!Arrays.equals(secret.publicPoint().toBytes(), bigS)) {
            secret.destroy();
            throw unsupported("DKLS key share fails its self-check (s_i·G)");
          }
          x = g.decodeScalar(Arrays.copyOfRange(b, row + 34, row + 66));
        }
      }
    } catch (InvalidEncodingException e) {
      throw unsupported("DKLS key share holds an invalid scalar");
    }
    return new RecoveryShare(g, x, secret, publicKey, t);
  }

  /**
   * The multi-party-schnorr share as a recovery share (x = party id + 1).
   *
   * @throws RecoveryException UNSUPPORTED for a wrong length, tag or header
   */
  public static RecoveryShare schnorr(byte[] b) throws RecoveryException {
    Group g = Ed25519.INSTANCE;
    if (b.length < SCHNORR_LENGTH) {
      throw unsupported("not a Schnorr key share (length)");
    }
    int t = b[0] & 0xff;
    int n = b[1] & 0xff;
    int self = b[2] & 0xff;
    if (n < 2 || t < 2 || t > n || self >= n) {
      throw unsupported("Schnorr key share header is inconsistent");
    }
    try {
      SecretScalar secret = SecretScalar.decode(g, Arrays.copyOfRange(b, 3, 35));
      byte[] publicKey = Arrays.copyOfRange(b, 35, 67);
      return new RecoveryShare(g, g.scalarOf(self + 1L), secret, publicKey, t);
    } catch (InvalidEncodingException e) {
      throw unsupported("Schnorr key share holds an invalid scalar");
    }
  }

  private static RecoveryException unsupported(String message) {
    return new RecoveryException(RecoveryException.Reason.UNSUPPORTED, message);
  }
}
