package dev.keyshard.cli;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.EcdsaSignature;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.Dkls23Local;
import dev.keyshard.mpc.local.FrostLocal;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The CLI's view of a local run: shares, or a signature in the scheme's encoding. */
final class LocalCeremony {
  private LocalCeremony() {}

  record Keygen(List<ShareFile> shares, long bytes, int messages) {}

  /**
   * A signature in the scheme's encoding (ecdsa: compact r ‖ s, low-S) and the public key it
   * verifies under (ecdsa with a tweak: the tweaked key). {@code ecdsa} is the full ECDSA
   * signature with its recovery id, null for the FROST schemes.
   */
  record Signing(byte[] signature, byte[] publicKey, long bytes, int messages, EcdsaSignature ecdsa) {}

  static Keygen keygen(Scheme scheme, int t, int n, SecureRandom rng) throws ProtocolAbort {
    List<ShareFile> shares = new ArrayList<>();
    return switch (scheme) {
      case ED25519, BIP340 -> {
        FrostLocal.Keygen k = FrostLocal.keygen(scheme.group(), t, n, rng);
        k.shares().forEach(s -> shares.add(new ShareFile(scheme, s)));
        yield new Keygen(shares, k.bytes(), k.messages());
      }
      case ECDSA -> {
        Dkls23Local.Keygen k = Dkls23Local.keygen(t, n, rng);
        k.shares().forEach(s -> shares.add(new ShareFile(s)));
        yield new Keygen(shares, k.bytes(), k.messages());
      }
    };
  }

  /**
   * Signs with exactly the given shares (one scheme and key, at least the threshold).
   *
   * @param message for ecdsa the 32-byte hash
   * @param tweak ecdsa only, or null: sign under P + tweak·G
   */
  static Signing sign(Scheme scheme, List<ShareFile> shares, byte[] message, Scalar tweak,
      SecureRandom rng) throws ProtocolAbort {
    return switch (scheme) {
      case ED25519, BIP340 -> {
        if (tweak != null) {
          throw new UserError("--tweak is only for ecdsa keys");
        }
        List<KeyShare> keyShares = new ArrayList<>();
        shares.forEach(s -> keyShares.add(s.share));
        FrostLocal.Signing s = FrostLocal.sign(scheme.suite(), keyShares, message, rng);
        byte[] pub = scheme.publicKey(keyShares.get(0).publicKeys().groupKey());
        yield new Signing(s.signature().toBytes(), pub, s.bytes(), s.messages(), null);
      }
      case ECDSA -> {
        List<Dkls23KeyShare> keyShares = new ArrayList<>();
        shares.forEach(s -> keyShares.add(s.ecdsaShare));
        Point key = tweakedKey(keyShares.get(0).publicKey(), tweak);
        Dkls23Local.Signing s = Dkls23Local.sign(keyShares, message, tweak, rng);
        EcdsaSignature sig = s.signature();
        yield new Signing(sig.toCompact(), scheme.publicKey(key), s.bytes(), s.messages(), sig);
      }
    };
  }

  /**
   * P + tweak·G, the key an ecdsa signature with this tweak verifies under.
   *
   * @throws UserError when it is the identity (the tweak is −p)
   */
  static Point tweakedKey(Point groupKey, Scalar tweak) {
    if (tweak == null) {
      return groupKey;
    }
    Point p = groupKey.add(Secp256k1.INSTANCE.multiplyGenerator(tweak));
    if (p.isIdentity()) {
      throw new UserError("--tweak: the tweaked public key would be the point at infinity");
    }
    return p;
  }
}
