package dev.keyshard.cli;

import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.FrostLocal;
import java.security.SecureRandom;
import java.util.List;

/** The CLI's view of a local run: shares, or a signature in the scheme's encoding. */
final class LocalCeremony {
  private LocalCeremony() {}

  record Keygen(List<KeyShare> shares, long bytes, int messages) {}

  record Signing(byte[] signature, byte[] publicKey, long bytes, int messages) {}

  static Keygen keygen(Scheme scheme, int t, int n, SecureRandom rng) throws ProtocolAbort {
    FrostLocal.Keygen k = FrostLocal.keygen(scheme.group(), t, n, rng);
    return new Keygen(k.shares(), k.bytes(), k.messages());
  }

  static Signing sign(Scheme scheme, List<KeyShare> shares, byte[] message, SecureRandom rng)
      throws ProtocolAbort {
    FrostLocal.Signing s = FrostLocal.sign(scheme.suite(), shares, message, rng);
    byte[] pub = scheme.publicKey(shares.get(0).publicKeys().groupKey());
    return new Signing(s.signature().toBytes(), pub, s.bytes(), s.messages());
  }
}
