package dev.keyshard.mpc.dkls23;

/**
 * Bob's check of DKLs23 Protocol 5.2 failed (step 3.7): Alice's correction vector ã is not one
 * consistent correlation. The signing party maps it to
 * {@link dev.keyshard.mpc.AbortReason#VOLE_CHECK_FAILED} naming Alice.
 */
final class VoleCheckException extends Exception {
  private static final long serialVersionUID = 1L;

  VoleCheckException(String detail) {
    super(detail);
  }
}
