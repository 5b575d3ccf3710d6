package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.rpc.JsonRpcClient;
import dev.keyshard.chains.rpc.RpcException;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import fr.acinq.bitcoin.Bech32;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxIn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * ATTACKS.md "UTXO completeness" (vultisig-android#5433: a 100-UTXO cap left a partial input set)
 * against litecoind (regtest): the vault's P2WPKH address holds 701 matured coinbases, 3 immature
 * ones, and one of the 701 is spent by a transaction in the mempool. {@link BitcoinRpc#complete}
 * must list exactly the 700 confirmed, unspent, mature outputs with their amounts to the litoshi
 * (each checked against the block it was mined in and Litecoin's regtest subsidy schedule); a
 * spend needing 444 of them is built, signed, accepted by the node's testmempoolaccept, broadcast
 * and mined. Spending an excluded output by hand is refused by the node with its reason, and
 * the maturity boundary (99 vs 100 confirmations) is the node's.
 */
@Timeout(120)
class LitecoinManyUtxosTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("ltc-many-utxos");
  static final byte[] SCRIPT = KmpScripts.p2wpkh(KmpScripts.childKey(VAULT, "m/84/2/0/0/0"));
  static final String ADDRESS = Bech32.encodeWitnessAddress("rltc", (byte) 0,
      java.util.Arrays.copyOfRange(SCRIPT, 2, 22));
  static final String TO = BitcoinRpcRegtestTest.TO;
  /** Litecoin's regtest halves the 50 LTC subsidy every 150 blocks (chainparams.cpp). */
  private static final int HALVING_INTERVAL = 150;
  private static final long INITIAL_SUBSIDY = 50_0000_0000L;

  @Test
  void completeListsAll700ConfirmedUnspentOutputsAndASpendOf444IsMined() throws Exception {
    long begin = System.nanoTime();
    try (LitecoinRegtest node = LitecoinRegtest.start()) {
      lap("start litecoind", begin);
      long start = System.nanoTime();
      List<String> mined = mineToVault(node, 701);
      lap("mine and read 701 blocks", start);
      assertEquals(701, node.call("getblockcount").getAsInt());
      node.mine(100); // block 701's coinbase now has 101 confirmations: mature
      List<String> immature = mineToVault(node, 3);
      BitcoinRpc rpc = new BitcoinRpc(new JsonRpcClient(node.rpcUrl()));

      // The last mature output is spent by a transaction left in the mempool.
      String spentInMempool = mined.get(mined.size() - 1);
      SignedTransaction pending = sign(intent("3").put("utxos", List.of(spentInMempool))
          .put("feeRate", "1").build());
      assertEquals(pending.txHash(), rpc.broadcast(pending));
      assertEquals(Set.of(pending.txHash()),
          node.call("getrawmempool", true).getAsJsonObject().keySet());

      Set<String> expected = new HashSet<>(mined);
      expected.remove(spentInMempool);
      assertEquals(700, expected.size());
      long t0 = System.nanoTime();
      TransactionIntent completed = rpc.complete(intent("13000").build(), VAULT.keys());
      System.out.printf("complete() of 700 outputs: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
      List<String> listed = completed.list("utxos");
      assertEquals(700, listed.size(), "every confirmed unspent output, no cap");
      assertEquals(expected, new HashSet<>(listed), "exactly the mature, unspent ones, to the litoshi");
      for (String excluded : concat(immature, List.of(spentInMempool))) {
        assertFalse(listed.contains(excluded), excluded);
      }
      // Co-signers receive the completed intent as JSON: all 700 must survive the round trip.
      String json = completed.toJson();
      System.out.println("completed intent with 700 utxos: " + json.length() + " bytes of JSON (limit "
          + TransactionIntent.MAX_JSON_BYTES + ")");
      assertEquals(completed, TransactionIntent.parse(json));

      // 149 × 50 + 150 × 25 = 11,200 LTC; 13,000 LTC + fee needs 145 of the 12.5 LTC ones.
      long build = System.nanoTime();
      UnsignedTransaction unsigned = Transactions.build(completed, VAULT.keys());
      lap("build", build);
      // What co-signers receive lists only the 444 outputs spent, and rebuilds the same requests.
      TransactionIntent forCosigners = TransactionIntent.parse(unsigned.intent().toJson());
      assertEquals(444, forCosigners.list("utxos").size());
      assertEquals(unsigned.signingRequests(),
          Transactions.build(forCosigners, VAULT.keys()).signingRequests());
      long signing = System.nanoTime();
      List<dev.keyshard.chains.tx.ChainSignature> signatures = VAULT.signAll(unsigned);
      lap("sign 444", signing);
      long assembling = System.nanoTime();
      SignedTransaction spend = unsigned.assemble(signatures);
      lap("assemble (checks 444 signatures)", assembling);
      Transaction tx = Transaction.read(spend.encoded());
      assertEquals(444, tx.txIn.size(), unsigned.summary().toString());
      for (TxIn in : tx.txIn) {
        String outpoint = in.outPoint.txid.toString() + ":" + in.outPoint.index;
        assertTrue(expected.stream().anyMatch(u -> u.startsWith(outpoint + ":")), outpoint);
      }
      JsonObject verdict = node.testMempoolAccept(spend.encoded());
      System.out.println("444-input spend: " + verdict);
      assertTrue(verdict.get("allowed").getAsBoolean(), verdict.toString());
      assertTrue(verdict.get("vsize").getAsLong() < BitcoinTransactionBuilder.MAX_STANDARD_VSIZE);
      assertEquals(spend.txHash(), rpc.broadcast(spend));
      node.mine(1);
      JsonObject paid = node.call("gettxout", spend.txHash(), 0).getAsJsonObject();
      assertEquals(1, paid.get("confirmations").getAsInt());
      assertEquals(0, new BigDecimal("13000").compareTo(paid.get("value").getAsBigDecimal()),
          paid.toString());
      assertEquals(1, node.call("getblock", node.call("getbestblockhash"), 1).getAsJsonObject()
          .getAsJsonArray("tx").asList().stream().filter(t -> t.getAsString().equals(spend.txHash()))
          .count(), "the spend is in the new block");

      // What a wallet that kept an excluded output would sign: the node refuses it.
      SignedTransaction premature = sign(intent("1").put("utxos", List.of(immature.get(0)))
          .put("feeRate", "1").build());
      RpcException young = assertThrows(RpcException.class, () -> rpc.broadcast(premature));
      System.out.println("spend of an immature coinbase: " + young.getMessage());
      assertTrue(young.getMessage().contains("premature-spend-of-coinbase"), young.getMessage());
      lap("whole test before stopping the node", begin);
    }
    lap("whole test", begin);
  }

  /**
   * The maturity boundary as the node draws it: a coinbase with 99 confirmations is not listed
   * (and the node refuses its spend), with 100 it is listed and the node accepts its spend.
   */
  @Test
  void aCoinbaseIsListedFromItsHundredthConfirmation() throws Exception {
    try (LitecoinRegtest node = LitecoinRegtest.start()) {
      String coinbase = mineToVault(node, 1).get(0);
      node.mine(98);
      assertEquals(99, node.call("gettxout", coinbase.split(":")[0], 0).getAsJsonObject()
          .get("confirmations").getAsInt());
      BitcoinRpc rpc = new BitcoinRpc(new JsonRpcClient(node.rpcUrl()));
      dev.keyshard.chains.tx.TransactionException none = assertThrows(
          dev.keyshard.chains.tx.TransactionException.class,
          () -> rpc.complete(intent("1").build(), VAULT.keys()));
      assertTrue(none.getMessage().contains("no spendable output"), none.getMessage());
      SignedTransaction early = sign(intent("1").put("utxos", List.of(coinbase)).put("feeRate", "1")
          .build());
      JsonObject refused = node.testMempoolAccept(early.encoded());
      assertEquals("bad-txns-premature-spend-of-coinbase", refused.get("reject-reason").getAsString());

      node.mine(1);
      TransactionIntent completed = rpc.complete(intent("1").build(), VAULT.keys());
      assertEquals(List.of(coinbase), completed.list("utxos"));
      SignedTransaction spend = sign(completed);
      JsonObject accepted = node.testMempoolAccept(spend.encoded());
      assertTrue(accepted.get("allowed").getAsBoolean(), accepted.toString());
      assertEquals(spend.txHash(), rpc.broadcast(spend));
    }
  }

  /**
   * Mines {@code blocks} blocks whose coinbases pay the vault ({@code generatetodescriptor} with
   * {@code addr(…)}), and returns their outputs as complete() lists them, each amount checked
   * against the subsidy schedule: 50 LTC halved every 150 blocks, no fees in these blocks.
   */
  private static List<String> mineToVault(LitecoinRegtest node, int blocks) throws Exception {
    List<String> hashes = new ArrayList<>();
    for (int done = 0; done < blocks; done += 100) {
      JsonArray chunk = node.call("generatetodescriptor", Math.min(100, blocks - done),
          "addr(" + ADDRESS + ")").getAsJsonArray();
      chunk.forEach(h -> hashes.add(h.getAsString()));
    }
    String hex = HexFormat.of().formatHex(SCRIPT);
    List<String> outputs = new ArrayList<>();
    for (String hash : hashes) {
      JsonObject block = node.call("getblock", hash, 2).getAsJsonObject();
      JsonObject coinbase = block.getAsJsonArray("tx").get(0).getAsJsonObject();
      JsonArray vout = coinbase.getAsJsonArray("vout");
      JsonObject paid = vout.get(0).getAsJsonObject();
      assertEquals(hex, paid.getAsJsonObject("scriptPubKey").get("hex").getAsString());
      long height = block.get("height").getAsLong();
      long subsidy = INITIAL_SUBSIDY >> (height / HALVING_INTERVAL);
      BigDecimal value = paid.get("value").getAsBigDecimal();
      assertEquals(BigDecimal.valueOf(subsidy, 8).stripTrailingZeros(), value.stripTrailingZeros(),
          "coinbase at height " + height);
      outputs.add(coinbase.get("txid").getAsString() + ":0:"
          + value.stripTrailingZeros().toPlainString() + ":p2wpkh");
    }
    return outputs;
  }

  private static void lap(String what, long since) {
    System.out.printf("%s: %d ms%n", what, (System.nanoTime() - since) / 1_000_000);
  }

  static TransactionIntent.Builder intent(String amount) {
    return TransactionIntent.builder(Chain.LITECOIN).put("network", "regtest").put("to", TO)
        .put("amount", amount);
  }

  private static SignedTransaction sign(TransactionIntent intent) throws Exception {
    UnsignedTransaction tx = Transactions.build(intent, VAULT.keys());
    return tx.assemble(VAULT.signAll(tx));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
