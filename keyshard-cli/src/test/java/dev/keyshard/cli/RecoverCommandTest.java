package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard recover} on the real Vultisig backups: the printed private key gives, by
 * BouncyCastle, the vault's public key; wrong combinations fail with one line and exit 1.
 */
class RecoverCommandTest {
  static final Path FIXTURES =
      Path.of("../keyshard-vault/src/test/resources/vectors/vultisig");

  @Test
  void cfa0RecoversToItsPublicKey(@TempDir Path tmp) throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "Password123!\n");
    CliRun r = CliRun.of("recover", FIXTURES.resolve("cfa0-share1of2.password.vult").toString(),
        FIXTURES.resolve("cfa0-share2of2.vult").toString(), "--password-file", pw.toString(),
        "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonObject j = JsonParser.parseString(r.out()).getAsJsonObject();
    String priv = j.get("privateKeyEcdsa").getAsString();
    byte[] pub = CustomNamedCurves.getByName("secp256k1").getG()
        .multiply(new BigInteger(1, HexFormat.of().parseHex(priv))).normalize().getEncoded(true);
    assertEquals("03165c66e1c84d4d5b761e3061d311f2b4e63009b354e4b18fecb9657a0397cfa0",
        HexFormat.of().formatHex(pub));
    assertEquals(pub.length, HexFormat.of().parseHex(j.get("publicKeyEcdsa").getAsString()).length);
    assertEquals("46a663e9c21de660f7b103d5cb669be2109a4d6e2171045b7be82423175a4ee5",
        j.get("publicKeyEddsa").getAsString());
    assertEquals(64, j.get("privateKeyEddsa").getAsString().length());
  }

  @Test
  void badCombinationsFailWithOneLine(@TempDir Path tmp) throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "Password123!\n");
    Path wrong = Files.writeString(tmp.resolve("wrong"), "nope\n");
    String a = FIXTURES.resolve("cfa0-share1of2.password.vult").toString();
    String b = FIXTURES.resolve("44fd-share2of2.password.vult").toString();
    String c = FIXTURES.resolve("cfa0-share2of2.vult").toString();
    assertFails(CliRun.of("recover", c), "needs 2 shares");
    assertFails(CliRun.of("recover", a, b, "--password-file", pw.toString()), "different vaults");
    assertFails(CliRun.of("recover", a, c, "--password-file", wrong.toString()), "wrong password");
    Path junk = Files.writeString(tmp.resolve("junk.vult"), "{\"not\": \"a vault\"}");
    assertFails(CliRun.of("recover", junk.toString(), c), "not a .vult file");
  }

  /**
   * {@code --chain}: each private key, read by software we did not write, gives the address the
   * Vultisig SDK derived for this real vault (the fixture), for both real vaults.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"cfa0", "44fd"})
  void perChainKeysGiveTheFixtureAddresses(String tag, @TempDir Path tmp) throws Exception {
    Path pw = Files.writeString(tmp.resolve("pw"), "Password123!\n");
    String[] files = tag.equals("cfa0")
        ? new String[] {"cfa0-share1of2.password.vult", "cfa0-share2of2.vult"}
        : new String[] {"44fd-share1of2-server.password.vult", "44fd-share2of2.password.vult"};
    CliRun r = CliRun.of("recover", FIXTURES.resolve(files[0]).toString(),
        FIXTURES.resolve(files[1]).toString(), "--password-file", pw.toString(), "--chain", "all",
        "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonObject chains = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("chains");
    JsonObject expected = JsonParser.parseString(Files.readString(
        FIXTURES.resolve(tag + "-addresses-24.json"))).getAsJsonObject().getAsJsonObject("addresses");
    assertEquals(24, chains.size());
    for (String chain : expected.keySet()) {
      assertEquals(expected.get(chain).getAsString(),
          chains.getAsJsonObject(chain).get("address").getAsString(), chain);
    }
    // Bitcoin and Litecoin: bitcoin-kmp imports the WIF and computes the P2WPKH address.
    var btc = fr.acinq.bitcoin.PrivateKey.fromBase58(key(chains, "Bitcoin"),
        fr.acinq.bitcoin.Base58.Prefix.SecretKey);
    assertEquals(expected.get("Bitcoin").getAsString(), fr.acinq.bitcoin.Bitcoin.computeP2WpkhAddress(
        btc.getFirst().publicKey(), fr.acinq.bitcoin.Block.LivenetGenesisBlock.hash));
    var ltc = fr.acinq.bitcoin.Base58Check.decode(key(chains, "Litecoin"));
    assertEquals((byte) 0xb0, ltc.getFirst());
    byte[] ltcPub = pubFromPrivate(java.util.Arrays.copyOf(ltc.getSecond(), 32));
    assertEquals(expected.get("Litecoin").getAsString(), fr.acinq.bitcoin.Bech32.encodeWitnessAddress(
        "ltc", (byte) 0, fr.acinq.bitcoin.Crypto.hash160(ltcPub)));
    // Ethereum: BouncyCastle's public key and Keccak-256 give the EIP-55 address's account.
    byte[] ethPub = uncompressed(pubFromPrivate(HexFormat.of().parseHex(key(chains, "Ethereum"))));
    org.bouncycastle.crypto.digests.KeccakDigest keccak = new org.bouncycastle.crypto.digests.KeccakDigest(256);
    keccak.update(ethPub, 1, 64);
    byte[] h = new byte[32];
    keccak.doFinal(h, 0);
    assertEquals(expected.get("Ethereum").getAsString().substring(2).toLowerCase(),
        HexFormat.of().formatHex(h, 12, 32));
    assertEquals("wif", chains.getAsJsonObject("Dogecoin").get("format").getAsString());
    assertEquals("scalar-hex", chains.getAsJsonObject("Solana").get("format").getAsString());
  }

  private static String key(JsonObject chains, String chain) {
    return chains.getAsJsonObject(chain).get("privateKey").getAsString();
  }

  private static byte[] pubFromPrivate(byte[] priv) {
    return CustomNamedCurves.getByName("secp256k1").getG().multiply(new BigInteger(1, priv))
        .normalize().getEncoded(true);
  }

  private static byte[] uncompressed(byte[] compressed) {
    return CustomNamedCurves.getByName("secp256k1").getCurve().decodePoint(compressed).getEncoded(false);
  }

  @Test
  void anUnknownChainIsNamed(@TempDir Path tmp) throws Exception {
    CliRun r = CliRun.of("recover", FIXTURES.resolve("cfa0-share2of2.vult").toString(), "--chain",
        "Dogcoin");
    assertFails(r, "unknown chain 'Dogcoin'");
  }

  static void assertFails(CliRun r, String expected) {
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
  }
}
