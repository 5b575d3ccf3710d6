package dev.keyshard.chains.solana;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.Amounts;
import dev.keyshard.chains.tx.TransactionSummary;
import fr.acinq.bitcoin.Base58;
import java.util.ArrayList;
import java.util.List;

/** What a device shows for a Solana transfer it built. */
final class SolanaSummaries {
  private SolanaSummaries() {}

  static TransactionSummary of(SolanaTransfer t) {
    String fee = Amounts.format(SolanaTransferBuilder.fee(t), SolanaTransferBuilder.DECIMALS, "SOL");
    List<String> details = new ArrayList<>();
    if (t.recipient().equals(t.payer())) {
      details.add("to the vault's own address: only the fee is spent");
    }
    details.add("recent blockhash " + Base58.encode(t.recentBlockhash()));
    if (t.microLamportsPerUnit() != null) {
      if (t.computeUnitLimit() == null) {
        fee += " (at most)";
        details.add("priority fee " + t.microLamportsPerUnit() + " micro-lamports per compute unit, "
            + "the runtime's default compute-unit limit");
      } else {
        details.add("priority fee " + t.microLamportsPerUnit() + " micro-lamports per compute unit, "
            + "limit " + t.computeUnitLimit() + " compute units");
      }
    }
    dev.keyshard.chains.tx.FeeWarning.addIfAbove(details, SolanaTransferBuilder.fee(t),
        t.lamports());
    return new TransactionSummary(Chain.SOLANA, t.payer().toString(), t.recipient().toString(),
        Amounts.format(t.lamports(), SolanaTransferBuilder.DECIMALS, "SOL"), fee, details);
  }
}
