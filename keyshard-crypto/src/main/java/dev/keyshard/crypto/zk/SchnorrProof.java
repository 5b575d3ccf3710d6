package dev.keyshard.crypto.zk;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.hash.Transcript;
import dev.keyshard.crypto.secret.SecretScalar;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A non-interactive Schnorr proof of knowledge of x with X = x·G: Schnorr identification made
 * non-interactive by Fiat–Shamir, the proof of FROST's KeyGen round 1, step 2 (Komlo–Goldberg
 * 2020, Figure 1), with a transcript challenge instead of a suite hash. The prover picks k, sets
 * R = k·G, c = challenge(context ‖ X ‖ R) and z = k + c·x, and sends (c, z): the challenge
 * instead of R (Schnorr's original signature form, as in ISO/IEC 14888-3 and BSI TR-03111). The
 * verifier recomputes R' = z·G − c·X and accepts iff c = challenge(context ‖ X ‖ R'). The two
 * forms are equally sound; this one has no point to decode, so it is cheaper to check and shorter
 * on the wire, but cannot be batch-verified, which one proof per sender does not need.
 *
 * <p>The context transcript is how a caller binds session id, party id, protocol and round. A
 * proof made under one context does not verify under another, which stops replay across sessions
 * and between parties (ATTACKS.md, tss-lib CVE-2022-47930 family). The caller's transcript is
 * copied, never modified.
 *
 * <p>Challenge derivation, on a copy of the context: append ("schnorr-pok/group", group name),
 * ("schnorr-pok/X", X), ("schnorr-pok/R", R), then {@link Transcript#challengeScalar(Group)}.
 *
 * <p>Wire form: c ‖ z, canonical scalar encodings (2·{@code scalarLength} bytes), decoded
 * strictly (a non-reduced c or z is rejected).
 *
 * <p>Public data: immutable and thread-safe.
 */
public final class SchnorrProof {
  private final Scalar c;
  private final Scalar z;

  private SchnorrProof(Scalar c, Scalar z) {
    this.c = c;
    this.z = z;
  }

  /**
   * Proves knowledge of x for X = x·G under {@code context}.
   *
   * @param x the secret (not consumed)
   * @param publicKey X, which must equal x·G
   * @param context the caller's binding transcript (session, party, protocol, round); not modified
   * @param rng the source of the one-time nonce k
   * @throws IllegalArgumentException when X ≠ x·G or the groups differ (a caller bug)
   */
  public static SchnorrProof prove(
      SecretScalar x, Point publicKey, Transcript context, SecureRandom rng) {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rng, "rng");
    Group group = publicKey.group();
    if (x.group() != group) {
      throw new IllegalArgumentException("secret and public key of different groups");
    }
    // Free when the caller already computed x·G through this SecretScalar (it keeps the point).
    if (!x.publicPoint().equals(publicKey)) {
      throw new IllegalArgumentException("public key does not match the secret");
    }
    // Fresh non-zero nonce k; R = k·G is never the identity.
    try (SecretScalar k = SecretScalar.random(group, rng)) {
      Scalar c = challenge(context, publicKey, k.publicPoint());
      // z = k + c·x; revealed by design, so it leaves SecretScalar through declassify.
      try (SecretScalar cx = x.multiply(c);
          SecretScalar zSecret = k.add(cx)) {
        return new SchnorrProof(c, zSecret.declassify());
      }
    }
  }

  /**
   * Verifies the proof for X under {@code context}: R' = z·G − c·X, then c = challenge(… R').
   *
   * @param publicKey X, the statement
   * @param context the verifier's own binding transcript; must equal the prover's
   * @throws InvalidProofException when the challenge does not match, R' or X is the identity, or X
   *     is of another group than the proof
   */
  public void verify(Point publicKey, Transcript context) throws InvalidProofException {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(context, "context");
    Group group = c.group();
    if (publicKey.group() != group) {
      throw new InvalidProofException("proof and public key of different groups");
    }
    if (publicKey.isIdentity()) {
      throw new InvalidProofException("public key is the identity");
    }
    Point r = group.multiplyGeneratorAndAdd(z, c.negate(), publicKey);
    // An honest R = k·G with k ≠ 0 is never the identity, which would also have no encoding.
    if (r.isIdentity() || !challenge(context, publicKey, r).equals(c)) {
      throw new InvalidProofException("Schnorr proof of knowledge does not verify");
    }
  }

  private static Scalar challenge(Transcript context, Point publicKey, Point r) {
    Group group = r.group();
    return context.copy()
        .append("schnorr-pok/group", group.name())
        .appendPoint("schnorr-pok/X", publicKey)
        .appendPoint("schnorr-pok/R", r)
        .challengeScalar(group);
  }

  /** The group the proof's scalars belong to. */
  public Group group() {
    return c.group();
  }

  /** c, the Fiat–Shamir challenge. */
  public Scalar challenge() {
    return c;
  }

  /** z, the prover's response. */
  public Scalar response() {
    return z;
  }

  /** The wire form c ‖ z. */
  public byte[] encode() {
    byte[] cb = c.toBytes();
    byte[] zb = z.toBytes();
    byte[] out = Arrays.copyOf(cb, cb.length + zb.length);
    System.arraycopy(zb, 0, out, cb.length, zb.length);
    return out;
  }

  /**
   * Decodes c ‖ z strictly.
   *
   * @throws InvalidEncodingException when the length is not 2·{@code scalarLength} or either half
   *     is not a canonical scalar
   */
  public static SchnorrProof decode(Group group, byte[] bytes) throws InvalidEncodingException {
    Objects.requireNonNull(group, "group");
    int sl = group.scalarLength();
    if (bytes == null || bytes.length != 2 * sl) {
      throw new InvalidEncodingException("Schnorr proof must be " + (2 * sl) + " bytes, got "
          + (bytes == null ? "none" : bytes.length));
    }
    Scalar c = group.decodeScalar(Arrays.copyOfRange(bytes, 0, sl));
    Scalar z = group.decodeScalar(Arrays.copyOfRange(bytes, sl, 2 * sl));
    return new SchnorrProof(c, z);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchnorrProof
        && ((SchnorrProof) o).c.equals(c)
        && ((SchnorrProof) o).z.equals(z);
  }

  @Override
  public int hashCode() {
    return c.hashCode() * 31 + z.hashCode();
  }

  @Override
  public String toString() {
    return "SchnorrProof[" + c.group().name() + "]";
  }
}
