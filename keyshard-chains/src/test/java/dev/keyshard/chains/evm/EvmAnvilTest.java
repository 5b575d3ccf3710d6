package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * anvil accepts and mines Keyshard-built transactions signed for the vault's key, and reports
 * the vault's address as the sender (a wrong signature would recover some other address, so the
 * sender is asserted, not just the status).
 */
@Timeout(120)
class EvmAnvilTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("evm-anvil");
  private static Anvil anvil;
  private static String vault;

  @BeforeAll
  static void start() throws Exception {
    anvil = Anvil.start(31337);
    vault = EvmTransactionBuilder.vaultAddress(dev.keyshard.chains.Chain.ETHEREUM, SIGNER.keys()).toString();
    anvil.setBalance(vault, BigInteger.TEN.pow(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (anvil != null) {
      anvil.close();
    }
  }

  private static long nonce() throws Exception {
    return Long.decode(anvil.rpc().call("eth_getTransactionCount", vault, "pending").getAsString());
  }

  private static TransactionIntent.Builder transfer(String type) throws Exception {
    TransactionIntent.Builder b = TransactionIntent.builder(dev.keyshard.chains.Chain.ETHEREUM)
        .put("to", EvmTransactionBuilderTest.RECIPIENT).put("amount", "0.01").put("chainId", "31337")
        .put("nonce", String.valueOf(nonce())).put("type", type);
    return type.equals("legacy") ? b.put("gasPrice", "10")
        : b.put("maxFeePerGas", "10").put("maxPriorityFeePerGas", "1");
  }

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, SIGNER.keys());
    return tx.assemble(SIGNER.signAll(tx));
  }

  private static void acceptedFromVault(SignedTransaction signed) throws Exception {
    String hash = anvil.rpc().call("eth_sendRawTransaction", signed.encoded()).getAsString();
    assertEquals(signed.txHash(), hash);
    assertEquals("0x1", anvil.receipt(hash).get("status").getAsString());
    assertEquals(vault.toLowerCase(Locale.ROOT), anvil.sender(hash).toLowerCase(Locale.ROOT));
  }

  @Test
  void eip1559TransferIsMinedFromTheVault() throws Exception {
    acceptedFromVault(sign(transfer("eip1559").build()));
  }

  @Test
  void legacyTransferIsMinedFromTheVault() throws Exception {
    acceptedFromVault(sign(transfer("legacy").build()));
  }

  @Test
  void wrongChainIdIsRejected() throws Exception {
    SignedTransaction signed = sign(transfer("eip1559").put("chainId", "31338").build());
    assertThrows(RpcException.class, () -> anvil.rpc().call("eth_sendRawTransaction", signed.encoded()));
  }

  /** One bit of s flipped: the node rejects it or recovers another sender, never the vault. */
  @Test
  void tamperedSignatureNeverSpendsFromTheVault() throws Exception {
    byte[] raw = sign(transfer("eip1559").build()).raw();
    raw[raw.length - 5] ^= 1;
    String hex = "0x" + HexFormat.of().formatHex(raw);
    try {
      String hash = anvil.rpc().call("eth_sendRawTransaction", hex).getAsString();
      assertNotEquals(vault.toLowerCase(Locale.ROOT), anvil.sender(hash).toLowerCase(Locale.ROOT));
    } catch (RpcException rejected) {
      // rejected by the node: also a pass
    }
  }

  /**
   * ERC-20: OpenZeppelin 4.9.6 ERC20PresetFixedSupply (npm @openzeppelin/contracts) minting
   * 1000 TST to the vault; a Keyshard-built transfer of 5 TST is mined, emits one Transfer log
   * and the recipient's balanceOf is 5·10^18.
   */
  @Test
  void erc20TransferMovesTokensFromTheVault() throws Exception {
    java.nio.file.Path artifact = dev.keyshard.chains.verify.Verifiers.interop().resolve(
        "node_modules/@openzeppelin/contracts/build/contracts/ERC20PresetFixedSupply.json");
    org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(artifact),
        "npm @openzeppelin/contracts@4.9.6 is not installed");
    String bytecode = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(artifact))
        .getAsJsonObject().get("bytecode").getAsString();
    EvmAddress owner = EvmAddress.parse("owner", vault);
    String args = hex(Erc20.word(BigInteger.valueOf(0x80))) + hex(Erc20.word(BigInteger.valueOf(0xc0)))
        + hex(Erc20.word(BigInteger.valueOf(1000).multiply(BigInteger.TEN.pow(18))))
        + hex(Erc20.word(new BigInteger(1, owner.bytes())))
        + abiString("Test") + abiString("TST");
    com.google.gson.JsonObject deploy = new com.google.gson.JsonObject();
    deploy.addProperty("from", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    deploy.addProperty("data", bytecode + args);
    deploy.addProperty("gas", "0x2dc6c0");
    String deployHash = anvil.rpc().call("eth_sendTransaction", deploy).getAsString();
    com.google.gson.JsonObject deployed = anvil.receipt(deployHash);
    assertEquals("0x1", deployed.get("status").getAsString());
    String token = deployed.get("contractAddress").getAsString();

    SignedTransaction signed = sign(transfer("eip1559").put("token", token).put("decimals", "18")
        .put("tokenSymbol", "TST").put("amount", "5").put("gasLimit", "100000").build());
    String hash = anvil.rpc().call("eth_sendRawTransaction", signed.encoded()).getAsString();
    com.google.gson.JsonObject receipt = anvil.receipt(hash);
    assertEquals("0x1", receipt.get("status").getAsString());
    assertEquals(1, receipt.getAsJsonArray("logs").size());
    assertEquals(vault.toLowerCase(Locale.ROOT), anvil.sender(hash).toLowerCase(Locale.ROOT));
    com.google.gson.JsonObject call = new com.google.gson.JsonObject();
    call.addProperty("to", token);
    call.addProperty("data", "0x70a08231" + "0".repeat(24)
        + EvmTransactionBuilderTest.RECIPIENT.substring(2).toLowerCase(Locale.ROOT));
    String balance = anvil.rpc().call("eth_call", call, "latest").getAsString();
    assertEquals(BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(18)), new BigInteger(balance.substring(2), 16));
  }

  private static String abiString(String s) {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] padded = new byte[32];
    System.arraycopy(b, 0, padded, 0, b.length);
    return hex(Erc20.word(BigInteger.valueOf(b.length))) + hex(padded);
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
