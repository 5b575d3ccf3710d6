package dev.keyshard.mpc;

/**
 * Encodes one protocol's message bodies to protobuf bytes and back. Decoding is strict: lengths,
 * counts and curve membership are checked, and any failure names the sender.
 */
public interface MessageCodec<M extends ProtocolMessage> {

  byte[] encode(M body);

  /**
   * @param round the envelope's round, which tells which body type to expect
   * @throws ProtocolAbort with {@link AbortReason#MALFORMED} or {@link AbortReason#WRONG_LENGTH}
   *     naming {@code sender}
   */
  M decode(PartyId sender, int round, byte[] bytes) throws ProtocolAbort;
}
