package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.Bech32;
import fr.acinq.bitcoin.Crypto;
import fr.acinq.bitcoin.Transaction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link BitcoinRpc} against litecoind (regtest), over JSON-RPC with the basic auth of its URL:
 * complete() finds the vault's P2WPKH and P2TR coinbases (and not a younger, immature one) with
 * their exact amounts and the node's relay fee; the completed intent is built, signed, broadcast
 * and mined; the change it made is then found with its exact odd amount. Once a spend of that
 * change is in the mempool, complete() no longer offers it, a conflicting spend is refused with
 * the node's reason, and so is a second broadcast of the same transaction.
 */
@Timeout(240)
class BitcoinRpcRegtestTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("ltc-rpc");
  static final String TO = Bech32.encodeWitnessAddress("rltc", (byte) 0, Crypto.hash160(
      KmpScripts.childKey(PlainKeySigner.fromLabel("ltc-rpc-recipient"), "m/84/2/0/0/0")));

  static TransactionIntent.Builder intent(String amount) {
    return TransactionIntent.builder(Chain.LITECOIN).put("network", "regtest").put("to", TO)
        .put("amount", amount);
  }

  @Test
  void findsTheVaultsOutputsBroadcastsAndRefusesConflicts() throws Exception {
    try (LitecoinRegtest node = LitecoinRegtest.start()) {
      String wpkh = node.fund(KmpScripts.p2wpkh(KmpScripts.childKey(VAULT, "m/84/2/0/0/0")));
      String tr = node.fund(KmpScripts.p2tr(KmpScripts.childKey(VAULT, "m/86/2/0/0/0")));
      node.mature();
      node.fund(KmpScripts.p2wpkh(KmpScripts.childKey(VAULT, "m/84/2/0/0/0"))); // immature
      BitcoinRpc rpc = new BitcoinRpc(new JsonRpcClient(node.rpcUrl()));

      TransactionIntent first = rpc.complete(intent("60").build(), VAULT.keys());
      assertEquals(Set.of(normal(wpkh) + ":p2wpkh", normal(tr) + ":p2tr"),
          new TreeSet<>(first.list("utxos")), "both mature coinbases, exact, typed; not the young one");
      assertEquals(expectedFeeRate(node), new BigDecimal(first.string("feeRate")));
      assertEquals("regtest", first.string("network"));
      SignedTransaction s1 = sign(first);
      assertEquals(s1.txHash(), rpc.broadcast(s1));
      node.mine(1);
      assertEquals(1, node.call("gettxout", s1.txHash(), 0).getAsJsonObject()
          .get("confirmations").getAsInt());

      Transaction t1 = Transaction.read(s1.encoded());
      String change = s1.txHash() + ":1:" + BigDecimal.valueOf(t1.txOut.get(1).amount.getSat(), 8)
          .stripTrailingZeros().toPlainString() + ":p2wpkh";
      TransactionIntent second = rpc.complete(intent("1").put("rbf", "false").build(), VAULT.keys());
      assertEquals(List.of(change), second.list("utxos"), "the change, to the litoshi");
      SignedTransaction s2 = sign(second);
      assertEquals(s2.txHash(), rpc.broadcast(s2));

      TransactionException none = assertThrows(TransactionException.class,
          () -> rpc.complete(intent("1").build(), VAULT.keys()));
      assertTrue(none.getMessage().contains("no spendable output"), none.getMessage());

      SignedTransaction conflict = sign(intent("2").put("utxos", List.of(change))
          .put("feeRate", "20").put("rbf", "false").build());
      RpcException refused = assertThrows(RpcException.class, () -> rpc.broadcast(conflict));
      System.out.println("conflicting spend: " + refused.getMessage());
      assertTrue(refused.getMessage().contains("txn-mempool-conflict"), refused.getMessage());
      RpcException again = assertThrows(RpcException.class, () -> rpc.broadcast(s2));
      System.out.println("second broadcast: " + again.getMessage());
      assertTrue(again.getMessage().contains("already"), again.getMessage());
      JsonObject mempool = node.call("getrawmempool", true).getAsJsonObject();
      assertEquals(Set.of(s2.txHash()), mempool.keySet(), "only the first spend is pending");

      node.mine(1);
      RpcException mined = assertThrows(RpcException.class, () -> rpc.broadcast(conflict));
      System.out.println("spend of a spent output: " + mined.getMessage());
      assertFalse(mined.getMessage().isBlank());
      TransactionException mainnet = assertThrows(TransactionException.class, () -> rpc.complete(
          intent("1").put("network", "mainnet").put("to", Bech32.encodeWitnessAddress("ltc", (byte) 0, new byte[20]))
              .build(), VAULT.keys()));
      assertTrue(mainnet.getMessage().contains("'regtest'"), mainnet.getMessage());

      SignedTransaction garbage = new SignedTransaction(Chain.LITECOIN, s2.from(), new byte[] {0},
          "00", "00".repeat(32));
      RpcException undecodable = assertThrows(RpcException.class, () -> rpc.broadcast(garbage));
      System.out.println("undecodable: " + undecodable.code() + " " + undecodable.getMessage());
      assertTrue(undecodable.getMessage().contains("decode"), undecodable.getMessage());
      BitcoinRpc wrongPassword = new BitcoinRpc(new JsonRpcClient(
          node.rpcUrl().replace("regtest-only", "wrong")));
      assertEquals(401, assertThrows(RpcException.class,
          () -> wrongPassword.complete(intent("1").build(), VAULT.keys())).code());
    }
  }

  /** The node's relay fee (or mempool minimum, if higher), in litoshi/vB. */
  private static BigDecimal expectedFeeRate(LitecoinRegtest node) throws Exception {
    BigDecimal relay = node.call("getnetworkinfo").getAsJsonObject().get("relayfee").getAsBigDecimal();
    BigDecimal mempool = node.call("getmempoolinfo").getAsJsonObject().get("mempoolminfee")
        .getAsBigDecimal();
    return relay.max(mempool).movePointRight(5).stripTrailingZeros();
  }

  private static String normal(String utxo) {
    String[] p = utxo.split(":");
    return p[0] + ":" + p[1] + ":" + new BigDecimal(p[2]).stripTrailingZeros().toPlainString();
  }

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, VAULT.keys());
    return tx.assemble(VAULT.signAll(tx));
  }
}
