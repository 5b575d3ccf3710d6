package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.mpc.PartyId;
import java.util.SortedMap;

/**
 * The vault's joint chain code (BIP-32 non-hardened derivation, DESIGN.md "HD derivation"), drawn
 * by coin flipping at key generation: each party commits to 32 random bytes in round 1 (a broadcast
 * {@link HashCommitment} bound to the session and the sender), the commitments are echoed in round
 * 2, and only then, in round 3, is each contribution opened. The chain code is a hash of all
 * contributions in id order, so it is uniform as long as one party is honest, and no party can
 * choose it after seeing the others'. The confirm round compares it.
 *
 * <p>Stateless and thread-safe.
 */
final class ChainCode {
  static final String PURPOSE = "chain-code";
  static final String DOMAIN = "keyshard/dkls23/v1/chain-code";
  /** Bytes of a contribution and of the chain code. */
  static final int LENGTH = 32;

  private ChainCode() {}

  /** SHA-256 over (session binding, every party's contribution in ascending id order). */
  static byte[] combine(byte[] sessionBinding, SortedMap<PartyId, byte[]> contributions) {
    Transcript t = Transcript.of(DOMAIN).append("session", sessionBinding);
    for (var e : contributions.entrySet()) {
      t.appendInt("party", e.getKey().value()).append("contribution", e.getValue());
    }
    return t.digest();
  }
}
