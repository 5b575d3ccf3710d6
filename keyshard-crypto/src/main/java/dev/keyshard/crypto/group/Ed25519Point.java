package dev.keyshard.crypto.group;

/** PLACEHOLDER until the Ed25519 implementation lands. */
public final class Ed25519Point implements Point {
  public Group group() { return Ed25519.INSTANCE; }
  public Point add(Point o) { throw new UnsupportedOperationException(); }
  public Point subtract(Point o) { throw new UnsupportedOperationException(); }
  public Point negate() { throw new UnsupportedOperationException(); }
  public Point multiply(Scalar k) { throw new UnsupportedOperationException(); }
  public boolean isIdentity() { throw new UnsupportedOperationException(); }
  public byte[] toBytes() { throw new UnsupportedOperationException(); }
}
