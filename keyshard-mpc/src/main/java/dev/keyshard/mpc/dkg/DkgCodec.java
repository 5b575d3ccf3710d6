package dev.keyshard.mpc.dkg;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.InvalidEncodingException;
import dev.keyshard.crypto.group.Point;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.crypto.secret.InsecureSecretAccess;
import dev.keyshard.crypto.secret.SecretScalar;
import dev.keyshard.crypto.zk.SchnorrProof;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.MessageCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.ProtocolId;
import dev.keyshard.mpc.proto.DkgCommitmentProto;
import dev.keyshard.mpc.proto.DkgConfirmationProto;
import dev.keyshard.mpc.proto.DkgEchoProto;
import dev.keyshard.mpc.proto.DkgShareProto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * DKG bodies to protobuf ({@code keyshard/mpc/v1/dkg.proto}) and back, for one session's group and
 * committee. The envelope's round selects the body type.
 *
 * <p>Decoding is strict and names the sender on every failure: the bytes must be exactly the
 * canonical encoding of what they parse to (no unknown fields, repeated or out-of-order fields, or
 * trailing bytes: {@code MALFORMED}); list counts are fixed by the committee, never read from the
 * bytes, and checked before any point is decoded ({@code WRONG_LENGTH}: t commitment points, n echo
 * digests; ATTACKS.md, Pedersen DKG threshold-raise); points must be canonical, on the curve, in the
 * prime-order subgroup and not the identity, and scalars canonical ({@code MALFORMED}).
 *
 * <p>Round-3 bodies carry a secret share: encoding exports it (an {@link InsecureSecretAccess} call
 * site) for the transport's encrypted channel. Immutable and thread-safe.
 */
public final class DkgCodec implements MessageCodec<DkgMessage> {
  /** Bytes in an echo or confirmation digest (SHA-256). */
  public static final int DIGEST_LENGTH = 32;

  private final ProtocolId protocol;
  private final Group group;
  private final Committee committee;

  /** A codec for a {@link ProtocolId#FROST_DKG} session. */
  public DkgCodec(Group group, Committee committee) {
    this(ProtocolId.FROST_DKG, group, committee);
  }

  /** A codec for a DKG embedded in {@code protocol} (see {@link DkgParty}). */
  public DkgCodec(ProtocolId protocol, Group group, Committee committee) {
    this.protocol = Objects.requireNonNull(protocol, "protocol");
    this.group = Objects.requireNonNull(group, "group");
    this.committee = Objects.requireNonNull(committee, "committee");
  }

  @Override
  public byte[] encode(DkgMessage body) {
    if (body instanceof DkgMessage.Commitment) {
      DkgMessage.Commitment c = (DkgMessage.Commitment) body;
      DkgCommitmentProto.Builder b = DkgCommitmentProto.newBuilder();
      for (Point p : c.coefficients()) {
        b.addCoefficientCommitments(ByteString.copyFrom(p.toBytes()));
      }
      return b.setProofOfKnowledge(ByteString.copyFrom(c.proofOfKnowledge().encode()))
          .build().toByteArray();
    }
    if (body instanceof DkgMessage.Echo) {
      DkgEchoProto.Builder b = DkgEchoProto.newBuilder();
      // Positional, in ascending id order: the decoder maps entry k to the k-th committee member.
      for (byte[] d : ((DkgMessage.Echo) body).digests().values()) {
        b.addDigests(ByteString.copyFrom(d));
      }
      return b.build().toByteArray();
    }
    if (body instanceof DkgMessage.Share) {
      byte[] share = ((DkgMessage.Share) body).value().toBytes(InsecureSecretAccess.get());
      try {
        return DkgShareProto.newBuilder().setShare(ByteString.copyFrom(share)).build()
            .toByteArray();
      } finally {
        Arrays.fill(share, (byte) 0);
      }
    }
    if (body instanceof DkgMessage.Confirmation) {
      return DkgConfirmationProto.newBuilder()
          .setDigest(ByteString.copyFrom(((DkgMessage.Confirmation) body).digest()))
          .build().toByteArray();
    }
    throw new KeyshardBug("unknown DKG body " + body.getClass().getName());
  }

