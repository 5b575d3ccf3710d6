package dev.keyshard.chains.evm;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.verify.Verifiers;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.Assertions;

/**
 * OpenZeppelin Contracts 4.9.6 {@code ERC20PresetFixedSupply} (npm {@code @openzeppelin/contracts},
 * its compiled artifact — a token we did not write) deployed on an {@link Anvil} node from
 * anvil's first unlocked dev account, minting the whole supply to one owner.
 */
public final class OpenZeppelinToken {
  /** anvil's first default account (unlocked: {@code eth_sendTransaction} signs for it). */
  static final String DEV_ACCOUNT = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
  private static final String ARTIFACT =
      "node_modules/@openzeppelin/contracts/build/contracts/ERC20PresetFixedSupply.json";

  private OpenZeppelinToken() {}

  /**
   * Deploys {@code ERC20PresetFixedSupply(name, symbol, initialSupply, owner)} and returns the
   * contract's address; skips the test when the npm package is not installed.
   */
  public static String deploy(Anvil anvil, String name, String symbol, BigInteger supply, String owner)
      throws Exception {
    Path artifact = Verifiers.interop().resolve(ARTIFACT);
    Anvil.requireVerifier(Files.exists(artifact), "npm @openzeppelin/contracts@4.9.6 is not installed in interop/");
    String bytecode = JsonParser.parseString(Files.readString(artifact)).getAsJsonObject()
        .get("bytecode").getAsString();
    // ABI head: offsets of the two strings (4 head words = 0x80), supply, owner; then the strings.
    String args = word(BigInteger.valueOf(0x80)) + word(BigInteger.valueOf(0xc0)) + word(supply)
        + word(new BigInteger(1, EvmAddress.parse("owner", owner).bytes()))
        + abiString(name) + abiString(symbol);
    JsonObject tx = new JsonObject();
    tx.addProperty("from", DEV_ACCOUNT);
    tx.addProperty("data", bytecode + args);
    tx.addProperty("gas", "0x2dc6c0");
    JsonObject receipt = anvil.receipt(anvil.rpc("eth_sendTransaction", tx).getAsString());
    Assertions.assertEquals("0x1", receipt.get("status").getAsString(), "token deployment");
    return receipt.get("contractAddress").getAsString();
  }

  /** {@code balanceOf(holder)} by {@code eth_call} at the latest block. */
  public static BigInteger balanceOf(Anvil anvil, String token, String holder) throws Exception {
    JsonObject call = new JsonObject();
    call.addProperty("to", token);
    call.addProperty("data", "0x70a08231" + topicOf(holder).substring(2));
    return new BigInteger(anvil.rpc("eth_call", call, "latest").getAsString().substring(2), 16);
  }

  /** An address as a 32-byte log topic / ABI word, 0x-prefixed lowercase hex. */
  static String topicOf(String address) {
    return "0x" + "0".repeat(24) + address.substring(2).toLowerCase(Locale.ROOT);
  }

  /** keccak256("Transfer(address,address,uint256)"), topic 0 of an ERC-20 Transfer log. */
  static String transferTopic() {
    return "0x" + HexFormat.of().formatHex(Keccak.keccak256(
        "Transfer(address,address,uint256)".getBytes(StandardCharsets.US_ASCII)));
  }

  private static String abiString(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] padded = new byte[(b.length + 31) / 32 * 32];
    System.arraycopy(b, 0, padded, 0, b.length);
    return word(BigInteger.valueOf(b.length)) + HexFormat.of().formatHex(padded);
  }

  private static String word(BigInteger v) {
    return HexFormat.of().formatHex(Erc20.word(v));
  }
}
