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
 * non-interactive by Fiat–Shamir, the shape of the proof in FROST's KeyGen round 1, step 2
 * (Komlo–Goldberg 2020, Figure 1), with a transcript challenge instead of a suite hash. The prover
 * sends (R = k·G, z = k + c·x) with c = challenge(context ‖ X ‖ R); the verifier checks
 * z·G = R + c·X.
 *
 * <p>The context transcript is how a caller binds session id, party id, protocol and round. A
 * proof made under one context does not verify under another, which stops replay across sessions
 * and between parties (ATTACKS.md, tss-lib CVE-2022-47930 family). The caller's transcript is
 * copied, never modified.
 *
 * <p>Challenge derivation, on a copy of the context: append ("schnorr-pok/group", group name),
 * ("schnorr-pok/X", X), ("schnorr-pok/R", R), then {@link Transcript#challengeScalar(Group)}.
 *
 * <p>Wire form: R ‖ z, canonical encodings ({@code pointLength + scalarLength} bytes). Decoding is
 * strict: an identity, off-curve or non-canonical R, or a non-reduced z, is rejected.
 *
 * <p>Public data: immutable and thread-safe.
 */
public final class SchnorrProof {
  private final Point r;
  private final Scalar z;

  private SchnorrProof(Point r, Scalar z) {
    this.r = r;
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
    if (!x.publicPoint().equals(publicKey)) {
      throw new IllegalArgumentException("public key does not match the secret");
    }
    // Fresh non-zero nonce k; R = k·G is never the identity.
    try (SecretScalar k = SecretScalar.random(group, rng)) {
      Point r = k.publicPoint();
      Scalar c = challenge(context, publicKey, r);
      // z = k + c·x; revealed by design, so it leaves SecretScalar through declassify.
      try (SecretScalar cx = x.multiply(c);
          SecretScalar zSecret = k.add(cx)) {
        return new SchnorrProof(r, zSecret.declassify());
      }
    }
  }

  /**
   * Verifies the proof for X under {@code context}: z·G = R + c·X.
   *
   * @param publicKey X, the statement
   * @param context the verifier's own binding transcript; must equal the prover's
   * @throws InvalidProofException when the equation fails, X is the identity, or X is of another
   *     group than the proof
   */
  public void verify(Point publicKey, Transcript context) throws InvalidProofException {
    Objects.requireNonNull(publicKey, "publicKey");
    Objects.requireNonNull(context, "context");
    Group group = r.group();
    if (publicKey.group() != group) {
      throw new InvalidProofException("proof and public key of different groups");
    }
    if (publicKey.isIdentity()) {
      throw new InvalidProofException("public key is the identity");
    }
    Scalar c = challenge(context, publicKey, r);
    // z·G + (−c)·X must equal R.
    Point lhs = group.multiplyGeneratorAndAdd(z, c.negate(), publicKey);
    if (!lhs.equals(r)) {
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

  /** R, the prover's commitment. */
  public Point commitment() {
    return r;
  }

  /** z, the prover's response. */
  public Scalar response() {
    return z;
  }

  /** The wire form R ‖ z. */
  public byte[] encode() {
    byte[] rb = r.toBytes();
    byte[] zb = z.toBytes();
    byte[] out = Arrays.copyOf(rb, rb.length + zb.length);
    System.arraycopy(zb, 0, out, rb.length, zb.length);
    return out;
  }

  /**
   * Decodes R ‖ z strictly.
   *
   * @throws InvalidEncodingException when the length is not {@code pointLength + scalarLength}, R
   *     is not a valid non-identity element, or z is not a canonical scalar
   */
  public static SchnorrProof decode(Group group, byte[] bytes) throws InvalidEncodingException {
    Objects.requireNonNull(group, "group");
    int pl = group.pointLength();
    int sl = group.scalarLength();
    if (bytes == null || bytes.length != pl + sl) {
      throw new InvalidEncodingException("Schnorr proof must be " + (pl + sl) + " bytes, got "
          + (bytes == null ? "none" : bytes.length));
    }
    Point r = group.decodePoint(Arrays.copyOfRange(bytes, 0, pl));
    Scalar z = group.decodeScalar(Arrays.copyOfRange(bytes, pl, pl + sl));
    return new SchnorrProof(r, z);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SchnorrProof
        && ((SchnorrProof) o).r.equals(r)
        && ((SchnorrProof) o).z.equals(z);
  }

  @Override
  public int hashCode() {
    return r.hashCode() * 31 + z.hashCode();
  }

  @Override
  public String toString() {
    return "SchnorrProof[R=" + r + "]";
  }
}
