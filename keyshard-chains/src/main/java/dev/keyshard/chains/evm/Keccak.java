package dev.keyshard.chains.evm;

import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not NIST SHA3-256); BouncyCastle's. */
final class Keccak {
  private Keccak() {}

  static byte[] keccak256(byte[]... parts) {
    KeccakDigest d = new KeccakDigest(256);
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }
}
