package dev.keyshard.mpc;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A peer misbehaved and the protocol stopped. Names the protocol, the round, the reason and the
 * culprits (never empty). The message never contains secret material.
 *
 * <p>Most aborts identify the culprit. Where the protocol cannot tell who cheated (DKLs23's
 * Σpk_j = P check and final signature check), {@link #unidentified} builds an abort whose
 * {@link #identified()} is false: its culprits are then suspects, everyone who could have caused
 * it, and a node must not punish any one of them on this abort alone.
 */
public final class ProtocolAbort extends Exception {
  private final ProtocolId protocol;
  private final int round;
  private final AbortReason reason;
  private final Set<PartyId> culprits;
  private final boolean identified;

  public ProtocolAbort(
      ProtocolId protocol, int round, AbortReason reason, Set<PartyId> culprits, String detail) {
    this(protocol, round, reason, culprits, detail, true);
  }

  private ProtocolAbort(ProtocolId protocol, int round, AbortReason reason,
      Set<PartyId> culprits, String detail, boolean identified) {
    super(protocol + " round " + round + ": " + reason + (identified ? " by " : " suspects ")
        + new TreeSet<>(culprits) + (identified ? "" : ", not identifiable")
        + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
    if (culprits.isEmpty()) {
      throw new IllegalArgumentException("an abort always names a culprit");
    }
    this.protocol = protocol;
    this.round = round;
    this.reason = reason;
    this.culprits = Collections.unmodifiableSet(new TreeSet<>(culprits));
    this.identified = identified;
  }

  /**
   * An abort where the protocol cannot say which party cheated: {@code suspects} (never empty) are
   * every party that could have caused it.
   */
  public static ProtocolAbort unidentified(ProtocolId protocol, int round, AbortReason reason,
      Set<PartyId> suspects, String detail) {
    return new ProtocolAbort(protocol, round, reason, suspects, detail, false);
  }

  public ProtocolAbort(
      ProtocolId protocol, int round, AbortReason reason, PartyId culprit, String detail) {
    this(protocol, round, reason, Set.of(culprit), detail);
  }

  public ProtocolId protocol() {
    return protocol;
  }

  public int round() {
    return round;
  }

  public AbortReason reason() {
    return reason;
  }

  /** The parties at fault when {@link #identified()}, otherwise the suspects. Never empty. */
  public Set<PartyId> culprits() {
    return culprits;
  }

  /** False when the protocol cannot identify the cheater and {@link #culprits()} are suspects. */
  public boolean identified() {
    return identified;
  }
}
