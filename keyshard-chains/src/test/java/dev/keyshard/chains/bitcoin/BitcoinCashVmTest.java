package dev.keyshard.chains.bitcoin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.PlainKeySigner;
import dev.keyshard.chains.tx.SignedTransaction;
import dev.keyshard.chains.tx.TransactionIntent;
import dev.keyshard.chains.tx.Transactions;
import dev.keyshard.chains.tx.UnsignedTransaction;
import dev.keyshard.chains.verify.Verifiers;
import fr.acinq.bitcoin.ByteVector;
import fr.acinq.bitcoin.Transaction;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * libauth's Bitcoin Cash virtual machine (interop/bch-verify.mjs: its own interpreter and
 * SIGHASH_ALL|FORKID digest, standard flags) accepts Keyshard-built P2PKH spends of the vault's
 * m/44'/145'/0'/0/0 outputs, signed by {@link PlainKeySigner}, paying CashAddr recipients (with
 * and without the "bitcoincash:" prefix) and legacy ones. A flipped signature bit, and a source
 * output whose value differs by one satoshi from what was signed (FORKID commits to it), are
 * rejected.
 */
class BitcoinCashVmTest {
  static final PlainKeySigner VAULT = PlainKeySigner.fromLabel("bch-vm");
  static final String TXID_A = "a1".repeat(32);
  static final String TXID_B = "b2".repeat(32);
  /** cashaddr.md's example: P2PKH of 76a04053bda0a88bda5177b86a15c3b29f559873. */
  static final String CASHADDR = "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
  static final String CASHADDR_HASH = "76a04053bda0a88bda5177b86a15c3b29f559873";
  /** The same hash as a legacy base58 address. */
  static final String LEGACY = "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu";
  /** cashaddr.md's P2SH example (version 8), prefix omitted. */
  static final String CASHADDR_P2SH = "ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq";

  private final byte[] vaultScript = KmpScripts.p2pkh(KmpScripts.childKey(VAULT, "m/44/145/0/0/0"));

  @Test
  void twoInputsWithChangeToTheVaultVerify() throws Exception {
    UnsignedTransaction tx = Transactions.build(TransactionIntent.builder(Chain.BITCOIN_CASH)
        .put("to", CASHADDR).put("amount", "0.015")
        .put("utxos", List.of(TXID_A + ":0:0.01", TXID_B + ":3:0.008")).put("feeRate", "1")
        .build(), VAULT.keys());
    assertEquals(2, tx.signingRequests().size());
    SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
    Transaction t = Transaction.read(signed.encoded());
    assertEquals("76a914" + CASHADDR_HASH + "88ac", hex(t.txOut.get(0).publicKeyScript));
    assertEquals(1_500_000, t.txOut.get(0).amount.getSat());
    assertEquals(hex(vaultScript), hex(t.txOut.get(1).publicKeyScript), "change to the vault");
    long fee = 1_800_000 - 1_500_000 - t.txOut.get(1).amount.getSat();
    assertTrue(fee >= Transaction.write(t).length, "at least 1 sat/byte: " + fee);
    for (int i = 0; i < 2; i++) {
      byte[] sig = signatureOf(t, i);
      assertEquals(0x41, sig[sig.length - 1] & 0xff, "SIGHASH_ALL|FORKID");
    }
    List<Long> values = List.of(1_000_000L, 800_000L);
    JsonArray verdicts = verify(List.of(
        verifyCase(signed.encoded(), values),
        verifyCase(tamperSignature(t, 1), values),
        verifyCase(signed.encoded(), List.of(1_000_000L, 800_001L))));
    assertValid(verdicts.get(0));
    assertInvalid(verdicts.get(1), "flipped signature bit");
    assertInvalid(verdicts.get(2), "source value one satoshi above what was signed");
  }

