package dev.keyshard.chains.solana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.verify.LiteSvm;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LiteSVM — the Agave SVM runtime in-process, with signature verification and the blockhash
 * check on (interop/sol-verify.mjs) — executes the transfers Keyshard built and signed: the
 * recipient gets the amount, the vault pays amount + fee, and a flipped signature bit or a
 * lamport changed after signing is refused with SignatureFailure.
 */
class SolanaLiteSvmTest {
  private static final BigInteger AIRDROP = BigInteger.valueOf(10_000_000_000L);
  private static final String PAYER = SolanaAddress.ofVault(SolanaTransferBuilderTest.VAULT.keys())
      .toString();
  private static String blockhash;

  @BeforeAll
  static void liteSvmBlockhash() throws Exception {
    blockhash = LiteSvm.blockhash();
  }

  private static TransactionIntent.Builder transfer(String amount) {
    return SolanaTransferBuilderTest.transfer().put("amount", amount).put("recentBlockhash", blockhash);
  }

  private static SignedTransaction sign(TransactionIntent.Builder b) throws Exception {
    SolanaUnsignedTransaction tx = SolanaTransferBuilderTest.build(b);
    return tx.assemble(SolanaTransferBuilderTest.VAULT.signAll(tx));
  }

  /** Runs each transaction in its own fresh LiteSVM where the vault got {@link #AIRDROP}. */
  private static Map<String, JsonObject> execute(String recipient, Map<String, byte[]> txs)
      throws Exception {
    return LiteSvm.execute(PAYER, recipient, AIRDROP.toString(), txs);
  }

  private static BigInteger balance(JsonObject r, String which) {
    return r.get(which).isJsonNull() ? BigInteger.ZERO : new BigInteger(r.get(which).getAsString());
  }

  private static void assertExecuted(JsonObject r, SignedTransaction tx, long lamports, long fee) {
    assertTrue(r.get("ok").getAsBoolean(), r.toString());
    assertEquals(tx.txHash(), r.get("signature").getAsString(), "the id is the signature");
    assertEquals(BigInteger.valueOf(lamports), balance(r, "recipientBalance"), r.toString());
    assertEquals(AIRDROP.subtract(BigInteger.valueOf(lamports + fee)), balance(r, "payerBalance"),
        "the vault pays amount + fee: " + r);
  }

  private static void assertRefused(JsonObject r, String error) {
    assertFalse(r.get("ok").getAsBoolean(), r.toString());
    assertEquals(error, r.get("error").getAsString(), r.toString());
    assertEquals(BigInteger.ZERO, balance(r, "recipientBalance"), r.toString());
    assertEquals(AIRDROP, balance(r, "payerBalance"), "nothing charged: " + r);
  }

  @Test
  void transfersExecuteAndTamperedOnesAreRefused() throws Exception {
    SignedTransaction plain = sign(transfer("0.25"));
    SignedTransaction priced = sign(transfer("0.125").put("priorityFee", "250000")
        .put("computeUnits", "1000"));
    // 1 lamport per compute unit: the priority fee shows the runtime's default limit.
    TransactionIntent.Builder noLimit = transfer("0.0625").put("priorityFee", "1000000");
    SignedTransaction defaultLimit = sign(noLimit);
    SignedTransaction tightest = sign(transfer("0.5").put("priorityFee", "1000000")
        .put("computeUnits", "450"));
    byte[] badSignature = plain.raw();
    badSignature[1 + 17] ^= 0x20;
    // The transfer's u64 lamports are the message's last 8 bytes: add one lamport after signing.
    byte[] badAmount = plain.raw();
    badAmount[badAmount.length - 8]++;
    SignedTransaction unknownBlockhash = sign(SolanaTransferBuilderTest.transfer());

    Map<String, byte[]> txs = new LinkedHashMap<>();
    txs.put("plain", plain.raw());
    txs.put("priced", priced.raw());
    txs.put("defaultLimit", defaultLimit.raw());
    txs.put("tightest", tightest.raw());
    txs.put("badSignature", badSignature);
    txs.put("badAmount", badAmount);
    txs.put("unknownBlockhash", unknownBlockhash.raw());
    Map<String, JsonObject> r = execute(SolanaTransferBuilderTest.RECIPIENT, txs);

    assertExecuted(r.get("plain"), plain, 250_000_000L, 5000);
    // ⌈250000 × 1000 / 10^6⌉ = 250 lamports priority fee: the summary's exact fee
    assertExecuted(r.get("priced"), priced, 125_000_000L, 5250);
    assertEquals("0.00000525 SOL", SolanaTransferBuilderTest.build(transfer("0.125")
        .put("priorityFee", "250000").put("computeUnits", "1000")).summary().fee());
    // the smallest limit the builder accepts is enough: 1 lamport per unit, 450 lamports
    assertExecuted(r.get("tightest"), tightest, 500_000_000L, 5450);
    assertEquals("450", r.get("tightest").get("computeUnits").getAsString());
    JsonObject d = r.get("defaultLimit");
    assertTrue(d.get("ok").getAsBoolean(), d.toString());
    assertEquals(BigInteger.valueOf(62_500_000L), balance(d, "recipientBalance"));
    BigInteger paidFee = AIRDROP.subtract(BigInteger.valueOf(62_500_000L)).subtract(balance(d, "payerBalance"));
    assertEquals("0.000205 SOL (at most)", SolanaTransferBuilderTest.build(noLimit).summary().fee());
    assertTrue(paidFee.compareTo(BigInteger.valueOf(5000)) > 0
        && paidFee.compareTo(BigInteger.valueOf(205_000)) <= 0,
        "a priority fee was paid, at most the summary's fee for 200000 units: " + paidFee);

    assertRefused(r.get("badSignature"), "SignatureFailure");
    assertRefused(r.get("badAmount"), "SignatureFailure");
    assertRefused(r.get("unknownBlockhash"), "BlockhashNotFound");
  }

  @Test
  void sendingToItselfCostsOnlyTheFee() throws Exception {
    SignedTransaction self = sign(transfer("1.5").put("to", PAYER));
    JsonObject r = execute(PAYER, Map.of("self", self.raw())).get("self");
    assertTrue(r.get("ok").getAsBoolean(), r.toString());
    assertEquals(AIRDROP.subtract(BigInteger.valueOf(5000)), balance(r, "payerBalance"), r.toString());
  }
}
