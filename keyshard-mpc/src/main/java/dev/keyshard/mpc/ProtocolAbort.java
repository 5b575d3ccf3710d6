package dev.keyshard.mpc;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * A peer misbehaved and the protocol stopped. Names the protocol, the round, the reason and the
 * culprits (never empty). The message never contains secret material.
 */
public final class ProtocolAbort extends Exception {
  private final ProtocolId protocol;
  private final int round;
  private final AbortReason reason;
  private final Set<PartyId> culprits;

  public ProtocolAbort(
      ProtocolId protocol, int round, AbortReason reason, Set<PartyId> culprits, String detail) {
    super(protocol + " round " + round + ": " + reason + " by " + new TreeSet<>(culprits)
        + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
    if (culprits.isEmpty()) {
      throw new IllegalArgumentException("an abort always names a culprit");
    }
    this.protocol = protocol;
    this.round = round;
    this.reason = reason;
    this.culprits = Collections.unmodifiableSet(new TreeSet<>(culprits));
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

  public Set<PartyId> culprits() {
    return culprits;
  }
}
