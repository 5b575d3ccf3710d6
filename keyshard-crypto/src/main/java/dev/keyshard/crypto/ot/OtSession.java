package dev.keyshard.crypto.ot;

import dev.keyshard.crypto.hash.Transcript;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.util.encoders.Hex;

/**
 * What one OT run is bound to: a session identifier and the ordered pair (sender, receiver) of
 * that run. Every hash of the base OT and of the extension (random-oracle points, key derivation,
 * PRG streams, the Fiat–Shamir challenge, the random-OT hash) absorbs {@link #digest}, so a message
 * replayed into another session, to another party or with the roles swapped produces unrelated
 * keys, and the extension's consistency check fails (ATTACKS.md, tss-lib CVE-2022-47930 replay).
 *
 * <p>The session identifier must be unique per run: for the extension, a PRG stream depends only on
 * (seed, digest), so two extensions under one session would XOR to the difference of their choice
 * bits. {@link KosReceiverSetup} refuses a repeated session in memory; callers must also make it
 * fresh across restarts (DKLs23 design §5: a fresh receiver nonce in the identifier).
 *
 * <p>Identifiers are public. Immutable and thread-safe.
 */
public final class OtSession {
  private static final String DOMAIN = "keyshard/ot/v1/session";

  private final byte[] sessionId;
  private final byte[] senderId;
  private final byte[] receiverId;

  private OtSession(byte[] sessionId, byte[] senderId, byte[] receiverId) {
    this.sessionId = sessionId;
    this.senderId = senderId;
    this.receiverId = receiverId;
  }

  /**
   * @param sessionId 16 to 64 bytes, unique per run
   * @param senderId the sender's canonical identifier, 1 to 255 bytes
   * @param receiverId the receiver's canonical identifier, 1 to 255 bytes, different from the
   *     sender's
   * @throws IllegalArgumentException when a length is out of range or the identifiers are equal
   */
  public static OtSession of(byte[] sessionId, byte[] senderId, byte[] receiverId) {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(senderId, "senderId");
    Objects.requireNonNull(receiverId, "receiverId");
    if (sessionId.length < 16 || sessionId.length > 64) {
      throw new IllegalArgumentException("session id must be 16 to 64 bytes");
    }
    if (senderId.length < 1 || senderId.length > 255 || receiverId.length < 1
        || receiverId.length > 255) {
      throw new IllegalArgumentException("party ids must be 1 to 255 bytes");
    }
    if (Arrays.equals(senderId, receiverId)) {
      throw new IllegalArgumentException("an OT needs two different parties");
    }
    return new OtSession(sessionId.clone(), senderId.clone(), receiverId.clone());
  }

  /**
   * The 32-byte binding of this session to one protocol and its shape: SHA-256 of a
   * length-prefixed {@link Transcript} over (protocol, session id, sender, receiver, sizes).
   */
  byte[] digest(String protocol, int... sizes) {
    Transcript t = Transcript.of(DOMAIN)
        .append("protocol", protocol)
        .append("session", sessionId)
        .append("sender", senderId)
        .append("receiver", receiverId);
    for (int size : sizes) {
      t.appendInt("size", size);
    }
    return t.digest();
  }

  @Override
  public String toString() {
    return "OtSession[" + Hex.toHexString(sessionId) + ", " + Hex.toHexString(senderId) + " -> "
        + Hex.toHexString(receiverId) + "]";
  }
}
