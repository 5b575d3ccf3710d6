package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code send} and {@code tx sign} with local share files: the user's path to a signed transaction. */
class SendCommandTest {
  @TempDir static Path tmp;
  static Path pw;
  static List<String> shares = new ArrayList<>();
  static String ethAddress;
  static final String TO = "0x3535353535353535353535353535353535353535";

  @BeforeAll
  static void vault() throws Exception {
    ShareFiles v = ShareFiles.keygen(tmp, "Send test");
    pw = v.password();
    shares.addAll(v.shares());
    ethAddress = v.address("ethereum").replaceAll("(?s).*(0x[0-9a-fA-F]{40}).*", "$1");
  }

  private static CliRun send(String... extra) {
    return sendTo(TO, "0.5", extra);
  }

  private static CliRun sendTo(String to, String amount, String... extra) {
    List<String> args = new ArrayList<>(List.of("send", "--chain", "ethereum", "--to", to,
        "--amount", amount, "--nonce", "0", "--max-fee", "100", "--priority-fee", "1",
        "--password-file", pw.toString(), "--home", tmp.resolve("home").toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void twoLocalSharesSignAnEthereumTransferFromTheVaultsAddress() {
    CliRun r = send("--shares", shares.get(0), shares.get(2), "--yes", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
    assertEquals("Ethereum", o.get("chain").getAsString());
    assertEquals(ethAddress.toLowerCase(), o.get("from").getAsString().toLowerCase());
    String raw = o.get("raw").getAsString();
    assertTrue(raw.startsWith("0x02"), raw);
    // The transaction hash is Keccak-256 of the raw bytes (BouncyCastle's Keccak).
    byte[] hash = new Keccak.Digest256().digest(HexFormat.of().parseHex(raw.substring(2)));
    assertEquals("0x" + HexFormat.of().formatHex(hash), o.get("txHash").getAsString());
    assertTrue(r.err().contains("0.5 ETH"), r.err());
  }

  @Test
  void aDryRunPrintsTheRequestThatTxSignSigns() throws Exception {
    CliRun dry = send("--shares", shares.get(1), "--dry-run");
    assertEquals(0, dry.exitCode(), dry.err());
    Path file = Files.writeString(tmp.resolve("tx.json"), dry.out());
    CliRun signed = CliRun.of("tx", "sign", "--shares", shares.get(1), shares.get(2), "--file",
        file.toString(), "--yes", "--json", "--password-file", pw.toString());
    assertEquals(0, signed.exitCode(), signed.err());
    assertEquals(ethAddress.toLowerCase(), JsonParser.parseString(signed.out()).getAsJsonObject()
        .get("from").getAsString().toLowerCase());
  }

  @Test
  void badInputIsAClearErrorBeforeAnythingIsSigned() {
    // EIP-55: a mixed-case address whose case is not its checksum (one letter's case flipped).
    CliRun badChecksum = sendTo("0x52908400098527886E0F7030069857D2E4169EE7".replace("E7", "e7"), "0.5",
        "--shares", shares.get(0), shares.get(1), "--yes");
    assertEquals(1, badChecksum.exitCode(), badChecksum.err());
    assertTrue(badChecksum.err().toLowerCase().contains("checksum"), badChecksum.err());
    CliRun decimals = sendTo(TO, "0.0000000000000000001", "--shares", shares.get(0), shares.get(1),
        "--yes");
    assertEquals(1, decimals.exitCode());
    assertTrue(decimals.err().contains("decimals"), decimals.err());
    CliRun one = send("--shares", shares.get(0), "--yes");
    assertEquals(1, one.exitCode());
    assertTrue(one.err().contains("needs 2 shares"), one.err());
    CliRun unsupported = CliRun.of("send", "--chain", "polkadot", "--to", "x", "--amount", "1",
        "--shares", shares.get(0), shares.get(1), "--yes", "--password-file", pw.toString());
    assertEquals(1, unsupported.exitCode());
    assertTrue(unsupported.err().contains("cannot build Polkadot"), unsupported.err());
    for (CliRun r : List.of(badChecksum, decimals, one, unsupported)) {
      assertEquals("", r.out(), "nothing is printed as signed");
    }
  }

  @Test
  void errorsNameTheFlagToTypeAndComeBeforeAnyShareIsOpened() {
    // no share file exists: a chain Keyshard cannot send on is said first, not a file error
    CliRun unsupported = CliRun.of("send", "--chain", "cardano", "--to", "x", "--amount", "1",
        "--shares", "/nonexistent/a.kss", "/nonexistent/b.kss", "--yes", "--home",
        tmp.resolve("home").toString());
    assertEquals(1, unsupported.exitCode());
    assertTrue(unsupported.err().contains("cannot build Cardano"), unsupported.err());
    CliRun unknown = CliRun.of("send", "--chain", "bitcon", "--to", "x", "--amount", "1",
        "--shares", "/nonexistent/a.kss", "--yes", "--home", tmp.resolve("home").toString());
    assertTrue(unknown.err().contains("unknown chain 'bitcon' (Keyshard sends on: bitcoin,")
        && !unknown.err().contains("cardano"), unknown.err());
    // an intent field the user forgot is named with its flag
    CliRun noFee = CliRun.of("send", "--chain", "ethereum", "--to", TO, "--amount", "1",
        "--nonce", "0", "--shares", shares.get(0), "--dry-run", "--password-file", pw.toString());
    assertEquals(1, noFee.exitCode());
    assertTrue(noFee.err().contains("'maxFeePerGas' (--max-fee) is needed"), noFee.err());
  }

  @Test
  void maxFeeLetsABitcoinFeeThroughThatIsOtherwiseAbsurd() {
    List<String> args = new ArrayList<>(List.of("send", "--chain", "bitcoin", "--to",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "--amount", "1", "--utxo",
        "ab".repeat(32) + ":0:2", "--fee-rate", "20000", "--shares", shares.get(0), "--dry-run",
        "--password-file", pw.toString()));
    CliRun refused = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("absurd") && refused.err().contains("'maxFee' (--max-fee)"),
        refused.err());
    args.addAll(List.of("--max-fee", "0.05"));
    CliRun forced = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, forced.exitCode(), forced.err());
    assertTrue(forced.out().contains("\"maxFee\":\"0.05\""), forced.out());
  }

  @Test
  void dogecoinTakesThePreviousTransactionsWithPrevTx() {
    CliRun a = CliRun.of("address", "--vault", shares.get(0), "--chain", "dogecoin",
        "--password-file", pw.toString());
    assertEquals(0, a.exitCode(), a.err());
    String address = a.out().strip().replaceAll("(?s).*\\b(D[1-9A-HJ-NP-Za-km-z]{25,34})\\b.*", "$1");
    // A previous transaction paying the vault 20 DOGE, written by bitcoin-kmp.
    byte[] hash = fr.acinq.bitcoin.Base58Check.decode(address).getSecond();
    fr.acinq.bitcoin.Transaction prev = new fr.acinq.bitcoin.Transaction(1, List.of(
        new fr.acinq.bitcoin.TxIn(new fr.acinq.bitcoin.OutPoint(new fr.acinq.bitcoin.TxId(
            "11".repeat(32)), 0), new byte[] {0x51}, 0xffffffffL)),
        List.of(new fr.acinq.bitcoin.TxOut(new fr.acinq.bitcoin.Satoshi(2_000_000_000L),
            fr.acinq.bitcoin.Script.pay2pkh(hash))), 0);
    String prevHex = HexFormat.of().formatHex(fr.acinq.bitcoin.Transaction.write(prev));
    List<String> args = new ArrayList<>(List.of("send", "--chain", "dogecoin", "--to", address,
        "--amount", "5", "--utxo", prev.txid + ":0:20", "--fee-rate", "1000", "--shares",
        shares.get(0), "--dry-run", "--password-file", pw.toString()));
    CliRun missing = CliRun.of(args.toArray(String[]::new));
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("'prevTxs' (--prev-tx) needs the transaction " + prev.txid),
        missing.err());
    args.addAll(List.of("--prev-tx", prevHex));
    CliRun given = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, given.exitCode(), given.err());
    assertTrue(given.out().contains("\"prevTxs\":[\"" + prevHex + "\"]"), given.out());
  }
}
