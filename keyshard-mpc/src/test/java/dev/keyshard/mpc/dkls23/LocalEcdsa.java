package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.group.Secp256k1Point;
import java.math.BigInteger;

/**
 * Single-key ECDSA (SEC 1 §4.1.3) on Keyshard's group code, for tests: it produces signatures with
 * a known nonce, so the tests can exercise high-S inputs and recovery ids. Test-only.
 */
final class LocalEcdsa {
  private LocalEcdsa() {}

  /** s = k⁻¹(e + r·x) with its recovery id; not normalised. */
  static EcdsaSignature sign(Scalar x, Scalar k, byte[] hash32) {
    Secp256k1 g = Secp256k1.INSTANCE;
    Secp256k1Point big = (Secp256k1Point) g.multiplyGenerator(k);
    BigInteger rx = new BigInteger(1, big.xOnly());
    Scalar r = g.reduce(big.xOnly());
    Scalar e = g.reduce(hash32);
    Scalar s = k.invert().multiply(e.add(r.multiply(x)));
    int recid = (big.hasEvenY() ? 0 : 1) | (rx.compareTo(g.order()) >= 0 ? 2 : 0);
    return EcdsaSignature.of(r, s, recid);
  }

  static Point publicKey(Scalar x) {
    return Secp256k1.INSTANCE.multiplyGenerator(x);
  }
}
