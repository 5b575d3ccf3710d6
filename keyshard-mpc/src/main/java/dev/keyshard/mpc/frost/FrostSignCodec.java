package dev.keyshard.mpc.frost;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.MessageCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.proto.FrostCommitmentsProto;
import dev.keyshard.mpc.proto.FrostShareProto;
import java.util.Arrays;

/**
 * Protobuf encoding of {@link FrostSignMessage} bodies ({@code frost.proto}). Decoding is strict
 * and names the sender on any failure ({@link AbortReason#MALFORMED}): the envelope's round fixes
 * the body type; the bytes must be the canonical protobuf encoding (no unknown, repeated or
 * reordered fields, so a body has exactly one encoding); every point and scalar must have the
 * suite's exact length and decode (RFC 9591 §4 DeserializeElement / DeserializeScalar: on the
 * curve, in the prime-order subgroup, not the identity, below the order).
 *
 * <p>Immutable and thread-safe.
 */
public final class FrostSignCodec implements MessageCodec<FrostSignMessage> {
  private final FrostCiphersuite suite;

  public FrostSignCodec(FrostCiphersuite suite) {
    this.suite = suite;
  }

  @Override
  public byte[] encode(FrostSignMessage body) {
    if (body instanceof FrostSignMessage.Commitments) {
      SigningCommitments c = ((FrostSignMessage.Commitments) body).value();
      return FrostCommitmentsProto.newBuilder()
          .setHiding(ByteString.copyFrom(c.hidingBytes()))
          .setBinding(ByteString.copyFrom(c.bindingBytes()))
          .build().toByteArray();
    }
    if (body instanceof FrostSignMessage.Share) {
      FrostSignMessage.Share s = (FrostSignMessage.Share) body;
      return FrostShareProto.newBuilder()
          .setShare(ByteString.copyFrom(s.value().toBytes()))
          .setViewDigest(ByteString.copyFrom(s.viewDigest()))
          .build().toByteArray();
    }
    throw new KeyshardBug("unknown FROST message " + body.getClass().getName());
  }

  /**
   * @throws ProtocolAbort {@link AbortReason#MALFORMED} naming {@code sender} when the bytes are
   *     not exactly one canonical, valid body for {@code round}
   */
  @Override
  public FrostSignMessage decode(PartyId sender, int round, byte[] bytes) throws ProtocolAbort {
    Group group = suite.group();
    try {
      if (round == FrostSignParty.ROUND_COMMIT) {
        FrostCommitmentsProto p = FrostCommitmentsProto.parseFrom(bytes);
        requireCanonical(p, bytes, sender, round);
        byte[] hiding =
            exact(p.getHiding(), group.pointLength(), "hiding commitment", sender, round);
        byte[] binding =
            exact(p.getBinding(), group.pointLength(), "binding commitment", sender, round);
        return new FrostSignMessage.Commitments(SigningCommitments.decode(group, hiding, binding));
      }
      if (round == FrostSignParty.ROUND_SHARE) {
        FrostShareProto p = FrostShareProto.parseFrom(bytes);
        requireCanonical(p, bytes, sender, round);
        byte[] share = exact(p.getShare(), group.scalarLength(), "signature share", sender, round);
        byte[] view = exact(p.getViewDigest(), FrostSignMessage.Share.VIEW_DIGEST_LENGTH,
            "view digest", sender, round);
        return new FrostSignMessage.Share(SignatureShare.decode(group, share), view);
      }
    } catch (InvalidProtocolBufferException e) {
      throw malformed(sender, round, "body does not parse");
    } catch (InvalidEncodingException e) {
      throw malformed(sender, round, e.getMessage());
    }
    throw malformed(sender, round, "FROST signing has no round " + round);
  }

  private static void requireCanonical(Message parsed, byte[] bytes, PartyId sender, int round)
      throws ProtocolAbort {
    if (!parsed.getUnknownFields().asMap().isEmpty()
        || !Arrays.equals(parsed.toByteArray(), bytes)) {
      throw malformed(sender, round, "body is not in canonical encoding");
    }
  }

  private static byte[] exact(ByteString field, int length, String what, PartyId sender,
      int round) throws ProtocolAbort {
    if (field.size() != length) {
      throw malformed(sender, round, what + " of " + field.size() + " bytes, expected " + length);
    }
    return field.toByteArray();
  }

  private static ProtocolAbort malformed(PartyId sender, int round, String detail) {
    return new ProtocolAbort(ProtocolId.FROST_SIGN, Math.max(round, 1), AbortReason.MALFORMED,
        sender, detail);
  }
}
