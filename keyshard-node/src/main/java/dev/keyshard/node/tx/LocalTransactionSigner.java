package dev.keyshard.node.tx;

import dev.keyshard.chains.tx.ChainSignature;
import dev.keyshard.chains.tx.InvalidTransactionSignatureException;
import dev.keyshard.chains.tx.SignatureCheck;
import dev.keyshard.chains.tx.SigningKey;
import dev.keyshard.chains.tx.SigningRequest;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.tx.VaultKeys;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkls23.Dkls23KeyShare;
import dev.keyshard.mpc.dkls23.EcdsaSignature;
import dev.keyshard.mpc.frost.Ed25519Sha512;
import dev.keyshard.mpc.frost.Secp256k1Tr;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.local.Dkls23Local;
import dev.keyshard.mpc.local.FrostLocal;
import dev.keyshard.vault.KeyshardVaultShare;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Signs a transaction with t shares of one vault held in this process (the CLI's file mode): one
 * threshold protocol run per {@link SigningRequest}, through the real state machines and codecs —
 * DKLs23 for ECDSA under the path's BIP-32 tweak (low S, with recovery id), FROST-TR for TAPROOT
 * under the BIP-86 output key ({@link TaprootShares}), FROST(Ed25519, SHA-512) for ED25519 with
 * the root EdDSA key. Every signature is checked by {@link SignatureCheck} (BouncyCastle) before
 * it is returned.
 */
public final class LocalTransactionSigner {
  private LocalTransactionSigner() {}

  /**
   * The signatures {@code tx.signingRequests()} asks for, in order; pass them to
   * {@code tx.assemble}.
   *
   * @throws TransactionSigningException see {@link #sign(List, List, SecureRandom)}
   */
  public static List<ChainSignature> sign(UnsignedTransaction tx, List<KeyshardVaultShare> shares,
      SecureRandom rng) throws TransactionSigningException {
    return sign(tx.signingRequests(), shares, rng);
  }

  /**
   * @param shares at least t shares of one vault, each party once; not changed
   * @throws TransactionSigningException when the shares are fewer than t, of different vaults or
   *     repeat a party, when a protocol aborts, or when a signature fails its check
   */
  public static List<ChainSignature> sign(List<SigningRequest> requests,
      List<KeyshardVaultShare> shares, SecureRandom rng) throws TransactionSigningException {
    Objects.requireNonNull(rng, "rng");
    VaultKeys keys = requireOneVault(shares);
    List<ChainSignature> out = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      SigningRequest request = requests.get(i);
      SigningKey key = request.signingKey(keys);
      ChainSignature sig;
      try {
        sig = signOne(request, key, shares, rng);
      } catch (ProtocolAbort a) {
        throw new TransactionSigningException("signature " + (i + 1) + " (" + request.scheme()
            + ") aborted: " + a.getMessage(), a);
      }
      try {
        SignatureCheck.verify(request, key, sig);
      } catch (InvalidTransactionSignatureException e) {
        throw new TransactionSigningException("signature " + (i + 1) + " failed its check: "
            + e.getMessage(), e);
      }
      out.add(sig);
    }
    return List.copyOf(out);
  }

  private static ChainSignature signOne(SigningRequest request, SigningKey key,
      List<KeyshardVaultShare> shares, SecureRandom rng)
      throws ProtocolAbort, TransactionSigningException {
    switch (request.scheme()) {
      case ECDSA: {
        List<Dkls23KeyShare> ecdsa = new ArrayList<>();
        shares.forEach(s -> ecdsa.add(s.ecdsa()));
        EcdsaSignature sig = Dkls23Local.sign(ecdsa, request.message(), key.derivationTweak(), rng)
            .signature().normalizeLowS();
        return new ChainSignature(sig.toCompact(), sig.recoveryId());
      }
      case TAPROOT: {
        List<KeyShare> tweaked = new ArrayList<>();
        try {
          for (KeyshardVaultShare s : shares) {
            tweaked.add(TaprootShares.of(s.ecdsa().keyShare(), key));
          }
          return ChainSignature.schnorr(
              FrostLocal.sign(Secp256k1Tr.INSTANCE, tweaked, request.message(), rng)
                  .signature().toBytes());
        } finally {
          tweaked.forEach(KeyShare::destroy);
        }
      }
      case ED25519: {
        List<KeyShare> eddsa = new ArrayList<>();
        shares.forEach(s -> eddsa.add(s.eddsa()));
        return ChainSignature.schnorr(
            FrostLocal.sign(Ed25519Sha512.INSTANCE, eddsa, request.message(), rng)
                .signature().toBytes());
      }
      default:
        throw new IllegalStateException("unhandled scheme " + request.scheme());
    }
  }

  private static VaultKeys requireOneVault(List<KeyshardVaultShare> shares)
      throws TransactionSigningException {
    if (shares == null || shares.isEmpty()) {
      throw new TransactionSigningException("no shares to sign with");
    }
    KeyshardVaultShare first = shares.get(0);
    Set<PartyId> parties = new TreeSet<>();
    for (KeyshardVaultShare s : shares) {
      if (!s.info().id().equals(first.info().id())) {
        throw new TransactionSigningException("the shares are of different vaults ("
            + first.info().name() + " and " + s.info().name() + ")");
      }
      if (!parties.add(s.self())) {
        throw new TransactionSigningException("two shares of party " + s.self().value()
            + " given; each device's share counts once");
      }
    }
    int t = first.info().threshold();
    if (shares.size() < t) {
      throw new TransactionSigningException("vault " + first.info().name() + " needs " + t
          + " shares to sign, " + shares.size() + " given");
    }
    return VaultKeys.of(first.info());
  }
}
