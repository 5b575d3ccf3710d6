package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * The commitment functionality DKLs23 uses for the nonce R_i (Protocol 3.6, round 1), the
 * zero-share seeds (Functionality 3.4 instantiation) and the chain code, as a random-oracle
 * commitment: com = SHA-256 of a {@link Transcript} over (purpose, session binding, sender,
 * recipient, value, salt) with a fresh 32-byte salt.
 *
 * <p>Binding the session and the sender stops a commitment copied from another party or replayed
 * from another session from opening here (the mirror attack; ATTACKS.md, tss-lib proof replay), a
 * fix {@code /work/dkls23-design.md} §1.2 item 5 found missing in 0xCarbon's commitments. The
 * recipient is bound where a commitment is pairwise, and is 0 for a broadcast.
 *
 * <p>Stateless and thread-safe.
 */
final class HashCommitment {
  static final String DOMAIN = "keyshard/dkls23/v1/commit";
  /** Bytes of a salt: 2λ_c bits, so the commitment hides a low-entropy value. */
  static final int SALT_LENGTH = 32;
  /** Bytes of a commitment (SHA-256). */
  static final int LENGTH = 32;

  private HashCommitment() {}

  static byte[] salt(SecureRandom rng) {
    byte[] salt = new byte[SALT_LENGTH];
    rng.nextBytes(salt);
    return salt;
  }

  /**
   * @param recipient the party a pairwise commitment is for, or {@code null} for a broadcast one
   */
  static byte[] commit(String purpose, byte[] binding, PartyId sender, PartyId recipient,
      byte[] value, byte[] salt) {
    Objects.requireNonNull(value, "value");
    if (salt.length != SALT_LENGTH) {
      throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
    }
    return Transcript.of(DOMAIN)
        .append("purpose", purpose)
        .append("binding", binding)
        .appendInt("sender", sender.value())
        .appendInt("recipient", recipient == null ? 0 : recipient.value())
        .append("value", value)
        .append("salt", salt)
        .digest();
  }

  /**
   * Checks that ({@code value}, {@code salt}) opens {@code commitment}, in constant time.
   *
   * @throws ProtocolAbort {@link AbortReason#INVALID_COMMITMENT} naming {@code sender} otherwise
   */
  static void verifyOpening(ProtocolId protocol, int round, String purpose, byte[] binding,
      PartyId sender, PartyId recipient, byte[] commitment, byte[] value, byte[] salt)
      throws ProtocolAbort {
    boolean ok = salt.length == SALT_LENGTH && MessageDigest.isEqual(commitment,
        commit(purpose, binding, sender, recipient, value, salt));
    if (!ok) {
      throw new ProtocolAbort(protocol, round, AbortReason.INVALID_COMMITMENT, sender,
          purpose + " does not open its commitment");
    }
  }
}
