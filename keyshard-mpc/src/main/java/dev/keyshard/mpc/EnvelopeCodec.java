package dev.keyshard.mpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.mpc.proto.EnvelopeProto;
import dev.keyshard.mpc.proto.Protocol;

/**
 * Envelopes to bytes and back: the header in {@code envelope.proto}, the body through the
 * protocol's {@link MessageCodec}. Header fields are validated before the body is decoded.
 */
public final class EnvelopeCodec<M extends ProtocolMessage> {
  /** Upper bound on one encoded envelope; larger input is refused before parsing. */
  public static final int MAX_ENVELOPE_BYTES = 1 << 20;

  private final ProtocolId protocol;
  private final MessageCodec<M> bodies;

  public EnvelopeCodec(ProtocolId protocol, MessageCodec<M> bodies) {
    this.protocol = protocol;
    this.bodies = bodies;
  }

  public byte[] encode(Envelope<M> e) {
    return EnvelopeProto.newBuilder()
        .setSessionId(ByteString.copyFrom(e.session().toBytes()))
        .setProtocol(toProto(e.protocol()))
        .setRound(e.round())
        .setFrom(e.from().value())
        .setTo(e.isBroadcast() ? 0 : e.to().value())
        .setBody(ByteString.copyFrom(bodies.encode(e.body())))
        .build()
        .toByteArray();
  }

  /**
   * Decodes an envelope that arrived from {@code transportSender} (the party the transport says
   * sent it); the header's sender must match.
   *
   * @throws ProtocolAbort naming {@code transportSender} when the bytes are malformed or oversized
   */
  public Envelope<M> decode(PartyId transportSender, byte[] bytes) throws ProtocolAbort {
    if (bytes.length > MAX_ENVELOPE_BYTES) {
      throw new ProtocolAbort(protocol, 1, AbortReason.WRONG_LENGTH, transportSender,
          "envelope of " + bytes.length + " bytes exceeds " + MAX_ENVELOPE_BYTES);
    }
    EnvelopeProto p;
    try {
      p = EnvelopeProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new ProtocolAbort(protocol, 1, AbortReason.MALFORMED, transportSender,
          "envelope does not parse");
    }
    int round = p.getRound();
    if (fromProto(p.getProtocol()) != protocol || p.getSessionId().size() != SessionId.LENGTH
        || round < 1 || p.getFrom() != transportSender.value()
        || p.getTo() > PartyId.MAX || p.getTo() == p.getFrom()) {
      throw new ProtocolAbort(protocol, Math.max(round, 1), AbortReason.MALFORMED,
          transportSender, "envelope header is inconsistent");
    }
    M body = bodies.decode(transportSender, round, p.getBody().toByteArray());
    return new Envelope<>(SessionId.of(p.getSessionId().toByteArray()), protocol, round,
        transportSender, p.getTo() == 0 ? null : PartyId.of(p.getTo()), body);
  }

  static Protocol toProto(ProtocolId id) {
    switch (id) {
      case FROST_DKG: return Protocol.FROST_DKG;
      case FROST_SIGN: return Protocol.FROST_SIGN;
      case DKLS23_KEYGEN: return Protocol.DKLS23_KEYGEN;
      case DKLS23_SIGN: return Protocol.DKLS23_SIGN;
    }
    throw new dev.keyshard.crypto.internal.KeyshardBug("unmapped protocol " + id);
  }

  static ProtocolId fromProto(Protocol p) {
    switch (p) {
      case FROST_DKG: return ProtocolId.FROST_DKG;
      case FROST_SIGN: return ProtocolId.FROST_SIGN;
      case DKLS23_KEYGEN: return ProtocolId.DKLS23_KEYGEN;
      case DKLS23_SIGN: return ProtocolId.DKLS23_SIGN;
      default: return null;
    }
  }
}
