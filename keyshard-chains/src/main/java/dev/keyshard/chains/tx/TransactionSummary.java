package dev.keyshard.chains.tx;

import dev.keyshard.chains.Chain;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a device shows before it signs, decoded from the transaction it built itself: chain,
 * sender, recipient, amount and fee in the chain's usual units (e.g. "0.015 BTC",
 * "0.00042 ETH (max)"), and chain-specific details ("nonce 7", "chain id 1", "memo …",
 * "change 0.0049 BTC to bc1q…"). Control, bidirectional and other invisible characters are
 * escaped ({@link DisplayText}), so no field can fake a line or reorder what is shown.
 */
public record TransactionSummary(Chain chain, String from, String to, String amount, String fee,
    List<String> details) {
  public TransactionSummary {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(fee, "fee");
    // Nothing in a summary may hide or fake what is signed: escaped here for every chain.
    from = DisplayText.escape(from);
    to = DisplayText.escape(to);
    amount = DisplayText.escape(amount);
    fee = DisplayText.escape(fee);
    details = details.stream().map(DisplayText::escape).toList();
  }

  /** The summary as aligned "label: value" lines. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("chain:   " + chain.displayName());
    out.add("from:    " + from);
    out.add("to:      " + to);
    out.add("amount:  " + amount);
    out.add("fee:     " + fee);
    for (String d : details) {
      out.add("         " + d);
    }
    return out;
  }
}
