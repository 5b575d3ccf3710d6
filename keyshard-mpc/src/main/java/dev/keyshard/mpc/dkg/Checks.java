package dev.keyshard.mpc.dkg;

import dev.keyshard.crypto.internal.KeyshardBug;
import dev.keyshard.mpc.AbortReason;
import dev.keyshard.mpc.PartyId;
import dev.keyshard.mpc.ProtocolAbort;
import java.util.Set;

/** Small helpers shared by the DKG rounds: building aborts and asserting inbox invariants. */
final class Checks {
  private Checks() {}

  static ProtocolAbort abort(
      DkgContext ctx, int round, AbortReason reason, PartyId culprit, String detail) {
    return new ProtocolAbort(ctx.protocol(), round, reason, culprit, detail);
  }

  static ProtocolAbort abort(
      DkgContext ctx, int round, AbortReason reason, Set<PartyId> culprits, String detail) {
    return new ProtocolAbort(ctx.protocol(), round, reason, culprits, detail);
  }

  /**
   * The party's inbox admits exactly one message from each other party before a round runs; a
   * round that sees anything else was called wrongly, which is our bug, not a peer's.
   */
  static void requireSenders(DkgContext ctx, int round, Set<PartyId> senders) {
    if (!senders.equals(ctx.others())) {
      throw new KeyshardBug("round " + round + " ran with senders " + senders
          + ", expected " + ctx.others());
    }
  }
}
