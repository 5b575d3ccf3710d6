package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.zk.SchnorrProof;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolMessage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.security.auth.Destroyable;

/**
 * The bodies of the dealerless Pedersen DKG, one per round (wire form: {@code dkg.proto}, codec:
 * {@link DkgCodec}). Bodies carry what a peer sent and are deliberately not validated here beyond
 * null checks: {@link DkgParty} checks counts, points and proofs and names the sender, so a test can
 * build the malformed bodies an attacker would send.
 *
 * <p>All bodies have value equality (so an identical re-delivery is recognised); none hashes or
 * prints a secret.
 */
public sealed interface DkgMessage extends ProtocolMessage
    permits DkgMessage.Commitment, DkgMessage.Echo, DkgMessage.Share, DkgMessage.Confirmation {

  /**
   * Round 1, broadcast: the Feldman commitment C_k = a_k·G to the sender's polynomial (exactly t
   * points when honest) and a Schnorr proof of knowledge of a_0 (FROST KeyGen round 1, steps 2–4).
   */
  record Commitment(List<Point> coefficients, SchnorrProof proofOfKnowledge)
      implements DkgMessage {
    public Commitment {
      coefficients = List.copyOf(coefficients);
      Objects.requireNonNull(proofOfKnowledge, "proofOfKnowledge");
    }
  }

  /**
   * Round 2, broadcast: for each committee member, the digest of its round-1 message as the sender
   * received it. Comparing echoes detects a party that sent different round-1 messages to different
   * parties (ATTACKS.md, ToB DKLs23 broadcast consistency).
   */
  record Echo(SortedMap<PartyId, byte[]> digests) implements DkgMessage {
    public Echo {
      TreeMap<PartyId, byte[]> copy = new TreeMap<>();
      digests.forEach((id, d) -> copy.put(Objects.requireNonNull(id), d.clone()));
      digests = Collections.unmodifiableSortedMap(copy);
    }

    /** A copy of the digests, keyed by the round-1 sender. */
    @Override
    public SortedMap<PartyId, byte[]> digests() {
      TreeMap<PartyId, byte[]> copy = new TreeMap<>();
      digests.forEach((id, d) -> copy.put(id, d.clone()));
      return copy;
    }

    /** The digest echoed for {@code sender}'s round-1 message, or null when absent. */
    public byte[] digest(PartyId sender) {
      byte[] d = digests.get(sender);
      return d == null ? null : d.clone();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Echo)) {
        return false;
      }
      Map<PartyId, byte[]> other = ((Echo) o).digests;
      if (!other.keySet().equals(digests.keySet())) {
        return false;
      }
      for (Map.Entry<PartyId, byte[]> e : digests.entrySet()) {
        if (!Arrays.equals(e.getValue(), other.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 0;
      for (Map.Entry<PartyId, byte[]> e : digests.entrySet()) {
        h = 31 * h + e.getKey().hashCode() * 17 + Arrays.hashCode(e.getValue());
      }
      return h;
    }

    @Override
    public String toString() {
      return "Echo" + digests.keySet();
    }
  }

  /**
   * Round 3, point-to-point: the share f_i(j) of the sender's polynomial for the recipient j (FROST
   * KeyGen round 2, step 1).
   *
   * <h2>Security</h2>
   * The share is secret: it travels only through the transport's encrypted channel, is never
   * printed or hashed, and is destroyed by the party that holds it once used. A class rather than
   * a record, so nothing generated can print or hash it.
   */
  final class Share implements DkgMessage, Destroyable {
    private final SecretScalar value;

    /** Takes ownership of {@code value}. */
    public Share(SecretScalar value) {
      this.value = Objects.requireNonNull(value, "value");
    }

    /** The share itself; callers must not destroy it (use {@link SecretScalar#copy()}). */
    public SecretScalar value() {
      return value;
    }

    /** Constant-time comparison of the shares. */
    @Override
    public boolean equals(Object o) {
      return o instanceof Share && ((Share) o).value.equalsSecret(value);
    }

    /** Constant: a secret is never hashed. */
    @Override
    public int hashCode() {
      return Share.class.hashCode();
    }

    @Override
    public void destroy() {
      value.destroy();
    }

    @Override
    public boolean isDestroyed() {
      return value.isDestroyed();
    }

    @Override
    public String toString() {
      return "Share[redacted]";
    }
  }

  /**
   * Round 4, broadcast: the digest of the sender's view of the result (committee, group key, all
   * verifying shares). No party finishes unless all agree (ATTACKS.md, ToB DKLs23 confirm round).
   */
  record Confirmation(byte[] digest) implements DkgMessage {
    public Confirmation {
      digest = digest.clone();
    }

    /** A copy of the digest. */
    @Override
    public byte[] digest() {
      return digest.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Confirmation && Arrays.equals(((Confirmation) o).digest, digest);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(digest);
    }

    @Override
    public String toString() {
      return "Confirmation";
    }
  }
}
