package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * An ECDSA signature over secp256k1 (SEC 1 §4.1): (r, s) with a recovery id, the form DKLs23
 * signing outputs (DKLs23 Protocol 3.6, output step; normalised as Bitcoin and Ethereum require).
 *
 * <p>The recovery id is {@code (R.y odd ? 1 : 0) | (R.x ≥ q ? 2 : 0)} for the nonce point R, so a
 * verifier can recover the public key from (message, r, s, id), as libsecp256k1's
 * {@code ecdsa_recover} and Ethereum's {@code v} do. {@link #normalizeLowS()} replaces s by q − s
 * when s &gt; q/2 (BIP-146 LOW_S, EIP-2); −s belongs to the nonce point −R, whose y has the other
 * parity, so the recovery id's low bit flips with it.
 *
 * <p>Encodings: compact {@code r ‖ s} (64 bytes, big-endian), recoverable {@code r ‖ s ‖ id} (65
 * bytes), and strict DER (BIP-66: minimal positive INTEGERs, no trailing bytes). Every decoder
 * rejects r or s outside [1, q−1].
 *
 * <p>Public data: immutable, thread-safe, with value equality.
 */
public final class EcdsaSignature {
  /** Bytes of {@link #toCompact()}. */
  public static final int COMPACT_LENGTH = 64;
  /** Bytes of {@link #toCompactRecoverable()}. */
  public static final int RECOVERABLE_LENGTH = 65;
  /** The longest strict DER encoding: 2 + 2·(2 + 33). */
  public static final int MAX_DER_LENGTH = 72;

  private static final Secp256k1 CURVE = Secp256k1.INSTANCE;
  private static final BigInteger Q = CURVE.order();
  private static final BigInteger HALF_Q = Q.shiftRight(1);

  private final Scalar r;
  private final Scalar s;
  private final int recoveryId;

  private EcdsaSignature(Scalar r, Scalar s, int recoveryId) {
    this.r = r;
    this.s = s;
    this.recoveryId = recoveryId;
  }

  /**
   * @param r x(R) mod q, non-zero
   * @param s non-zero
   * @param recoveryId 0 to 3
   * @throws IllegalArgumentException when r or s is zero, of another group, or the id is out of
   *     range
   */
  public static EcdsaSignature of(Scalar r, Scalar s, int recoveryId) {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (r.group() != CURVE || s.group() != CURVE) {
      throw new IllegalArgumentException("ECDSA signature scalars must be secp256k1 scalars");
    }
    if (r.isZero() || s.isZero()) {
      throw new IllegalArgumentException("r and s must be non-zero");
    }
    if (recoveryId < 0 || recoveryId > 3) {
      throw new IllegalArgumentException("recovery id must be 0 to 3, got " + recoveryId);
    }
    return new EcdsaSignature(r, s, recoveryId);
  }

  public Scalar r() {
    return r;
  }

  public Scalar s() {
    return s;
  }

  /** 0 to 3: bit 0 is R.y's parity, bit 1 says R.x was at least q. */
  public int recoveryId() {
    return recoveryId;
  }

  /**
   * This (r, s) with another recovery id: DER and 64-byte compact encodings do not carry it.
   *
   * @throws IllegalArgumentException when the id is not 0 to 3
   */
  public EcdsaSignature withRecoveryId(int id) {
    return of(r, s, id);
  }

  /** True when s ≤ (q−1)/2 (BIP-146 LOW_S). */
  public boolean isLowS() {
    return s.toBigInteger().compareTo(HALF_Q) <= 0;
  }

  /**
   * The low-S form: this signature when s ≤ (q−1)/2, else (r, q − s) with the recovery id's parity
   * bit flipped (−s signs with −R, whose y-coordinate has the other parity).
   */
  public EcdsaSignature normalizeLowS() {
    return isLowS() ? this : new EcdsaSignature(r, s.negate(), recoveryId ^ 1);
  }

  /** r ‖ s, 32 bytes each, big-endian. */
  public byte[] toCompact() {
    byte[] out = new byte[COMPACT_LENGTH];
    System.arraycopy(r.toBytes(), 0, out, 0, 32);
    System.arraycopy(s.toBytes(), 0, out, 32, 32);
    return out;
  }

  /** r ‖ s ‖ recovery id (65 bytes). */
  public byte[] toCompactRecoverable() {
    byte[] out = Arrays.copyOf(toCompact(), RECOVERABLE_LENGTH);
    out[64] = (byte) recoveryId;
    return out;
  }

  /**
   * Decodes r ‖ s. The recovery id is unknown in this form and set to 0: use
   * {@link #fromCompactRecoverable} when it matters.
   *
   * @throws InvalidEncodingException when the length is not 64 or r or s is not in [1, q−1]
   */
  public static EcdsaSignature fromCompact(byte[] compact) throws InvalidEncodingException {
    if (compact == null || compact.length != COMPACT_LENGTH) {
      throw new InvalidEncodingException("compact ECDSA signature must be 64 bytes");
    }
    return decodeParts(Arrays.copyOfRange(compact, 0, 32), Arrays.copyOfRange(compact, 32, 64), 0);
  }