  /**
   * @throws ProtocolAbort {@code MALFORMED} or {@code WRONG_LENGTH} naming {@code sender}
   */
  @Override
  public DkgMessage decode(PartyId sender, int round, byte[] bytes) throws ProtocolAbort {
    try {
      switch (round) {
        case Round1Commit.ROUND:
          return commitment(sender, canonical(sender, round, bytes,
              DkgCommitmentProto.parseFrom(bytes)));
        case Round2Echo.ROUND:
          return echo(sender, canonical(sender, round, bytes, DkgEchoProto.parseFrom(bytes)));
        case Round3Shares.ROUND:
          return share(sender, canonical(sender, round, bytes, DkgShareProto.parseFrom(bytes)));
        case Round4Confirm.ROUND:
          DkgConfirmationProto c = canonical(sender, round, bytes,
              DkgConfirmationProto.parseFrom(bytes));
          return new DkgMessage.Confirmation(digest(sender, round, c.getDigest()));
        default:
          throw malformed(sender, Math.max(round, 1), "the DKG has no round " + round);
      }
    } catch (InvalidProtocolBufferException e) {
      throw malformed(sender, round, "body does not parse");
    }
  }

  private DkgMessage.Commitment commitment(PartyId sender, DkgCommitmentProto p)
      throws ProtocolAbort {
    int round = Round1Commit.ROUND;
    if (p.getCoefficientCommitmentsCount() != committee.threshold()) {
      throw new ProtocolAbort(protocol, round, AbortReason.WRONG_LENGTH, sender,
          "commitment has " + p.getCoefficientCommitmentsCount() + " points, the threshold is "
              + committee.threshold());
    }
    List<Point> points = new ArrayList<>(committee.threshold());
    try {
      for (ByteString b : p.getCoefficientCommitmentsList()) {
        // decodePoint refuses non-canonical, off-curve, small-order and identity encodings.
        points.add(group.decodePoint(b.toByteArray()));
      }
    } catch (InvalidEncodingException e) {
      throw malformed(sender, round, "commitment point does not decode");
    }
    try {
      SchnorrProof proof = SchnorrProof.decode(group, p.getProofOfKnowledge().toByteArray());
      return new DkgMessage.Commitment(points, proof);
    } catch (InvalidEncodingException e) {
      throw malformed(sender, round, "proof of knowledge does not decode");
    }
  }

  private DkgMessage.Echo echo(PartyId sender, DkgEchoProto p) throws ProtocolAbort {
    int round = Round2Echo.ROUND;
    if (p.getDigestsCount() != committee.size()) {
      throw new ProtocolAbort(protocol, round, AbortReason.WRONG_LENGTH, sender,
          "echo has " + p.getDigestsCount() + " digests for " + committee.size() + " parties");
    }
    TreeMap<PartyId, byte[]> digests = new TreeMap<>();
    Iterator<ByteString> it = p.getDigestsList().iterator();
    for (PartyId id : committee.parties()) {
      digests.put(id, digest(sender, round, it.next()));
    }
    return new DkgMessage.Echo(digests);
  }

  private DkgMessage.Share share(PartyId sender, DkgShareProto p) throws ProtocolAbort {
    // Best effort: the parsed protobuf keeps its own copy of the share until collected.
    byte[] b = p.getShare().toByteArray();
    try {
      return new DkgMessage.Share(SecretScalar.decode(group, b));
    } catch (InvalidEncodingException e) {
      throw malformed(sender, Round3Shares.ROUND, "share is not a canonical scalar");
    } finally {
      Arrays.fill(b, (byte) 0);
    }
  }

  private byte[] digest(PartyId sender, int round, ByteString d) throws ProtocolAbort {
    if (d.size() != DIGEST_LENGTH) {
      throw malformed(sender, round, "digest of " + d.size() + " bytes");
    }
    return d.toByteArray();
  }

  /**
   * Accepts only the canonical encoding: protobuf would otherwise keep unknown fields, and accept
   * repeated or reordered fields, so two byte strings could carry one message (or one byte string
   * hide extra data).
   */
  private <T extends Message> T canonical(PartyId sender, int round, byte[] bytes, T parsed)
      throws ProtocolAbort {
    byte[] again = parsed.toByteArray();
    boolean same = Arrays.equals(again, bytes);
    Arrays.fill(again, (byte) 0); // a round-3 body holds a secret share
    if (!same || !parsed.getUnknownFields().asMap().isEmpty()) {
      throw malformed(sender, round, "not the canonical encoding");
    }
    return parsed;
  }

  private ProtocolAbort malformed(PartyId sender, int round, String detail) {
    return new ProtocolAbort(protocol, Math.max(round, 1), AbortReason.MALFORMED, sender, detail);
  }
}
