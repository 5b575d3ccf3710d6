package dev.keyshard.chains.tx;

import java.math.BigInteger;
import java.util.List;

/**
 * The line a summary leads its details with when the fee (or, where only a maximum is known, the
 * most it can be) is more than the amount sent, in the same unit: almost always a typo, a lying
 * node or an initiator draining the vault through fees, so the device says it in words.
 */
public final class FeeWarning {
  /** The warning, as it appears in {@link TransactionSummary#details()}. */
  public static final String TEXT = "WARNING: the fee is more than the amount sent";

  private FeeWarning() {}

  /** Puts {@link #TEXT} first in {@code details} when {@code fee > amount} (same base unit). */
  public static void addIfAbove(List<String> details, BigInteger fee, BigInteger amount) {
    if (fee.compareTo(amount) > 0) {
      details.add(0, TEXT);
    }
  }
}
