package dev.keyshard.mpc.dkls23;

import dev.keyshard.crypto.ot.BaseOtReceiverMessage;
import dev.keyshard.crypto.ot.BaseOtSenderMessage;
import dev.keyshard.mpc.ProtocolMessage;
import dev.keyshard.mpc.dkg.DkgMessage;
import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Destroyable;

/**
 * The bodies of DKLs23 key generation ({@link Dkls23KeygenParty}): each carries the embedded DKG's
 * body of that round and the DKLs23 additions of the same round (wire form: {@code dkls23.proto},
 * codec {@link Dkls23KeygenCodec}). Bodies are not validated here beyond shape: the party checks
 * commitments and OT messages and names the sender.
 *
 * <p>All bodies have value equality, so an identical re-delivery is recognised; none prints a
 * secret.
 */
public sealed interface Dkls23KeygenMessage extends ProtocolMessage
    permits Dkls23KeygenMessage.Round1Broadcast, Dkls23KeygenMessage.Round1Direct,
        Dkls23KeygenMessage.Round2Broadcast, Dkls23KeygenMessage.Round3Direct,
        Dkls23KeygenMessage.Round4Broadcast {

  /** The DKG part of this body. */
  DkgMessage dkg();

  /** Round 1, broadcast: the DKG commitment and the sender's chain-code commitment. */
  record Round1Broadcast(DkgMessage.Commitment dkg, byte[] chainCodeCommitment)
      implements Dkls23KeygenMessage {
    public Round1Broadcast {
      Objects.requireNonNull(dkg, "dkg");
      chainCodeCommitment = chainCodeCommitment.clone();
    }

    @Override
    public byte[] chainCodeCommitment() {
      return chainCodeCommitment.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Round1Broadcast && ((Round1Broadcast) o).dkg.equals(dkg)
          && Arrays.equals(((Round1Broadcast) o).chainCodeCommitment, chainCodeCommitment);
    }

    @Override
    public int hashCode() {
      return dkg.hashCode();
    }

    @Override
    public String toString() {
      return "Round1Broadcast";
    }
  }

  /**
   * Round 1, point-to-point: the base OTs of both ordered pairs with the recipient j (DKLs23
   * Protocol 5.2 "Setup", Endemic OT, one flight each way): {@code asSender} is the sender's A for
   * the pair where the recipient is the extension sender (Alice), {@code asReceiver} the κ point
   * pairs for the pair where the sender is Alice; and the commitment to the sender's zero-share
   * seed for this pair (F_Zero setup). {@link #dkg()} is null: the DKG has no direct round-1 body.
   */
  record Round1Direct(BaseOtSenderMessage asSender, BaseOtReceiverMessage asReceiver,
      byte[] zeroSeedCommitment) implements Dkls23KeygenMessage {
    public Round1Direct {
      Objects.requireNonNull(asSender, "asSender");
      Objects.requireNonNull(asReceiver, "asReceiver");
      zeroSeedCommitment = zeroSeedCommitment.clone();
    }

    @Override
    public DkgMessage dkg() {
      return null;
    }

    @Override
    public byte[] zeroSeedCommitment() {
      return zeroSeedCommitment.clone();
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Round1Direct)) {
        return false;
      }
      Round1Direct d = (Round1Direct) o;
      return Arrays.equals(d.asSender.toBytes(), asSender.toBytes())
          && Arrays.equals(d.asReceiver.toBytes(), asReceiver.toBytes())
          && Arrays.equals(d.zeroSeedCommitment, zeroSeedCommitment);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(zeroSeedCommitment);
    }

    @Override
    public String toString() {
      return "Round1Direct[" + asReceiver.count() + " base OTs]";
    }
  }

  /** Round 2, broadcast: the DKG echo and the digest of every chain-code commitment received. */
  record Round2Broadcast(DkgMessage.Echo dkg, byte[] chainCodeEcho)
      implements Dkls23KeygenMessage {
    public Round2Broadcast {
      Objects.requireNonNull(dkg, "dkg");
      chainCodeEcho = chainCodeEcho.clone();
    }

    @Override
    public byte[] chainCodeEcho() {
      return chainCodeEcho.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Round2Broadcast && ((Round2Broadcast) o).dkg.equals(dkg)
          && Arrays.equals(((Round2Broadcast) o).chainCodeEcho, chainCodeEcho);
    }

    @Override
    public int hashCode() {
      return dkg.hashCode();
    }

    @Override
    public String toString() {
      return "Round2Broadcast";
    }
  }

  /**
   * Round 3, point-to-point: the DKG share f_i(j), the opening of the sender's chain-code
   * contribution (opened only now, after every commitment was echoed), and the opening of its
   * zero-share seed for this pair.
   *
   * <h2>Security</h2>
   * The DKG share and the zero seed are secret: the transport encrypts this body; it prints
   * nothing secret and {@link #destroy()} wipes both. A class, not a record, so nothing generated
   * prints or hashes them.
   */
  final class Round3Direct implements Dkls23KeygenMessage, Destroyable {
    private final DkgMessage.Share dkg;
    private final byte[] chainCode;
    private final byte[] chainCodeSalt;
    private final byte[] zeroSeed;
    private final byte[] zeroSeedSalt;

    /** Takes ownership of {@code dkg}; copies the arrays. */
    public Round3Direct(DkgMessage.Share dkg, byte[] chainCode, byte[] chainCodeSalt,
        byte[] zeroSeed, byte[] zeroSeedSalt) {
      this.dkg = Objects.requireNonNull(dkg, "dkg");
      this.chainCode = chainCode.clone();
      this.chainCodeSalt = chainCodeSalt.clone();
      this.zeroSeed = zeroSeed.clone();
      this.zeroSeedSalt = zeroSeedSalt.clone();
    }

    @Override
    public DkgMessage.Share dkg() {
      return dkg;
    }

    public byte[] chainCode() {
      return chainCode.clone();
    }

    public byte[] chainCodeSalt() {
      return chainCodeSalt.clone();
    }

    /** The sender's zero-share seed for this pair (secret; a copy). */
    public byte[] zeroSeed() {
      return zeroSeed.clone();
    }

    public byte[] zeroSeedSalt() {
      return zeroSeedSalt.clone();
    }

    /** Constant-time in the secret fields. */
    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Round3Direct)) {
        return false;
      }
      Round3Direct d = (Round3Direct) o;
      return d.dkg.equals(dkg) & java.security.MessageDigest.isEqual(d.zeroSeed, zeroSeed)
          & Arrays.equals(d.chainCode, chainCode) & Arrays.equals(d.chainCodeSalt, chainCodeSalt)
          & Arrays.equals(d.zeroSeedSalt, zeroSeedSalt);
    }

    /** Constant: a secret is never hashed. */
    @Override
    public int hashCode() {
      return Round3Direct.class.hashCode();
    }

    @Override
    public void destroy() {
      dkg.destroy();
      Arrays.fill(zeroSeed, (byte) 0);
    }

    @Override
    public boolean isDestroyed() {
      return dkg.isDestroyed();
    }

    @Override
    public String toString() {
      return "Round3Direct[redacted]";
    }
  }

  /**
   * Round 4, broadcast: the DKG confirmation and the DKLs23 confirmation, a digest of (the DKG's
   * confirmed result, the chain code), so no party keeps a share unless every party derived the
   * same key and the same chain code.
   */
  record Round4Broadcast(DkgMessage.Confirmation dkg, byte[] confirmation)
      implements Dkls23KeygenMessage {
    public Round4Broadcast {
      Objects.requireNonNull(dkg, "dkg");
      confirmation = confirmation.clone();
    }

    @Override
    public byte[] confirmation() {
      return confirmation.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Round4Broadcast && ((Round4Broadcast) o).dkg.equals(dkg)
          && Arrays.equals(((Round4Broadcast) o).confirmation, confirmation);
    }

    @Override
    public int hashCode() {
      return dkg.hashCode();
    }

    @Override
    public String toString() {
      return "Round4Broadcast";
    }
  }
}
