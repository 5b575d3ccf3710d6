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

  static void assertFails(CliRun r, String expected) {
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
  }
}
