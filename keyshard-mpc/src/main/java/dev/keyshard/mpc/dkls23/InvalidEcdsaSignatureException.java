package dev.keyshard.mpc.dkls23;

/** An ECDSA signature that does not verify, or whose recovery id does not give the key. */
public final class InvalidEcdsaSignatureException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidEcdsaSignatureException(String detail) {
    super(detail);
  }
}
