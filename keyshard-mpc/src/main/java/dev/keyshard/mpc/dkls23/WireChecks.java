package dev.keyshard.mpc.dkls23;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.group.Scalar;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import java.util.Arrays;

/**
 * The strict decoding rules both DKLs23 codecs share, each failure a {@link ProtocolAbort} naming
 * the sender: the body within its size bound before parsing, the canonical protobuf encoding (no
 * unknown, repeated or reordered fields), every field exactly its fixed length before any element
 * is decoded ({@code WRONG_LENGTH}), points on secp256k1 and not the identity, scalars below q
 * ({@code MALFORMED}).
 *
 * <p>One instance per (protocol, sender, round); not shared.
 */
final class WireChecks {
  private final ProtocolId protocol;
  private final PartyId sender;
  private final int round;

  WireChecks(ProtocolId protocol, PartyId sender, int round) {
    this.protocol = protocol;
    this.sender = sender;
    this.round = Math.max(round, 1);
  }

  void maxSize(byte[] bytes, int max) throws ProtocolAbort {
    if (bytes.length > max) {
      throw wrongLength("body of " + bytes.length + " bytes exceeds " + max);
    }
  }

  <T extends Message> T canonical(T parsed, byte[] bytes) throws ProtocolAbort {
    byte[] again = parsed.toByteArray();
    boolean same = Arrays.equals(again, bytes);
    Arrays.fill(again, (byte) 0); // round-3 keygen bodies hold secrets
    if (!same || !parsed.getUnknownFields().asMap().isEmpty()) {
      throw malformed("not the canonical encoding");
    }
    return parsed;
  }

  byte[] exact(ByteString field, int length, String what) throws ProtocolAbort {
    if (field.size() != length) {
      throw wrongLength(what + " of " + field.size() + " bytes, expected " + length);
    }
    return field.toByteArray();
  }

  Point point(ByteString field, String what) throws ProtocolAbort {
    byte[] b = exact(field, 33, what);
    try {
      return Secp256k1.INSTANCE.decodePoint(b);
    } catch (InvalidEncodingException e) {
      throw malformed(what + " is not a secp256k1 point");
    }
  }

  Scalar scalar(ByteString field, String what) throws ProtocolAbort {
    byte[] b = exact(field, 32, what);
    try {
      return Secp256k1.INSTANCE.decodeScalar(b);
    } catch (InvalidEncodingException e) {
      throw malformed(what + " is not a scalar below the group order");
    } finally {
      Arrays.fill(b, (byte) 0);
    }
  }

  /** An OT decoding failure of the sender's message. */
  ProtocolAbort ot(OtException e) {
    switch (e.reason()) {
      case WRONG_LENGTH:
        return wrongLength(e.getMessage());
      case MALFORMED:
      case CONSISTENCY_CHECK_FAILED:
        return malformed(e.getMessage());
    }
    throw new dev.keyshard.crypto.internal.KeyshardBug("unmapped OT reason " + e.reason());
  }

  ProtocolAbort malformed(String detail) {
    return new ProtocolAbort(protocol, round, AbortReason.MALFORMED, sender, detail);
  }

  ProtocolAbort wrongLength(String detail) {
    return new ProtocolAbort(protocol, round, AbortReason.WRONG_LENGTH, sender, detail);
  }
}
