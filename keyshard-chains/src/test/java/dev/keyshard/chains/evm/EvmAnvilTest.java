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
}
