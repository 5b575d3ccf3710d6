package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.evm.Anvil;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path on real nodes: a 2-of-3 vault made by DKLs23, {@code keyshard send --rpc} with
 * two of its shares (the node supplies nonce and fees, the threshold protocol signs), and the node
 * mines the transaction from the vault's address.
 */
class SendOnNodesTest {
  @TempDir Path tmp;

  @Test
  void anvilMinesAThresholdSignedTransferFromTheVault() throws Exception {
    ShareFiles v = ShareFiles.keygen(tmp, "On anvil");
    Path pw = v.password();
    List<String> shares = v.shares();
    String to = "0x000000000000000000000000000000000000dEaD";
    try (Anvil anvil = Anvil.start(31337)) {
      CliRun dry = CliRun.of("send", "--chain", "ethereum", "--chain-id", "31337", "--to", to,
          "--amount", "0.25", "--nonce", "0", "--max-fee", "1", "--priority-fee", "1",
          "--shares", shares.get(0),
          "--dry-run", "--password-file", pw.toString());
      assertEquals(0, dry.exitCode(), dry.err());
      String from = dry.err().replaceAll("(?s).*from:\\s+(0x[0-9a-fA-F]{40}).*", "$1");
      anvil.setBalance(from, new BigInteger("10000000000000000000"));
      BigInteger before = anvil.balance(to);

      CliRun r = CliRun.of("send", "--chain", "ethereum", "--chain-id", "31337", "--to", to,
          "--amount", "0.25", "--shares", shares.get(1), shares.get(2), "--rpc", anvil.url(),
          "--yes", "--json", "--password-file", pw.toString());
      assertEquals(0, r.exitCode(), r.err());
      JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
      assertTrue(r.err().contains("the node accepted it as " + o.get("txHash").getAsString()), r.err());
      JsonObject receipt = anvil.receipt(o.get("txHash").getAsString());
      assertEquals("0x1", receipt.get("status").getAsString());
      assertEquals(from.toLowerCase(), anvil.sender(o.get("txHash").getAsString()).toLowerCase());
      assertEquals(before.add(new BigInteger("250000000000000000")), anvil.balance(to));

      // The same nonce again (it is now used): the node refuses, and send says so, not success.
      CliRun again = CliRun.of("send", "--chain", "ethereum", "--chain-id", "31337", "--to", to,
          "--amount", "0.25", "--nonce", "0", "--shares", shares.get(1), shares.get(2), "--rpc",
          anvil.url(), "--yes", "--json", "--password-file", pw.toString());
      assertEquals(1, again.exitCode(), again.err());
      assertTrue(again.err().contains("the node refused the transaction"), again.err());
    }
  }

  @Test
  void litecoindAcceptsThresholdSignedSpendsOfTheVaultsCoinsAlsoFoundThroughRpc() throws Exception {
    ShareFiles v = ShareFiles.keygen(tmp, "On litecoind");
    Path pw = v.password();
    List<String> shares = v.shares();
    JsonObject made = v.made();
    java.util.HexFormat hex = java.util.HexFormat.of();
    dev.keyshard.chains.tx.VaultKeys keys = new dev.keyshard.chains.tx.VaultKeys(
        hex.parseHex(made.get("publicKeyEcdsa").getAsString()),
        hex.parseHex(made.get("publicKeyEddsa").getAsString()),
        hex.parseHex(made.get("chainCode").getAsString()));
    byte[] h = new byte[32];
    byte[] wpkhKey = dev.keyshard.chains.tx.SigningRequest.ecdsa(
        dev.keyshard.vault.hd.DerivationPath.parse("m/84'/2'/0'/0/0"), h).signingKey(keys).publicKey();
    byte[] trKey = dev.keyshard.chains.tx.SigningRequest.taproot(
        dev.keyshard.vault.hd.DerivationPath.parse("m/86'/2'/0'/0/0"), h).signingKey(keys).publicKey();
    byte[] wpkhScript = concat(new byte[] {0x00, 0x14}, fr.acinq.bitcoin.Crypto.hash160(wpkhKey));
    byte[] trScript = concat(new byte[] {0x51, 0x20}, trKey);
    try (dev.keyshard.chains.bitcoin.LitecoinRegtest node = dev.keyshard.chains.bitcoin.LitecoinRegtest.start()) {
      String wpkh = node.fund(wpkhScript);
      String tr = node.fund(trScript);
      node.mature();
      String to = fr.acinq.bitcoin.Bech32.encodeWitnessAddress("rltc", (byte) 0, new byte[20]);
      double each = Double.parseDouble(wpkh.split(":")[2]);
      CliRun r = CliRun.of("send", "--chain", "litecoin", "--network", "regtest", "--to", to,
          "--amount", each >= 50 ? "60" : "1.5", "--utxo", wpkh + ":p2wpkh", "--utxo", tr + ":p2tr",
          "--fee-rate", "10", "--shares", shares.get(0), shares.get(2), "--yes", "--json",
          "--password-file", pw.toString());
      assertEquals(0, r.exitCode(), r.err());
      JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
      // DKLs23 signed the P2WPKH input, FROST-TR (BIP-86 tweak) the P2TR input: the node accepts both.
      JsonObject verdict = node.testMempoolAccept(o.get("raw").getAsString());
      assertTrue(verdict.get("allowed").getAsBoolean(), verdict.toString());
      assertEquals(o.get("txHash").getAsString(),
          node.call("sendrawtransaction", o.get("raw").getAsString()).getAsString());
      node.mine(1);
      assertEquals(1, node.call("gettxout", o.get("txHash").getAsString(), 0).getAsJsonObject()
          .get("confirmations").getAsInt());

      // --rpc with neither --utxo nor --fee-rate: the node finds the change of the first spend
      // (scantxoutset), the fee rate (regtest: its relay fee), and takes the broadcast.
      CliRun viaNode = CliRun.of("send", "--chain", "litecoin", "--network", "regtest", "--to", to,
          "--amount", "1", "--rpc", node.rpcUrl(), "--shares", shares.get(1), shares.get(2),
          "--yes", "--json", "--password-file", pw.toString());
      assertEquals(0, viaNode.exitCode(), viaNode.err());
      String second = JsonParser.parseString(viaNode.out()).getAsJsonObject().get("txHash").getAsString();
      assertTrue(viaNode.err().contains("the node accepted it as " + second), viaNode.err());
      fr.acinq.bitcoin.Transaction spent = fr.acinq.bitcoin.Transaction.read(
          JsonParser.parseString(viaNode.out()).getAsJsonObject().get("raw").getAsString());
      assertEquals(o.get("txHash").getAsString(), spent.txIn.get(0).outPoint.txid.toString(),
          "it spends the first transaction's change");
      node.mine(1);
      assertEquals(1, node.call("gettxout", second, 0).getAsJsonObject()
          .get("confirmations").getAsInt());
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
