package dev.keyshard.chains.evm;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HexFormat;

/**
 * A token transfer's {@code decimals} checked against the contract itself: the node runs the
 * token's {@code decimals()} ({@code eth_call} at the latest block) and a given value that is not
 * the contract's is refused, a missing one is filled in. The amount is scaled by the decimals, so
 * "--amount 1 --decimals 6" on an 18-decimal token sends 10^-12 of what was meant, and the other
 * way round 10^12 times as much: the summary cannot tell (it shows what the intent states), only
 * the contract can. Stateless.
 *
 * <p>The answer must be one ABI word (32 bytes, EIP-20's {@code uint8} as the Solidity ABI
 * returns it) with a value of at most 255. Anything else (no code at the address, a reverted
 * call, a longer or shorter answer, a larger number) is an error, never a default.
 */
final class TokenDecimals {
  private static final int UINT8_MAX = 255;

  private TokenDecimals() {}

  /**
   * The intent with {@code decimals} as the token's contract states them.
   *
   * @throws TransactionException naming the token when the given decimals are not the
   *     contract's, or the contract gives no valid uint8 (not a token, or the wrong chain)
   * @throws IOException when the node cannot be reached
   */
  static TransactionIntent complete(JsonRpcClient rpc, TransactionIntent intent)
      throws TransactionException, IOException {
    EvmAddress token = EvmTransactionBuilder.nonZero("token",
        EvmAddress.parse("token", intent.string("token")));
    int onChain = read(rpc, token);
    if (!intent.has("decimals")) {
      return intent.with("decimals", Integer.toString(onChain));
    }
    BigInteger given = intent.unsigned("decimals");
    if (!given.equals(BigInteger.valueOf(onChain))) {
      throw new TransactionException("'decimals' " + given + " is not the token's: " + token
          + "'s decimals() on the node at " + rpc + " is " + onChain + ", so the amount would move "
          + "10^" + given.subtract(BigInteger.valueOf(onChain)) + " times the tokens you meant "
          + "(give 'decimals' " + onChain + ", or leave it out and the node fills it in)");
    }
    return intent;
  }

  /** The contract's {@code decimals()}, 0..255. */
  private static int read(JsonRpcClient rpc, EvmAddress token)
      throws TransactionException, IOException {
    JsonObject call = new JsonObject();
    call.addProperty("to", token.toString());
    call.addProperty("data", "0x" + HexFormat.of().formatHex(Erc20.decimals()));
    JsonElement answer;
    try {
      answer = rpc.call("eth_call", call, "latest");
    } catch (RpcException e) {
      throw new TransactionException("'token' " + token + ": its decimals() failed on the node at "
          + rpc + " (" + e.getMessage() + "): is it an ERC-20 contract on this chain?", e);
    }
    String hex = answer != null && answer.isJsonPrimitive()
        ? answer.getAsString() : String.valueOf(answer);
    if (hex.equals("0x")) {
      throw new TransactionException("'token' " + token + " has no code or no decimals() on the "
          + "node at " + rpc + ": is it an ERC-20 contract on this chain?");
    }
    // One ABI word: exactly 64 hex digits. A longer or shorter answer is not a uint8 return.
    if (!hex.matches("0x[0-9a-fA-F]{64}")) {
      throw new TransactionException("'token' " + token + ": the node at " + rpc + " answers "
          + "decimals() with '" + abbreviate(hex) + "', not a uint8 (one 32-byte ABI word)");
    }
    BigInteger value = new BigInteger(hex.substring(2), 16);
    if (value.compareTo(BigInteger.valueOf(UINT8_MAX)) > 0) {
      throw new TransactionException("'token' " + token + ": the node at " + rpc + " answers "
          + "decimals() with " + abbreviate(value.toString()) + ", not a uint8 (0..255)");
    }
    return value.intValueExact();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }
}
