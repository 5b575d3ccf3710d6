package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.ot.OtSession;
import dev.keyshard.mpc.PartyId;

/**
 * What one random-VOLE instance of a signing session is bound to: the signing session binding, the
 * ordered pair (Alice = extension sender, Bob = extension receiver) and Bob's fresh 32-byte nonce.
 * The OT extension's session ({@link OtSession}) and Protocol 5.2's hashes θ and μ all use it.
 *
 * <p>Why the nonce: the extension's PRG streams depend only on the seeds and this binding, so two
 * extensions under one binding would XOR to the difference of Bob's choice bits. Bob's own fresh
 * nonce keeps his binding unique even if a coordinator reuses a signing session id
 * ({@code /work/dkls23-design.md} §5). Alice's side relies on the signing session being fresh,
 * which {@link Dkls23KeyShare#claimSignSession} guards in memory.
 *
 * <p>Immutable.
 */
final class VoleBinding {
  static final String DOMAIN = "keyshard/dkls23/v1/vole";
  /** Bytes of Bob's nonce. */
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
