package dev.keyshard.vault.hd;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.math.ec.ECPoint;

/**
 * BIP-32 public child derivation, CKDpub (bip-0032.mediawiki, "Public parent key → public child
 * key"), for non-hardened indices only: I = HMAC-SHA512(c_par, ser_P(K_par) ‖ ser_32(i)),
 * K_i = K_par + I_L·G, c_i = I_R. Everything here is public data, so BouncyCastle's variable-time
 * point arithmetic is fine.
 *
 * <p>Stateless and thread-safe.
 */
public final class Bip32 {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final BigInteger N = CURVE.getN();

  private Bip32() {}

  /**
   * Derives along {@code path} from a root key and chain code.
   *
   * @throws IllegalArgumentException when the key is not a valid compressed point or the chain
   *     code is not 32 bytes
   * @throws InvalidChildException when a step gives I_L ≥ n or the point at infinity (BIP-32 says
   *     to skip to the next index; the probability is below 2^-127, so we stop instead of
   *     silently deriving a different path than the other parties' software)
   */
  public static DerivedKey derive(byte[] rootPublicKey, byte[] chainCode, DerivationPath path) {
    if (rootPublicKey == null || rootPublicKey.length != 33) {
      throw new IllegalArgumentException("root public key must be 33 bytes (compressed)");
    }
    if (chainCode == null || chainCode.length != 32) {
      throw new IllegalArgumentException("chain code must be 32 bytes");
    }
    ECPoint key;
    try {
      key = CURVE.getCurve().decodePoint(rootPublicKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("root public key is not a secp256k1 point");
    }
    byte[] c = chainCode.clone();
    BigInteger tweak = BigInteger.ZERO;
    for (int index : path.indices()) {
      HMac mac = new HMac(new SHA512Digest());
      mac.init(new KeyParameter(c));
      byte[] ser = key.getEncoded(true);
      mac.update(ser, 0, ser.length);
      byte[] i = {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index};
      mac.update(i, 0, 4);
      byte[] out = new byte[64];
      mac.doFinal(out, 0);
      BigInteger il = new BigInteger(1, Arrays.copyOf(out, 32));
      if (il.compareTo(N) >= 0) {
        throw new InvalidChildException(index);
      }
      key = CURVE.getG().multiply(il).add(key).normalize();
      if (key.isInfinity()) {
        throw new InvalidChildException(index);
      }
      c = Arrays.copyOfRange(out, 32, 64);
      tweak = tweak.add(il).mod(N);
    }
    try {
      Scalar delta = Secp256k1.INSTANCE.decodeScalar(toBytes32(tweak));
      return new DerivedKey(key.getEncoded(true), c, delta);
    } catch (InvalidEncodingException e) {
      throw new IllegalStateException("a reduced tweak is always canonical", e);
    }
  }

  private static byte[] toBytes32(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  /** A derivation step that BIP-32 declares invalid (I_L ≥ n or the point at infinity). */
  public static final class InvalidChildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidChildException(int index) {
      super("BIP-32 child " + index + " is invalid (probability below 2^-127); use another index");
    }
  }
}
