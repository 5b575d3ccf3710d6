package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
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
  /** The 0.01 ETH every coin transfer here sends. */
  private static final BigInteger AMOUNT_WEI = BigInteger.TEN.pow(16);

  @BeforeAll
  static void start() throws Exception {
    anvil = Anvil.start(31337);
    vault = EvmTransactionBuilder.vaultAddress(Chain.ETHEREUM, SIGNER.keys()).toString();
    anvil.setBalance(vault, BigInteger.TEN.pow(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (anvil != null) {
      anvil.close();
    }
  }

  private static long nonce() throws Exception {
    return Long.decode(anvil.rpc("eth_getTransactionCount", vault, "pending").getAsString());
  }

  private static TransactionIntent.Builder transfer(String type) throws Exception {
    TransactionIntent.Builder b = TransactionIntent.builder(Chain.ETHEREUM)
        .put("to", EvmTransactionBuilderTest.RECIPIENT).put("amount", "0.01").put("chainId", "31337")
        .put("nonce", String.valueOf(nonce())).put("type", type);
    return type.equals("legacy") ? b.put("gasPrice", "100")
        : b.put("maxFeePerGas", "100").put("maxPriorityFeePerGas", "1");
  }

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, SIGNER.keys());
    return tx.assemble(SIGNER.signAll(tx));
  }

  /** Mined with status 1, the node's hash is ours, the sender is the vault, the coins arrived. */
  private static void acceptedFromVault(SignedTransaction signed) throws Exception {
    BigInteger before = anvil.balance(EvmTransactionBuilderTest.RECIPIENT);
    String hash = anvil.rpc("eth_sendRawTransaction", signed.encoded()).getAsString();
    assertEquals(signed.txHash(), hash);
    assertEquals("0x1", anvil.receipt(hash).get("status").getAsString());
    assertEquals(vault.toLowerCase(Locale.ROOT), anvil.sender(hash).toLowerCase(Locale.ROOT));
    assertEquals(AMOUNT_WEI, anvil.balance(EvmTransactionBuilderTest.RECIPIENT).subtract(before));
  }

  @Test
  void eip1559TransferIsMinedFromTheVault() throws Exception {
    acceptedFromVault(sign(transfer("eip1559").build()));
  }

  @Test
  void legacyTransferIsMinedFromTheVault() throws Exception {
    acceptedFromVault(sign(transfer("legacy").build()));
  }

  /**
   * Signed for Ethereum mainnet (chain id 1) and for a neighbour id: the 31337 node does not take
   * them. anvil 1.7.1 refuses typed transactions ("invalid chain id for signer"); a legacy one
   * gets a hash back but is dropped (never pooled, never mined), so that is checked after a
   * block is mined: no such transaction, no coins moved, the vault's nonce unchanged.
   */
  @Test
  void wrongChainIdIsRejected() throws Exception {
    for (String type : new String[] {"eip1559", "legacy"}) {
      for (String chainId : new String[] {"1", "31338"}) {
        SignedTransaction signed = sign(transfer(type).put("chainId", chainId).build());
        String rejected = notMinedFromVault(signed.encoded());
        if (type.equals("eip1559")) {
          assertTrue(rejected != null && rejected.contains("chain id"), type + " " + chainId + ": " + rejected);
        }
      }
    }
  }

  /** One bit of s flipped: the node rejects it or recovers another sender, never the vault. */
  @Test
  void tamperedSignatureNeverSpendsFromTheVault() throws Exception {
    for (String type : new String[] {"eip1559", "legacy"}) {
      byte[] raw = sign(transfer(type).build()).raw();
      raw[raw.length - 5] ^= 1; // s is the last RLP item, 32 bytes
      notMinedFromVault("0x" + HexFormat.of().formatHex(raw));
    }
  }

  /**
   * Sends a transaction that must not spend from the vault; returns the node's refusal, or null
   * when it answered with a hash (then nothing from the vault was mined, checked after a block).
   */
  private static String notMinedFromVault(String rawHex) throws Exception {
    long vaultNonce = minedNonce();
    BigInteger vaultBalance = anvil.balance(vault);
    BigInteger recipientBalance = anvil.balance(EvmTransactionBuilderTest.RECIPIENT);
    String refusal = null;
    try {
      String hash = anvil.rpc("eth_sendRawTransaction", rawHex).getAsString();
      anvil.rpc("evm_mine");
      com.google.gson.JsonElement tx = anvil.rpc("eth_getTransactionByHash", hash);
      if (tx != null && tx.isJsonObject()) {
        assertNotEquals(vault.toLowerCase(Locale.ROOT),
            tx.getAsJsonObject().get("from").getAsString().toLowerCase(Locale.ROOT));
      }
    } catch (RpcException e) {
      refusal = e.getMessage();
    }
    assertEquals(vaultNonce, minedNonce());
    assertEquals(vaultNonce, nonce(), "nothing from the vault waits in the pool");
    assertEquals(vaultBalance, anvil.balance(vault));
    assertEquals(recipientBalance, anvil.balance(EvmTransactionBuilderTest.RECIPIENT));
    return refusal;
  }

  private static long minedNonce() throws Exception {
    return Long.decode(anvil.rpc("eth_getTransactionCount", vault, "latest").getAsString());
  }

  /**
   * ERC-20: OpenZeppelin 4.9.6 ERC20PresetFixedSupply minting 1000 TST to the vault; a
   * Keyshard-built transfer of 5 TST is mined, emits exactly one Transfer(vault, recipient) log
   * from the token, and the recipient's balanceOf is 5·10^18.
   */
  @Test
  void erc20TransferMovesTokensFromTheVault() throws Exception {
    String token = OpenZeppelinToken.deploy(anvil, "Test", "TST",
        BigInteger.valueOf(1000).multiply(BigInteger.TEN.pow(18)), vault);
    SignedTransaction signed = sign(transfer("eip1559").put("token", token).put("decimals", "18")
        .put("tokenSymbol", "TST").put("amount", "5").put("gasLimit", "100000").build());
    String hash = anvil.rpc("eth_sendRawTransaction", signed.encoded()).getAsString();
    assertEquals(signed.txHash(), hash);
    JsonObject receipt = anvil.receipt(hash);
    assertEquals("0x1", receipt.get("status").getAsString());
    assertEquals(vault.toLowerCase(Locale.ROOT), anvil.sender(hash).toLowerCase(Locale.ROOT));
    JsonArray logs = receipt.getAsJsonArray("logs");
    assertEquals(1, logs.size());
    JsonObject log = logs.get(0).getAsJsonObject();
    assertEquals(token.toLowerCase(Locale.ROOT), log.get("address").getAsString().toLowerCase(Locale.ROOT));
    JsonArray topics = log.getAsJsonArray("topics");
    assertEquals(OpenZeppelinToken.transferTopic(), topics.get(0).getAsString());
    assertEquals(OpenZeppelinToken.topicOf(vault), topics.get(1).getAsString());
    assertEquals(OpenZeppelinToken.topicOf(EvmTransactionBuilderTest.RECIPIENT), topics.get(2).getAsString());
    BigInteger five = BigInteger.valueOf(5).multiply(BigInteger.TEN.pow(18));
    assertEquals(five, new BigInteger(log.get("data").getAsString().substring(2), 16));
    assertEquals(five, OpenZeppelinToken.balanceOf(anvil, token, EvmTransactionBuilderTest.RECIPIENT));
  }
}
