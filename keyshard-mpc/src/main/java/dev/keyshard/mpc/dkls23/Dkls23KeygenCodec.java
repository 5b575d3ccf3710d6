package dev.keyshard.mpc.dkls23;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.crypto.ot.BaseOtReceiverMessage;
import dev.keyshard.crypto.ot.BaseOtSenderMessage;
import dev.keyshard.crypto.ot.OtException;
import dev.keyshard.mpc.Committee;
import dev.keyshard.mpc.MessageCodec;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import dev.keyshard.mpc.dkg.DkgCodec;
import dev.keyshard.mpc.dkg.DkgMessage;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round1Broadcast;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round1Direct;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round2Broadcast;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round3Direct;
import dev.keyshard.mpc.dkls23.Dkls23KeygenMessage.Round4Broadcast;
import dev.keyshard.mpc.proto.Dkls23KeygenBodyProto;
import dev.keyshard.mpc.proto.Dkls23KeygenRound1BroadcastProto;
import dev.keyshard.mpc.proto.Dkls23KeygenRound1DirectProto;
import dev.keyshard.mpc.proto.Dkls23KeygenRound2BroadcastProto;
import dev.keyshard.mpc.proto.Dkls23KeygenRound3DirectProto;
import dev.keyshard.mpc.proto.Dkls23KeygenRound4BroadcastProto;
import java.util.Arrays;
import java.util.Objects;

/**
 * DKLs23 key generation bodies to protobuf ({@code dkls23.proto}) and back, for one committee.
 * Strict ({@link WireChecks}): a body larger than its round allows is refused before parsing; the
 * oneof case must be one the envelope's round has; every field has its fixed length (κ base-OT
 * pairs exactly); the embedded DKG body is decoded by {@link DkgCodec} with its own strict rules.
 * Every failure names the sender.
 *
 * <p>Round-3 bodies carry secrets: encoding exports them for the transport's encrypted channel.
 * Immutable and thread-safe.
 */
public final class Dkls23KeygenCodec implements MessageCodec<Dkls23KeygenMessage> {
  private static final int DIGEST = 32;
  private final Committee committee;
  private final DkgCodec dkg;

  public Dkls23KeygenCodec(Committee committee) {
    this.committee = Objects.requireNonNull(committee, "committee");
    this.dkg = new DkgCodec(KeygenContext.PROTOCOL, Secp256k1.INSTANCE, committee);
  }

  @Override
  public byte[] encode(Dkls23KeygenMessage body) {
    Dkls23KeygenBodyProto.Builder b = Dkls23KeygenBodyProto.newBuilder();
    if (body instanceof Round1Broadcast) {
      Round1Broadcast m = (Round1Broadcast) body;
      b.setRound1Broadcast(Dkls23KeygenRound1BroadcastProto.newBuilder()
          .setDkg(bytes(dkg.encode(m.dkg())))
          .setChainCodeCommitment(bytes(m.chainCodeCommitment())));
    } else if (body instanceof Round1Direct) {
      Round1Direct m = (Round1Direct) body;
      b.setRound1Direct(Dkls23KeygenRound1DirectProto.newBuilder()
          .setBaseOtSender(bytes(m.asSender().toBytes()))
          .setBaseOtReceiver(bytes(m.asReceiver().toBytes()))
          .setZeroSeedCommitment(bytes(m.zeroSeedCommitment())));
    } else if (body instanceof Round2Broadcast) {
      Round2Broadcast m = (Round2Broadcast) body;
      b.setRound2Broadcast(Dkls23KeygenRound2BroadcastProto.newBuilder()
          .setDkg(bytes(dkg.encode(m.dkg())))
          .setChainCodeEcho(bytes(m.chainCodeEcho())));
    } else if (body instanceof Round3Direct) {
      Round3Direct m = (Round3Direct) body;
      byte[] share = dkg.encode(m.dkg());
      byte[] seed = m.zeroSeed();
      b.setRound3Direct(Dkls23KeygenRound3DirectProto.newBuilder()
          .setDkg(bytes(share))
          .setChainCode(bytes(m.chainCode()))
          .setChainCodeSalt(bytes(m.chainCodeSalt()))
          .setZeroSeed(bytes(seed))
          .setZeroSeedSalt(bytes(m.zeroSeedSalt())));
      Arrays.fill(share, (byte) 0);
      Arrays.fill(seed, (byte) 0);
    } else if (body instanceof Round4Broadcast) {
      Round4Broadcast m = (Round4Broadcast) body;
      b.setRound4Broadcast(Dkls23KeygenRound4BroadcastProto.newBuilder()
          .setDkg(bytes(dkg.encode(m.dkg())))
          .setConfirmation(bytes(m.confirmation())));
    } else {
      throw new KeyshardBug("unknown keygen body " + body.getClass().getName());
    }
    return b.build().toByteArray();
  }

