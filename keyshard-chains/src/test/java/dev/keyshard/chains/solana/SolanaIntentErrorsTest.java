package dev.keyshard.chains.solana;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import fr.acinq.bitcoin.Base58;
import org.junit.jupiter.api.Test;

/** Solana intents refused before anything is signed, each with a message naming the field. */
class SolanaIntentErrorsTest {
  private static String error(TransactionIntent.Builder b) {
    return assertThrows(TransactionException.class,
        () -> Transactions.build(b.build(), SolanaTransferBuilderTest.VAULT.keys())).getMessage();
  }

  private static void assertNames(String field, String message, String... also) {
    assertTrue(message.startsWith("'" + field + "'"), message);
    for (String a : also) {
      assertTrue(message.contains(a), message);
    }
  }

  private static TransactionIntent.Builder valid() {
    return SolanaTransferBuilderTest.transfer();
  }

  @Test
  void recipientNotBase58OrNot32Bytes() {
    // 0, O, I and l are not base58 digits
    assertNames("to", error(valid().put("to", "0OIl" + SolanaTransferBuilderTest.RECIPIENT.substring(4))),
        "not base58");
    assertNames("to", error(valid().put("to", Base58.encode(new byte[31]).replace('1', '2'))), "32 bytes");
    assertNames("to", error(valid().put("to", Base58.encode(new byte[33]) + "2")), "32 bytes");
    assertNames("to", error(valid().put("to", "0x" + "ab".repeat(20))), "not base58");
    assertNames("to", error(valid().put("to", "")), "needed");
    String evm = Chain.ETHEREUM.address(SolanaTransferBuilderTest.VAULT.keys().rootEcdsa(),
        SolanaTransferBuilderTest.VAULT.keys().rootEddsa(), SolanaTransferBuilderTest.VAULT.keys().chainCode());
    assertNames("to", error(valid().put("to", evm)));
    String btc = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
    assertNames("to", error(valid().put("to", btc)), "decodes to 25 bytes");
  }

  @Test
  void recipientIsAProgramTheMessageCalls() {
    assertNames("to", error(valid().put("to", "11111111111111111111111111111111")), "System");
    assertNames("to", error(valid().put("to", "ComputeBudget111111111111111111111111111111")),
        "Compute Budget");
  }

  @Test
  void badAmounts() {
    assertNames("amount", error(valid().put("amount", "0.0000000001")), "more than 9 decimals");
    assertNames("amount", error(valid().put("amount", "-1")), "plain decimal");
    assertNames("amount", error(valid().put("amount", "one")), "plain decimal");
    assertNames("amount", error(valid().put("amount", "1e3")), "plain decimal");
    assertNames("amount", error(valid().put("amount", "0")), "more than zero");
    assertNames("amount", error(valid().put("amount", "18446744073.709551616")), "64 bits");
    assertNames("amount", error(TransactionIntent.builder(Chain.SOLANA)
        .put("to", SolanaTransferBuilderTest.RECIPIENT).put("recentBlockhash",
            SolanaTransferBuilderTest.BLOCKHASH)), "needed");
  }

  @Test
  void blockhashMissingOrMalformed() {
    assertNames("recentBlockhash", error(TransactionIntent.builder(Chain.SOLANA)
        .put("to", SolanaTransferBuilderTest.RECIPIENT).put("amount", "1")), "needed", "--rpc");
    assertNames("recentBlockhash", error(valid().put("recentBlockhash", "ab".repeat(32))), "bytes");
    assertNames("recentBlockhash", error(valid().put("recentBlockhash", "not-a-hash")), "not base58");
  }

  @Test
  void priorityFeeAndComputeUnits() {
    assertNames("priorityFee", error(valid().put("priorityFee", "0")), "1..2^64-1");
    assertNames("priorityFee", error(valid().put("priorityFee", "1.5")), "whole number");
    assertNames("priorityFee", error(valid().put("priorityFee", "18446744073709551616")), "1..2^64-1");
    assertNames("computeUnits", error(valid().put("computeUnits", "1000")), "give 'priorityFee'");
    assertNames("computeUnits", error(valid().put("priorityFee", "1").put("computeUnits", "449")),
        "450..1400000");
    assertNames("computeUnits", error(valid().put("priorityFee", "1").put("computeUnits", "1400001")),
        "450..1400000");
  }

  @Test
  void unknownFieldsAreRefused() {
    assertNames("memo", error(valid().put("memo", "hello")), "not a Solana transfer field");
    assertNames("maxPriorityFeePerGas", error(valid().put("maxPriorityFeePerGas", "1")),
        "not a Solana transfer field");
  }
}
