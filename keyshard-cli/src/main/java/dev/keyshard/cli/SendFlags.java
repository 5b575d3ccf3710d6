package dev.keyshard.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which {@code keyshard send} flag sets which transaction request field, so an error that names a
 * field ("'feeRate' is needed") also names the flag to type ("'feeRate' (--fee-rate)").
 */
final class SendFlags {
  private static final Map<String, String> FLAGS = new LinkedHashMap<>();

  static {
    FLAGS.put("to", "--to");
    FLAGS.put("amount", "--amount");
    FLAGS.put("fee", "--fee");
    FLAGS.put("feeRate", "--fee-rate");
    FLAGS.put("maxFee", "--max-fee");
    FLAGS.put("utxos", "--utxo");
    FLAGS.put("prevTxs", "--prev-tx");
    FLAGS.put("change", "--change");
    FLAGS.put("addressType", "--address-type");
    FLAGS.put("rbf", "--no-rbf");
    FLAGS.put("nonce", "--nonce");
    FLAGS.put("chainId", "--chain-id");
    FLAGS.put("gasLimit", "--gas-limit");
    FLAGS.put("maxFeePerGas", "--max-fee");
    FLAGS.put("maxPriorityFeePerGas", "--priority-fee");
    FLAGS.put("gasPrice", "--gas-price");
    FLAGS.put("type", "--legacy");
    FLAGS.put("token", "--token");
    FLAGS.put("decimals", "--decimals");
    FLAGS.put("accountNumber", "--account-number");
    FLAGS.put("sequence", "--sequence");
    FLAGS.put("gas", "--gas");
    FLAGS.put("memo", "--memo");
    FLAGS.put("recentBlockhash", "--blockhash");
    FLAGS.put("priorityFee", "--cu-price");
    FLAGS.put("computeUnits", "--compute-units");
    FLAGS.put("network", "--network");
  }

  private SendFlags() {}

  /** The message with the first mention of each quoted field followed by its flag. */
  static String annotate(String message) {
    String out = message;
    for (Map.Entry<String, String> e : FLAGS.entrySet()) {
      String quoted = "'" + e.getKey() + "'";
      int at = out.indexOf(quoted);
      if (at >= 0) {
        int end = at + quoted.length();
        out = out.substring(0, end) + " (" + e.getValue() + ")" + out.substring(end);
      }
    }
    return out;
  }
}
