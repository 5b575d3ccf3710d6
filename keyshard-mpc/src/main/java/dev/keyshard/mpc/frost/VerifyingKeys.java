package dev.keyshard.mpc.frost;

import dev.keyshard.crypto.group.Point;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.keys.PublicKeyPackage;
import java.util.Map;

/**
 * The group key and verifying shares as a suite signs with them (frost-core's
 * {@code pre_sign}/{@code pre_aggregate} output), with the encodings the hashes need computed once:
 * {@code SerializeElement(P)} for the binding factors (RFC 9591 §4.4) and its compact form for the
 * challenge (§4.6). For {@link Secp256k1Tr} a key with odd y is negated here, with every verifying
 * share; signers then negate their signing share to match ({@link #negated()}).
 *
 * <p>Public values only. Immutable and thread-safe.
 */
final class VerifyingKeys {
  private final FrostCiphersuite suite;
  private final PublicKeyPackage keys;
  private final byte[] groupKeyEncoding;
  private final byte[] compactGroupKey;
  private final boolean negated;

  private VerifyingKeys(FrostCiphersuite suite, PublicKeyPackage keys, byte[] groupKeyEncoding,
      boolean negated) {
    this.suite = suite;
    this.keys = keys;
    this.groupKeyEncoding = groupKeyEncoding;
    this.compactGroupKey = suite.compact(groupKeyEncoding);
    this.negated = negated;
  }

  /**
   * @throws IllegalArgumentException when the keys are of another group than the suite's
   */
  static VerifyingKeys of(FrostCiphersuite suite, PublicKeyPackage keys) {
    if (keys.group() != suite.group()) {
      throw new IllegalArgumentException(keys.group().name() + " keys cannot sign with "
          + suite.contextString());
    }
    byte[] encoding = keys.groupKey().toBytes();
    if (!suite.negatesKey(encoding)) {
      return new VerifyingKeys(suite, keys, encoding, false);
    }
    PublicKeyPackage even = keys.negate();
    return new VerifyingKeys(suite, even, even.groupKey().toBytes(), true);
  }

  FrostCiphersuite suite() {
    return suite;
  }

  Committee committee() {
    return keys.committee();
  }

  /** The (normalised) group public key P. */
  Point groupKey() {
    return keys.groupKey();
  }

  /** SerializeElement(P), as the binding factors hash it. */
  byte[] groupKeyEncoding() {
    return groupKeyEncoding;
  }

  /** P as the challenge hashes it. */
  byte[] compactGroupKey() {
    return compactGroupKey;
  }

  /** The (normalised) verifying share PK_i. */
  Point verifyingShare(PartyId id) {
    return keys.verifyingShare(id);
  }

  Map<PartyId, Point> verifyingShares() {
    return keys.verifyingShares();
  }

  /** Whether the key was negated, so signers must use −s_i. */
  boolean negated() {
    return negated;
  }
}
