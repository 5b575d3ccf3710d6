package dev.keyshard.crypto.ot;

/**
 * A party's role in one OT protocol run: the base OT ({@link EndemicOtSender} /
 * {@link EndemicOtReceiver}) or the extension ({@link KosSender} / {@link KosReceiver}). An
 * {@link OtException} names the role of the peer whose message failed; the protocol layer, which
 * knows who played that role, maps it to a party identifier.
 *
 * <p>Roles are reversed between the two layers: the extension sender is the base-OT receiver
 * (it chooses Δ), the extension receiver is the base-OT sender (KOS15, "Initialize").
 */
public enum OtRole {
  /** The sender of the protocol that failed. */
  SENDER,
  /** The receiver of the protocol that failed. */
  RECEIVER
}