  /**
   * @throws ProtocolAbort {@code WRONG_LENGTH} or {@code MALFORMED} naming {@code sender}
   */
  @Override
  public Dkls23KeygenMessage decode(PartyId sender, int round, byte[] bytes)
      throws ProtocolAbort {
    WireChecks w = new WireChecks(KeygenContext.PROTOCOL, sender, round);
    if (round < 1 || round > 4) {
      throw w.malformed("DKLs23 key generation has no round " + round);
    }
    w.maxSize(bytes, maxBodyBytes(round));
    Dkls23KeygenBodyProto p;
    try {
      p = w.canonical(Dkls23KeygenBodyProto.parseFrom(bytes), bytes);
    } catch (InvalidProtocolBufferException e) {
      throw w.malformed("body does not parse");
    }
    switch (p.getBodyCase()) {
      case ROUND1_BROADCAST:
        requireRound(w, round, 1);
        Dkls23KeygenRound1BroadcastProto r1b = p.getRound1Broadcast();
        return new Round1Broadcast((DkgMessage.Commitment) dkgBody(sender, round, r1b.getDkg()),
            w.exact(r1b.getChainCodeCommitment(), DIGEST, "chain-code commitment"));
      case ROUND1_DIRECT:
        requireRound(w, round, 1);
        return round1Direct(w, p.getRound1Direct());
      case ROUND2_BROADCAST:
        requireRound(w, round, 2);
        Dkls23KeygenRound2BroadcastProto r2b = p.getRound2Broadcast();
        return new Round2Broadcast((DkgMessage.Echo) dkgBody(sender, round, r2b.getDkg()),
            w.exact(r2b.getChainCodeEcho(), DIGEST, "chain-code echo"));
      case ROUND3_DIRECT:
        requireRound(w, round, 3);
        return round3Direct(w, sender, p.getRound3Direct());
      case ROUND4_BROADCAST:
        requireRound(w, round, 4);
        Dkls23KeygenRound4BroadcastProto r4b = p.getRound4Broadcast();
        return new Round4Broadcast(
            (DkgMessage.Confirmation) dkgBody(sender, round, r4b.getDkg()),
            w.exact(r4b.getConfirmation(), DIGEST, "confirmation"));
      case BODY_NOT_SET:
        throw w.malformed("empty body");
    }
    throw w.malformed("unknown body");
  }

  private Round1Direct round1Direct(WireChecks w, Dkls23KeygenRound1DirectProto m)
      throws ProtocolAbort {
    byte[] receiver = w.exact(m.getBaseOtReceiver(), Dkls23Parameters.BASE_OTS * 66,
        "base-OT receiver message");
    byte[] commitment = w.exact(m.getZeroSeedCommitment(), DIGEST, "zero-seed commitment");
    try {
      return new Round1Direct(BaseOtSenderMessage.decode(w.exact(m.getBaseOtSender(), 33,
          "base-OT sender message")),
          BaseOtReceiverMessage.decode(receiver, Dkls23Parameters.BASE_OTS), commitment);
    } catch (OtException e) {
      throw w.ot(e);
    }
  }

  private Round3Direct round3Direct(WireChecks w, PartyId sender, Dkls23KeygenRound3DirectProto m)
      throws ProtocolAbort {
    byte[] seed = w.exact(m.getZeroSeed(), ZeroShares.SEED_LENGTH, "zero seed");
    try {
      return new Round3Direct((DkgMessage.Share) dkgBody(sender, 3, m.getDkg()),
          w.exact(m.getChainCode(), ChainCode.LENGTH, "chain code"),
          w.exact(m.getChainCodeSalt(), HashCommitment.SALT_LENGTH, "chain-code salt"),
          seed, w.exact(m.getZeroSeedSalt(), HashCommitment.SALT_LENGTH, "zero-seed salt"));
    } finally {
      Arrays.fill(seed, (byte) 0);
    }
  }

  private DkgMessage dkgBody(PartyId sender, int round, ByteString b) throws ProtocolAbort {
    byte[] raw = b.toByteArray();
    try {
      return dkg.decode(sender, round, raw);
    } finally {
      Arrays.fill(raw, (byte) 0);
    }
  }

  private static void requireRound(WireChecks w, int round, int expected) throws ProtocolAbort {
    if (round != expected) {
      throw w.malformed("a round-" + expected + " body in a round-" + round + " envelope");
    }
  }

  /**
   * The largest honest body of {@code round}, plus protobuf framing: round 1 is the base-OT
   * message (κ × 66 bytes), the others are small (t points, n digests or a few 32-byte fields).
   */
  int maxBodyBytes(int round) {
    int framing = 64;
    switch (round) {
      case 1:
        return Math.max(Dkls23Parameters.BASE_OTS * 66 + 33 + DIGEST,
            committee.threshold() * 35 + 67 + DIGEST) + framing;
      case 2:
        return committee.size() * 34 + DIGEST + framing;
      case 3:
        return 34 + 4 * 34 + framing;
      case 4:
        return 2 * 34 + framing;
      default:
        return 0;
    }
  }

  private static ByteString bytes(byte[] b) {
    return ByteString.copyFrom(b);
  }
}
