package dev.keyshard.chains;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/** The hashes address encodings use, all BouncyCastle's. Stateless and thread-safe. */
final class Hashes {
  private Hashes() {}

  static byte[] sha256(byte[]... parts) {
    return run(new SHA256Digest(), parts);
  }

  /** RIPEMD-160(SHA-256(x)): Bitcoin's HASH160. */
  static byte[] hash160(byte[] x) {
    return run(new RIPEMD160Digest(), sha256(x));
  }

  /** Keccak-256 as Ethereum uses it (not NIST SHA3-256). */
  static byte[] keccak256(byte[] x) {
    return run(new KeccakDigest(256), x);
  }

  static byte[] blake2b(int bits, byte[]... parts) {
    return run(new Blake2bDigest(bits), parts);
  }

  private static byte[] run(Digest d, byte[]... parts) {
    for (byte[] p : parts) {
      d.update(p, 0, p.length);
    }
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return out;
  }
}
