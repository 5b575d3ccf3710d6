package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import fr.acinq.bitcoin.Satoshi;
import fr.acinq.bitcoin.Transaction;
import fr.acinq.bitcoin.TxOut;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The published signature-hash vectors, through the same methods the builder calls
 * ({@link Sighashes}, {@link ForkIdSighash}).
 */
class SighashVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  /** bitcoin/bips bip-0143.mediawiki, "Example", "Native P2WPKH": the second input's sigHash. */
  private static final String BIP143_UNSIGNED = "0100000002fff7f7881a8099afa6940d42d1e7f6362bec38171"
      + "ea3edf433541db4e4ad969f0000000000eeffffffef51e1b804cc89d182d279655c3aa89e815b1b309fe287d9"
      + "b2b55d57b90ec68a0100000000ffffffff02202cb206000000001976a9148280b37df378db99f66f85c95a783a"
      + "76ac7a6d5988ac9093510d000000001976a9143bde42dbee7e4dbe6a21b2d50ce2f0167faa815988ac11000000";
  private static final String BIP143_SCRIPT_CODE = "76a9141d0f172a0ecb48aee1be1f2687d2963ae33f71a188ac";
  private static final long BIP143_AMOUNT = 600_000_000L;
  private static final String BIP143_SIGHASH =
      "c37af31116d1b27caf68aae9e3ac82f1477929014d5b917657d0eb49478cb670";

  @Test
  void bip143NativeP2wpkh() {
    Transaction tx = Transaction.read(BIP143_UNSIGNED);
    byte[] h = Sighashes.segwitV0(tx, 1, HEX.parseHex(BIP143_SCRIPT_CODE), BIP143_AMOUNT,
        Sighashes.ALL);
    assertEquals(BIP143_SIGHASH, HEX.formatHex(h));
  }

  /**
   * Our own BIP-143-style digest, which Bitcoin Cash's FORKID sighash is, gives BIP-143's
   * sigHash when the FORKID bit is left out (the digest differs only in the nHashType it ends
   * with).
   */
  @Test
  void forkIdDigestIsBip143WithoutTheForkIdBit() {
    Transaction tx = Transaction.read(BIP143_UNSIGNED);
    byte[] h = ForkIdSighash.hash(tx, 1, HEX.parseHex(BIP143_SCRIPT_CODE), BIP143_AMOUNT, 1);
    assertEquals(BIP143_SIGHASH, HEX.formatHex(h));
    byte[] forkId = ForkIdSighash.hash(tx, 1, HEX.parseHex(BIP143_SCRIPT_CODE), BIP143_AMOUNT, 0x41);
    assertTrue(!BIP143_SIGHASH.equals(HEX.formatHex(forkId)), "the hash type is committed to");
  }

  /**
   * bitcoin/bips bip-0341/wallet-test-vectors.json, "keyPathSpending": every input's
   * intermediary.sigHash, with its hash type (SIGHASH_DEFAULT, ALL, NONE, SINGLE, ANYONECANPAY…).
   */
  @Test
  void bip341KeyPathSpending() throws Exception {
    JsonObject root;
    try (var in = getClass().getResourceAsStream("/vectors/bitcoin/bip341-wallet-test-vectors.json")) {
      root = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8)).getAsJsonObject();
    }
    int checked = 0;
    for (JsonElement e : root.getAsJsonArray("keyPathSpending")) {
      JsonObject given = e.getAsJsonObject().getAsJsonObject("given");
      Transaction tx = Transaction.read(given.get("rawUnsignedTx").getAsString());
      List<TxOut> spent = new ArrayList<>();
      for (JsonElement u : given.getAsJsonArray("utxosSpent")) {
        JsonObject o = u.getAsJsonObject();
        spent.add(new TxOut(new Satoshi(o.get("amountSats").getAsLong()),
            HEX.parseHex(o.get("scriptPubKey").getAsString())));
      }
      JsonArray inputs = e.getAsJsonObject().getAsJsonArray("inputSpending");
      for (JsonElement ie : inputs) {
        JsonObject in = ie.getAsJsonObject();
        int index = in.getAsJsonObject("given").get("txinIndex").getAsInt();
        int hashType = in.getAsJsonObject("given").get("hashType").getAsInt();
        String expected = in.getAsJsonObject("intermediary").get("sigHash").getAsString();
        assertEquals(expected, HEX.formatHex(Sighashes.taprootKeyPath(tx, index, spent, hashType)),
            "input " + index + " hash type " + hashType);
        checked++;
      }
    }
    assertEquals(7, checked, "all seven keyPathSpending inputs");
  }
}
