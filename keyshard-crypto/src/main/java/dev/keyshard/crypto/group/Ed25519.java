package dev.keyshard.crypto.group;

import java.math.BigInteger;
import java.security.SecureRandom;

/** PLACEHOLDER until the Ed25519 implementation lands. */
public final class Ed25519 implements Group {
  private static final BigInteger L =
      BigInteger.ONE.shiftLeft(252).add(new BigInteger("27742317777372353535851937790883648493"));
  public static final Ed25519 INSTANCE = new Ed25519();
  private final ScalarCodec scalars = new ScalarCodec(new ScalarField(this, L, false));

  public String name() { return "ed25519"; }
  public BigInteger order() { return L; }
  public int scalarLength() { return 32; }
  public int pointLength() { return 32; }
  public Scalar zero() { return scalars.zero(); }
  public Scalar one() { return scalars.one(); }
  public Scalar scalarOf(long v) { return scalars.of(v); }
  public Scalar randomScalar(SecureRandom rng) { return scalars.random(rng); }
  public Scalar decodeScalar(byte[] b) throws InvalidEncodingException { return scalars.decode(b); }
  public Scalar reduce(byte[] b) { return scalars.reduce(b); }
  public Point generator() { throw new UnsupportedOperationException(); }
  public Point identity() { throw new UnsupportedOperationException(); }
  public Point decodePoint(byte[] b) { throw new UnsupportedOperationException(); }
  public Point multiplyGenerator(Scalar k) { throw new UnsupportedOperationException(); }
}
