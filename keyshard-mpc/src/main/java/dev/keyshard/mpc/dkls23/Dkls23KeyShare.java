package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.keys.KeyShare;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.security.auth.Destroyable;

/**
 * One party's DKLs23 key share: the output of {@link Dkls23KeygenParty} and the input of
 * {@link Dkls23SignParty} (DKLs23 Protocol 3.6, "Init"). It holds
 * <ul>
 *   <li>the Shamir share p(i) of the secret key and the public key package (group key P and every
 *       party's verifying share), as a {@link KeyShare};
 *   <li>the joint chain code (BIP-32, non-hardened derivation);
 *   <li>the key generation id (the DKG session transcript hash), which every signing binds;
 *   <li>per peer: the F_Zero seed and both OT extension setups ({@link PeerSetup}).
 * </ul>
 *
 * <h2>Security</h2>
 * Must never leave the device unencrypted. The signing share, zero seeds and OT setups are secret:
 * with t shares the key is recovered, and one party's OT setup lets its peer's VOLE inputs be
 * read. {@link #toString()} prints only public parts; export is only through
 * {@link Dkls23KeyShareCodec#encode(Dkls23KeyShare, dev.keyshard.crypto.secret.SecretAccess)}.
 * {@link #destroy()} wipes all secrets (best effort: the JVM may hold copies).
 *
 * <p>It also remembers, in memory only, every signing session it took part in and refuses a repeat
 * ({@link #claimSignSession}): a repeated session would replay the OT extension streams
 * ({@link VoleBinding}). A node that persists shares must keep session ids fresh across restarts.
 * A failed KOS check burns the pair's sender setup; {@link Dkls23KeyShareCodec} stores the burn,
 * so the node must save the share again after such an abort, and re-run key generation or a
 * refresh with that peer before signing with it again.
 *
 * <p>Not thread-safe.
 */
public final class Dkls23KeyShare implements Destroyable {
  private final KeyShare keyShare;
  private final byte[] keygenId;
  private final byte[] chainCode;
  private final SortedMap<PartyId, PeerSetup> peers;
  private final Set<ByteBuffer> signSessions = new HashSet<>();

  /**
   * Takes ownership of {@code keyShare} and {@code peers}.
   *
   * @throws IllegalArgumentException when the peers are not exactly the other committee members,
   *     the group is not secp256k1, or an id or chain code has the wrong length
   */
  Dkls23KeyShare(KeyShare keyShare, byte[] keygenId, byte[] chainCode,
      Map<PartyId, PeerSetup> peers) {
    this.keyShare = Objects.requireNonNull(keyShare, "keyShare");
    if (keyShare.publicKeys().group() != dev.keyshard.crypto.group.Secp256k1.INSTANCE) {
      throw new IllegalArgumentException("DKLs23 keys are secp256k1 keys");
    }
    if (keygenId.length != 32 || chainCode.length != ChainCode.LENGTH) {
      throw new IllegalArgumentException("keygen id and chain code must be 32 bytes");
    }
    if (!peers.keySet().equals(committee().others(keyShare.self()))) {
      throw new IllegalArgumentException("peer setups must cover exactly the other parties");
    }
    this.keygenId = keygenId.clone();
    this.chainCode = chainCode.clone();
    this.peers = Collections.unmodifiableSortedMap(new TreeMap<>(peers));
  }

  public PartyId self() {
    return keyShare.self();
  }

  public Committee committee() {
    return keyShare.publicKeys().committee();
  }

  /** The public key package: group key P and every verifying share. */
  public PublicKeyPackage publicKeys() {
    return keyShare.publicKeys();
  }

  /** P, the ECDSA public key. */
  public Point publicKey() {
    return keyShare.publicKeys().groupKey();
  }

  /** A copy of the 32-byte chain code. */
  public byte[] chainCode() {
    return chainCode.clone();
  }

  /** A copy of the 32-byte key generation id every signing session binds. */
  public byte[] keygenId() {
    return keygenId.clone();
  }

  /**
   * p(i), owned by this share: callers must not destroy it (use {@link SecretScalar#copy()}).
   * Public for emergency recovery, which interpolates t of them; its bytes still need a
   * {@code SecretAccess} token.
   */
  public SecretScalar signingShare() {
    return keyShare.signingShare();
  }

  /**
   * The Shamir share p(i) with the public key package, as a plain threshold key: the same secret
   * also signs BIP-340 Schnorr with FROST ({@link dev.keyshard.mpc.frost.Secp256k1Tr}, under a
   * {@link dev.keyshard.mpc.frost.TaprootTweak taproot tweak}), as single-key wallets use one key
   * for ECDSA and taproot. Owned by this object: callers must not destroy it; tweaking returns
   * new shares.
   */
  public KeyShare keyShare() {
    return keyShare;
  }

  PeerSetup peer(PartyId id) {
    PeerSetup p = peers.get(id);
    if (p == null) {
      throw new IllegalArgumentException(id + " is not a peer of " + self());
    }
    return p;
  }

  SortedMap<PartyId, PeerSetup> peers() {
    return peers;
  }

  /**
   * Records a signing session binding; refuses one seen before by this share object.
   *
   * @throws IllegalStateException when the session was already used
   */
  void claimSignSession(byte[] binding) {
    if (!signSessions.add(ByteBuffer.wrap(binding.clone()))) {
      throw new IllegalStateException("this signing session was already run with this key share");
    }
  }

  @Override
  public void destroy() {
    keyShare.destroy();
    peers.values().forEach(PeerSetup::destroy);
  }

  @Override
  public boolean isDestroyed() {
    return keyShare.isDestroyed();
  }

  @Override
  public String toString() {
    return "Dkls23KeyShare[" + self() + ", " + committee() + ", key " + publicKey()
        + ", keygen " + HexFormat.of().formatHex(keygenId, 0, 8) + ", secrets redacted]";
  }
}