  @Test
  void cashAddrAndLegacyRecipientsAndChangeVerify() throws Exception {
    for (List<String> toAndChange : List.of(List.of(LEGACY, CASHADDR.substring(12)),
        List.of(CASHADDR_P2SH, CASHADDR), List.of(CASHADDR.toUpperCase(), LEGACY))) {
      UnsignedTransaction tx = Transactions.build(TransactionIntent.builder(Chain.BITCOIN_CASH)
          .put("to", toAndChange.get(0)).put("change", toAndChange.get(1)).put("amount", "0.002")
          .put("utxos", List.of(TXID_A + ":1:0.005")).put("fee", "0.00000300").build(),
          VAULT.keys());
      SignedTransaction signed = tx.assemble(VAULT.signAll(tx));
      Transaction t = Transaction.read(signed.encoded());
      String expectedTo = toAndChange.get(0).equals(CASHADDR_P2SH)
          ? "a914" + CASHADDR_HASH + "87" : "76a914" + CASHADDR_HASH + "88ac";
      assertEquals(expectedTo, hex(t.txOut.get(0).publicKeyScript), toAndChange.toString());
      assertEquals("76a914" + CASHADDR_HASH + "88ac", hex(t.txOut.get(1).publicKeyScript));
      assertEquals(300_000 - 300, t.txOut.get(1).amount.getSat());
      JsonArray verdicts = verify(List.of(verifyCase(signed.encoded(), List.of(500_000L)),
          verifyCase(signed.encoded(), List.of(499_999L))));
      assertValid(verdicts.get(0));
      assertInvalid(verdicts.get(1), "source value below what was signed");
    }
  }

  @Test
  void cashAddrOfAnotherNetworkOrWithABadChecksumIsRefused() {
    String testnet = CashAddress.encode("bchtest", CashAddress.VERSION_P2PKH,
        HexFormat.of().parseHex(CASHADDR_HASH));
    for (String[] c : new String[][] {{"to", testnet}, {"change", testnet},
        {"to", CASHADDR.substring(0, CASHADDR.length() - 1) + "b"}}) {
      TransactionIntent.Builder b = TransactionIntent.builder(Chain.BITCOIN_CASH).put("to", CASHADDR)
          .put("amount", "0.002").put("utxos", List.of(TXID_A + ":1:0.005")).put("feeRate", "1");
      b.put(c[0], c[1]);
      String m = org.junit.jupiter.api.Assertions.assertThrows(
          dev.keyshard.chains.tx.TransactionException.class,
          () -> Transactions.build(b.build(), VAULT.keys())).getMessage();
      assertTrue(m.startsWith("'" + c[0] + "'"), m);
    }
  }

  private JsonObject verifyCase(String txHex, List<Long> values) {
    JsonObject c = new JsonObject();
    c.addProperty("tx", txHex);
    JsonArray sources = new JsonArray();
    for (long v : values) {
      JsonObject o = new JsonObject();
      o.addProperty("lockingBytecode", hex(vaultScript));
      o.addProperty("valueSatoshis", Long.toString(v));
      sources.add(o);
    }
    c.add("sourceOutputs", sources);
    return c;
  }

  private static JsonArray verify(List<JsonObject> cases) throws Exception {
    JsonArray input = new JsonArray();
    cases.forEach(input::add);
    Verifiers.Run run = Verifiers.node("bch-verify.mjs", input.toString());
    assertEquals(0, run.exitCode(), run.stderr());
    JsonArray out = JsonParser.parseString(run.stdout()).getAsJsonArray();
    assertEquals(cases.size(), out.size());
    return out;
  }

  private static void assertValid(com.google.gson.JsonElement verdict) {
    assertTrue(verdict.getAsJsonObject().get("valid").getAsBoolean(), verdict.toString());
  }

  private static void assertInvalid(com.google.gson.JsonElement verdict, String what) {
    JsonObject v = verdict.getAsJsonObject();
    assertFalse(v.get("valid").getAsBoolean(), what + " was accepted");
    System.out.println(what + ": " + v.get("error").getAsString());
    assertFalse(v.get("error").getAsString().isBlank());
  }

  /** The DER signature with its hash type: the first push of the P2PKH scriptSig. */
  private static byte[] signatureOf(Transaction t, int input) {
    byte[] script = t.txIn.get(input).signatureScript.toByteArray();
    return java.util.Arrays.copyOfRange(script, 1, 1 + script[0]);
  }

  private static String tamperSignature(Transaction t, int input) {
    byte[] script = t.txIn.get(input).signatureScript.toByteArray();
    script[10] ^= 0x01; // inside r
    return hex(Transaction.write(t.updateSigScript(input, script)));
  }

  private static String hex(ByteVector b) {
    return hex(b.toByteArray());
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
