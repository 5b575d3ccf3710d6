package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.ot.OtSession;
import dev.keyshard.mpc.PartyId;

/**
 * What one random-VOLE instance of a signing session is bound to: the signing session binding, the
 * ordered pair (Alice = extension sender, Bob = extension receiver) and Bob's fresh 32-byte nonce.
 * The OT extension's session ({@link OtSession}) uses it; Alice's random-OT pads and Protocol 5.2's
 * hashes θ and μ use {@link #withAliceNonce}, which also binds Alice's fresh 32-byte nonce.
 *
 * <p>Why the nonces: the extension's PRG streams depend only on the seeds and this binding, so two
 * extensions under one binding would XOR to the difference of Bob's choice bits. Bob's own fresh
 * nonce keeps his binding unique even if a coordinator reuses a signing session id
 * ({@code /work/dkls23-design.md} §5). Symmetrically, Alice's pads v_b = H(sid, j, Q_j ⊕ bΔ) would
 * otherwise depend only on this binding and Bob's message: a malicious Bob whose coordinator reuses
 * a signing session id could replay his old extension (same u, x̂, t̂ and nonce), pass the KOS
 * check, get the same pads again and read Alice's input difference from ã′ − ã. Alice's fresh
 * nonce, sampled per VOLE and sent with ã, makes her VOLE session unique even if the signing
 * session id is reused; the in-memory guard {@link Dkls23KeyShare#claimSignSession} is only a
 * second line of defence.
 *
 * <p>Immutable.
 */
final class VoleBinding {
  static final String DOMAIN = "keyshard/dkls23/v1/vole";
  static final String ALICE_NONCE_DOMAIN = "keyshard/dkls23/v1/vole/alice-nonce";
  /** Bytes of Bob's nonce, and of Alice's. */
  static final int NONCE_LENGTH = 32;

  private final byte[] digest;
  private final OtSession otSession;

  private VoleBinding(byte[] digest, OtSession otSession) {
    this.digest = digest;
    this.otSession = otSession;
  }

  static VoleBinding of(byte[] signBinding, PartyId alice, PartyId bob, byte[] bobNonce) {
    if (bobNonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("VOLE nonce must be " + NONCE_LENGTH + " bytes");
    }
    byte[] digest = Transcript.of(DOMAIN)
        .append("sign", signBinding)
        .appendInt("alice", alice.value())
        .appendInt("bob", bob.value())
        .append("nonce", bobNonce)
        .digest();
    return new VoleBinding(digest, OtSession.of(digest, new byte[] {(byte) alice.value()},
        new byte[] {(byte) bob.value()}));
  }

  /**
   * This binding with Alice's fresh nonce absorbed: the digest for θ and μ. The OT session stays
   * Bob's (the KOS check runs on what Bob could know); Alice's nonce reaches the random-OT pads
   * through {@code KosSender.transfer(alpha, nonce)}.
   */
  VoleBinding withAliceNonce(byte[] aliceNonce) {
    if (aliceNonce.length != NONCE_LENGTH) {
      throw new IllegalArgumentException("Alice's VOLE nonce must be " + NONCE_LENGTH + " bytes");
    }
    byte[] fresh = Transcript.of(ALICE_NONCE_DOMAIN)
        .append("vole", digest)
        .append("alice-nonce", aliceNonce)
        .digest();
    return new VoleBinding(fresh, otSession);
  }

  /** The 32-byte binding digest (a copy). */
  byte[] digest() {
    return digest.clone();
  }

  OtSession otSession() {
    return otSession;
  }

  @Override
  public String toString() {
    return "VoleBinding[" + otSession + "]";
  }
}
