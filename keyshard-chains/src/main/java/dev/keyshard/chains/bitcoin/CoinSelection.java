package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.tx.TransactionException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses which of the given outputs to spend: largest first, until they cover the amount and
 * the fee of the transaction they make. Change goes back to the vault unless it would be below
 * the dust limit; then it is left to the fee instead (an output that small is not relayed).
 * Deterministic (ties broken by txid and index), so every co-signer picks the same inputs.
 */
final class CoinSelection {
  private CoinSelection() {}

  /**
   * @param inputs the outputs spent, in transaction order
   * @param fee the fee paid (with any change below dust)
   * @param change the change amount, 0 when there is no change output
   * @param vsize the estimated virtual size
   */
  record Result(List<Utxo> inputs, long fee, long change, long vsize, long dustToFee) {}

  /**
   * @param to the recipient's script
   * @param change the change script
   * @param changeDust the dust limit of the change script
   * @throws TransactionException saying how much is missing when the outputs do not suffice
   */
  static Result select(List<Utxo> available, long amount, byte[] to, byte[] change, long changeDust,
      Fee fee, UtxoChain chain) throws TransactionException {
    List<Utxo> sorted = new ArrayList<>(available);
    sorted.sort(Comparator.comparingLong(Utxo::amount).reversed()
        .thenComparing(Utxo::txid).thenComparingLong(Utxo::vout));
    List<Utxo> chosen = new ArrayList<>();
    List<ScriptType> types = new ArrayList<>();
    long total = 0;
    for (Utxo u : sorted) {
      chosen.add(u);
      types.add(u.type());
      total = Math.addExact(total, u.amount());
      if (total < amount) {
        continue; // short even before the fee: skip sizing, which costs O(inputs) each time
      }
      long sizeNoChange = SizeEstimator.vsize(types, List.of(to));
      long feeNoChange = fee.forSize(sizeNoChange);
      if (total < amount + feeNoChange) {
        continue;
      }
      long sizeWithChange = SizeEstimator.vsize(types, List.of(to, change));
      long feeWithChange = fee.forSize(sizeWithChange);
      long rest = total - amount - feeWithChange;
      if (rest >= changeDust) {
        return new Result(List.copyOf(chosen), feeWithChange, rest, sizeWithChange, 0);
      }
      long paid = total - amount;
      return new Result(List.copyOf(chosen), paid, 0, sizeNoChange, paid - feeNoChange);
    }
    long needed = amount + fee.forSize(SizeEstimator.vsize(types, List.of(to)));
    throw new TransactionException("insufficient funds: sending " + chain.format(amount)
        + " plus a fee of " + chain.format(needed - amount) + " needs " + chain.format(needed)
        + ", the " + available.size() + " given 'utxos' hold " + chain.format(total) + ": "
        + chain.format(needed - total) + " missing");
  }
}
