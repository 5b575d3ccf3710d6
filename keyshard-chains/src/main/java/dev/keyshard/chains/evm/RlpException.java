package dev.keyshard.chains.evm;

/** Bytes that are not canonical RLP (Yellow Paper Appendix B), with what is wrong. */
public final class RlpException extends Exception {
  public RlpException(String message) {
    super(message);
  }
}
