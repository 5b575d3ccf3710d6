package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ATTACKS.md "EVM nonce completeness" (vultisig-ios#4528: the {@code latest} nonce reused) against
 * anvil with mining off, so sent transactions really stay pending: two sends completed by
 * {@link EvmRpc} back to back get nonces n and n+1 while the node's {@code latest} count is
 * still n, and both are mined from the vault. The wrong answer a {@code latest}-nonce wallet would
 * give (n again) and a nonce the user gives that is already mined are both refused by the node
 * with its reason, never taken as sent.
 */
@Timeout(60)
class EvmPendingNonceTest {
  private static final PlainKeySigner SIGNER = PlainKeySigner.fromLabel("evm-pending-nonce");

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, SIGNER.keys());
    return tx.assemble(SIGNER.signAll(tx));
  }

  private static TransactionIntent.Builder send(String amount) {
    return TransactionIntent.builder(Chain.ETHEREUM).put("to", EvmTransactionBuilderTest.RECIPIENT)
        .put("amount", amount).put("chainId", "31337");
  }

  private static BigInteger count(Anvil anvil, String vault, String block) throws Exception {
    return new BigInteger(anvil.rpc("eth_getTransactionCount", vault, block).getAsString()
        .substring(2), 16);
  }

  private static BigInteger nonceOf(Anvil anvil, String hash) throws Exception {
    return new BigInteger(anvil.rpc("eth_getTransactionByHash", hash).getAsJsonObject()
        .get("nonce").getAsString().substring(2), 16);
  }

  @Test
  void backToBackUnconfirmedSendsGetConsecutiveNoncesAndAUsedNonceIsRefused() throws Exception {
    try (Anvil anvil = Anvil.startWithoutMining(31337)) {
      String vault = EvmTransactionBuilder.vaultAddress(Chain.ETHEREUM, SIGNER.keys()).toString();
      anvil.setBalance(vault, BigInteger.TEN.pow(20));
      EvmRpc rpc = new EvmRpc(anvil.client());

      // One mined send first, so n = 1 and a nonce of 0 (a default) cannot pass for right.
      String h0 = rpc.broadcast(sign(rpc.complete(send("0.001").build(), SIGNER.keys())));
      anvil.mine();
      assertEquals("0x1", anvil.receipt(h0).get("status").getAsString());
      BigInteger n = count(anvil, vault, "latest");
      assertEquals(BigInteger.ONE, n);

      TransactionIntent first = rpc.complete(send("0.01").build(), SIGNER.keys());
      assertEquals(n.toString(), first.string("nonce"));
      SignedTransaction s1 = sign(first);
      String h1 = rpc.broadcast(s1);
      assertEquals(s1.txHash(), h1);

      TransactionIntent second = rpc.complete(send("0.02").build(), SIGNER.keys());
      assertEquals(n, count(anvil, vault, "latest"),
          "the first send is still unconfirmed when the second is completed");
      JsonElement pendingReceipt = anvil.rpc("eth_getTransactionReceipt", h1);
      assertTrue(pendingReceipt == null || pendingReceipt.isJsonNull(), "no receipt yet for " + h1);
      assertEquals(n.add(BigInteger.ONE).toString(), second.string("nonce"),
          "the pending nonce, not the latest one");

      // What a wallet reading the 'latest' nonce would sign: the node refuses it (same nonce as
      // the pending first send, no fee bump), with its reason.
      SignedTransaction latestNonce = sign(second.with("nonce", n.toString()));
      RpcException collision = assertThrows(RpcException.class, () -> rpc.broadcast(latestNonce));
      System.out.println("latest-nonce send while one is pending: " + collision.getMessage());
      assertTrue(collision.getMessage().toLowerCase(Locale.ROOT).contains("underpriced"),
          collision.getMessage());

      SignedTransaction s2 = sign(second);
      String h2 = rpc.broadcast(s2);
      assertEquals(s2.txHash(), h2);
      assertEquals(n, count(anvil, vault, "latest"), "nothing mined before evm_mine");

      anvil.mine();
      JsonObject r1 = anvil.receipt(h1);
      JsonObject r2 = anvil.receipt(h2);
      for (JsonObject r : new JsonObject[] {r1, r2}) {
        assertEquals("0x1", r.get("status").getAsString());
        assertEquals(vault.toLowerCase(Locale.ROOT), r.get("from").getAsString().toLowerCase(Locale.ROOT));
      }
      assertEquals(r1.get("blockNumber"), r2.get("blockNumber"), "mined together");
      assertEquals(n, nonceOf(anvil, h1));
      assertEquals(n.add(BigInteger.ONE), nonceOf(anvil, h2));
      BigInteger after = count(anvil, vault, "latest");
      assertEquals(n.add(BigInteger.TWO), after);
      BigInteger balance = anvil.balance(EvmTransactionBuilderTest.RECIPIENT);

      // A nonce the user gives is kept, even an already-used one: the node must refuse it.
      TransactionIntent used = rpc.complete(send("0.03").put("nonce", n.toString()).build(),
          SIGNER.keys());
      assertEquals(n.toString(), used.string("nonce"), "the user's nonce is kept");
      SignedTransaction s3 = sign(used);
      RpcException tooLow = assertThrows(RpcException.class, () -> rpc.broadcast(s3));
      System.out.println("already-used nonce: " + tooLow.code() + " " + tooLow.getMessage());
      assertTrue(tooLow.getMessage().toLowerCase(Locale.ROOT).contains("nonce"), tooLow.getMessage());
      anvil.mine();
      JsonElement gone = anvil.rpc("eth_getTransactionByHash", s3.txHash());
      assertTrue(gone == null || gone.isJsonNull(), "the refused send is nowhere: " + gone);
      assertEquals(after, count(anvil, vault, "latest"));
      assertEquals(balance, anvil.balance(EvmTransactionBuilderTest.RECIPIENT));
    }
  }
}