  /**
   * Decodes r ‖ s ‖ id.
   *
   * @throws InvalidEncodingException when the length is not 65, r or s is not in [1, q−1], or the
   *     id is not 0 to 3
   */
  public static EcdsaSignature fromCompactRecoverable(byte[] bytes)
      throws InvalidEncodingException {
    if (bytes == null || bytes.length != RECOVERABLE_LENGTH) {
      throw new InvalidEncodingException("recoverable ECDSA signature must be 65 bytes");
    }
    int id = bytes[64] & 0xFF;
    if (id > 3) {
      throw new InvalidEncodingException("recovery id must be 0 to 3");
    }
    return decodeParts(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64), id);
  }

  /** Strict DER (BIP-66): {@code 30 len 02 lenR R 02 lenS S}, minimal positive integers. */
  public byte[] toDer() {
    byte[] rd = derInteger(r.toBytes());
    byte[] sd = derInteger(s.toBytes());
    byte[] out = new byte[2 + rd.length + sd.length];
    out[0] = 0x30;
    out[1] = (byte) (rd.length + sd.length);
    System.arraycopy(rd, 0, out, 2, rd.length);
    System.arraycopy(sd, 0, out, 2 + rd.length, sd.length);
    return out;
  }

  /**
   * Decodes strict DER as BIP-66 {@code IsValidSignatureEncoding} defines it (without a sighash
   * byte): one SEQUENCE of two INTEGERs, each minimal, positive and non-empty, the lengths adding
   * up exactly, nothing after; then r and s in [1, q−1]. The recovery id is set to 0.
   *
   * @throws InvalidEncodingException on any deviation
   */
  public static EcdsaSignature fromDer(byte[] der) throws InvalidEncodingException {
    if (der == null || der.length < 8 || der.length > MAX_DER_LENGTH) {
      throw new InvalidEncodingException("DER signature must be 8 to 72 bytes");
    }
    int len = der.length;
    if (der[0] != 0x30 || (der[1] & 0xFF) != len - 2 || der[2] != 0x02) {
      throw new InvalidEncodingException("DER signature: bad SEQUENCE header");
    }
    int lenR = der[3] & 0xFF;
    if (5 + lenR >= len) {
      throw new InvalidEncodingException("DER signature: r overruns the sequence");
    }
    int lenS = der[5 + lenR] & 0xFF;
    if (lenR + lenS + 6 != len || der[4 + lenR] != 0x02) {
      throw new InvalidEncodingException("DER signature: lengths do not add up");
    }
    byte[] rBytes = Arrays.copyOfRange(der, 4, 4 + lenR);
    byte[] sBytes = Arrays.copyOfRange(der, 6 + lenR, len);
    return decodeParts(minimalPositive(rBytes, "r"), minimalPositive(sBytes, "s"), 0);
  }

  /** The BIP-66 rules for one INTEGER's content; returns it as 32 bytes. */
  private static byte[] minimalPositive(byte[] v, String name) throws InvalidEncodingException {
    if (v.length == 0) {
      throw new InvalidEncodingException("DER signature: " + name + " is empty");
    }
    if ((v[0] & 0x80) != 0) {
      throw new InvalidEncodingException("DER signature: " + name + " is negative");
    }
    if (v.length > 1 && v[0] == 0 && (v[1] & 0x80) == 0) {
      throw new InvalidEncodingException("DER signature: " + name + " has excess padding");
    }
    int start = v[0] == 0 ? 1 : 0;
    if (v.length - start > 32) {
      throw new InvalidEncodingException("DER signature: " + name + " is longer than 32 bytes");
    }
    byte[] out = new byte[32];
    System.arraycopy(v, start, out, 32 - (v.length - start), v.length - start);
    return out;
  }

  private static byte[] derInteger(byte[] be32) {
    int start = 0;
    while (start < 31 && be32[start] == 0) {
      start++;
    }
    boolean pad = (be32[start] & 0x80) != 0;
    int n = 32 - start + (pad ? 1 : 0);
    byte[] out = new byte[2 + n];
    out[0] = 0x02;
    out[1] = (byte) n;
    System.arraycopy(be32, start, out, 2 + (pad ? 1 : 0), 32 - start);
    return out;
  }

  private static EcdsaSignature decodeParts(byte[] r32, byte[] s32, int id)
      throws InvalidEncodingException {
    Scalar r = CURVE.decodeScalar(r32);
    Scalar s = CURVE.decodeScalar(s32);
    if (r.isZero() || s.isZero()) {
      throw new InvalidEncodingException("r and s must be non-zero");
    }
    return new EcdsaSignature(r, s, id);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaSignature && ((EcdsaSignature) o).r.equals(r)
        && ((EcdsaSignature) o).s.equals(s) && ((EcdsaSignature) o).recoveryId == recoveryId;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * r.hashCode() + s.hashCode()) + recoveryId;
  }

  @Override
  public String toString() {
    return "EcdsaSignature[" + HexFormat.of().formatHex(toCompact()) + ", recid " + recoveryId
        + "]";
  }
}
