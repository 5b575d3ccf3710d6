package dev.keyshard.mpc.keys;

import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.security.auth.Destroyable;

/**
 * Trusted-dealer key generation (RFC 9591 Appendix C {@code trusted_dealer_keygen}, with
 * {@code secret_share_shard} of Appendix C.1): a secret polynomial {@code f(x) = a_0 + a_1·x + … +
 * a_{t−1}·x^{t−1}} with {@code a_0} the group secret; party i's share is {@code f(i)}, the group
 * key {@code a_0·G} and party i's verifying share {@code f(i)·G}.
 *
 * <p>For tests, the RFC 9591 vectors (built from given coefficients) and key import. Vaults are
 * made by distributed key generation; a dealer is a single point of failure.
 *
 * <h2>Security</h2>
 * The dealer holds the whole secret. Use it inside try-with-resources or call {@link #destroy()}
 * as soon as the shares are handed out (RFC 9591 Appendix C: "The trusted dealer MUST delete the
 * secret_key and secret_key_shares upon completion"). {@link #toString()} prints no secret.
 *
 * <p>Not thread-safe.
 */
public final class TrustedDealer implements Destroyable, AutoCloseable {
  private final Group group;
  private final List<SecretScalar> coefficients;

  /**
   * A dealer for the polynomial with these coefficients, constant term (the group secret) first.
   * Copies them; the caller keeps ownership of its own.
   *
   * @throws IllegalArgumentException when there are fewer than 2 coefficients (t ≥ 2), they mix
   *     groups, or the secret is zero
   */
  public TrustedDealer(List<SecretScalar> coefficients) {
    Objects.requireNonNull(coefficients, "coefficients");
    if (coefficients.size() < 2) {
      throw new IllegalArgumentException("a threshold key needs t >= 2 coefficients");
    }
    this.group = coefficients.get(0).group();
    List<SecretScalar> copy = new ArrayList<>();
    for (SecretScalar a : coefficients) {
      if (a.group() != group) {
        throw new IllegalArgumentException("coefficients of different groups");
      }
      copy.add(a.copy());
    }
    if (copy.get(0).isZero()) {
      copy.forEach(SecretScalar::destroy);
      throw new IllegalArgumentException("the group secret must not be zero");
    }
    this.coefficients = Collections.unmodifiableList(copy);
  }

  /** A dealer for a fresh random secret and threshold t (RFC 9591 Appendix C). */
  public static TrustedDealer random(Group group, int threshold, SecureRandom rng) {
    try (SecretScalar secret = SecretScalar.random(group, rng)) {
      return splitting(secret, threshold, rng);
    }
  }

  /**
   * A dealer that shares an existing {@code secret} with threshold t, drawing the other
   * coefficients from {@code rng} ({@code trusted_dealer_keygen(secret_key, …)}).
   *
   * @throws IllegalArgumentException when t < 2 or the secret is zero
   */
  public static TrustedDealer splitting(SecretScalar secret, int threshold, SecureRandom rng) {
    if (threshold < 2) {
      throw new IllegalArgumentException("need t >= 2, got " + threshold);
    }
    List<SecretScalar> coefficients = new ArrayList<>();
    coefficients.add(secret);
    // RFC 9591 Appendix C: for i in range(0, MIN_PARTICIPANTS - 1):
    //   coefficients.append(G.RandomScalar())
    for (int i = 1; i < threshold; i++) {
      coefficients.add(SecretScalar.random(secret.group(), rng));
    }
    try {
      return new TrustedDealer(coefficients);
    } finally {
      coefficients.subList(1, coefficients.size()).forEach(SecretScalar::destroy);
    }
  }

  public Group group() {
    return group;
  }

  /** t: the number of coefficients. */
  public int threshold() {
    return coefficients.size();
  }

  /**
   * Shares the secret among {@code committee}: RFC 9591 Appendix C.1 {@code secret_share_shard},
   * evaluating f at each party's identifier, and {@code vss_commit}'s first element as group key.
   *
   * @throws IllegalArgumentException when the committee's threshold differs from this dealer's
   * @throws IllegalStateException after {@link #destroy()}
   */
  public Shares deal(Committee committee) {
    if (committee.threshold() != threshold()) {
      throw new IllegalArgumentException("committee " + committee + " needs t = "
          + committee.threshold() + ", this polynomial has t = " + threshold());
    }
    Map<PartyId, SecretScalar> secrets = new TreeMap<>();
    Map<PartyId, Point> verifying = new TreeMap<>();
    for (PartyId id : committee.parties()) {
      SecretScalar y = evaluate(id.toScalar(group));
      secrets.put(id, y);
      verifying.put(id, y.publicPoint());
    }
    PublicKeyPackage publicKeys = new PublicKeyPackage(group, committee,
        coefficients.get(0).publicPoint(), verifying);
    Map<PartyId, KeyShare> shares = new TreeMap<>();
    secrets.forEach((id, y) -> shares.put(id, new KeyShare(id, y, publicKeys)));
    return new Shares(Collections.unmodifiableMap(shares), publicKeys);
  }

  /** RFC 9591 Appendix C.1 {@code polynomial_evaluate}, Horner's method, in constant time. */
  private SecretScalar evaluate(Scalar x) {
    SecretScalar value = coefficients.get(coefficients.size() - 1).copy();
    for (int k = coefficients.size() - 2; k >= 0; k--) {
      try (SecretScalar scaled = value.multiply(x)) {
        value.destroy();
        value = scaled.add(coefficients.get(k));
      }
    }
    return value;
  }

  /** The dealt key: one {@link KeyShare} per party and the public key package they share. */
  public record Shares(Map<PartyId, KeyShare> keyShares, PublicKeyPackage publicKeys) {
    public KeyShare of(PartyId id) {
      KeyShare s = keyShares.get(id);
      if (s == null) {
        throw new IllegalArgumentException(id + " has no share");
      }
      return s;
    }
  }

  /** Wipes the coefficients (best effort, see {@link SecretScalar#destroy()}). */
  @Override
  public void destroy() {
    coefficients.forEach(SecretScalar::destroy);
  }

  @Override
  public boolean isDestroyed() {
    return coefficients.get(0).isDestroyed();
  }

  @Override
  public void close() {
    destroy();
  }

  @Override
  public String toString() {
    return "TrustedDealer[" + group.name() + ", t=" + threshold() + ", redacted]";
  }
}
