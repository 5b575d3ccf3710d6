package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.vault.vult.VultFile;
import dev.keyshard.vault.vult.proto.Vault;
import dev.keyshard.vault.vult.proto.VaultContainer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keyshard vault import/list/show/export} and the keystore behind {@code address} and
 * {@code recover}, on the real Vultisig backups and on a vault made by {@code keygen --vault}.
 */
class VaultCommandTest {
  static final Path FIXTURES = RecoverCommandTest.FIXTURES;
  @TempDir Path tmp;
  Path home;
  Path pw;
  Path pw2;

  @BeforeEach
  void setUp() throws Exception {
    home = tmp.resolve("home");
    pw = Files.writeString(tmp.resolve("pw"), "Password123!\n");
    pw2 = Files.writeString(tmp.resolve("pw2"), "another long password\n");
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (all.get(0).equals("keygen")) {
      return CliRun.of(args);
    }
    int at = all.get(0).equals("vault") ? 2 : 1;
    all.addAll(at, List.of("--home", home.toString()));
    return CliRun.of(all.toArray(String[]::new));
  }

  private String fixture(String name) {
    return FIXTURES.resolve(name).toString();
  }

  private JsonArray listed() {
    CliRun r = run("vault", "list", "--json");
    assertEquals(0, r.exitCode(), r.err());
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("vaults");
  }

  /** The done-when check: every imported fixture prints the 24 addresses Vultisig's SDK gives. */
  @Test
  void importedFixturesGiveTheFixtureAddresses() throws Exception {
    String[] files = {"cfa0-share1of2.password.vult", "cfa0-share2of2.vult",
        "44fd-share1of2-server.password.vult", "44fd-share2of2.password.vult"};
    for (String f : files) {
      CliRun r = run("vault", "import", fixture(f), "--password-file", pw.toString());
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(r.out().startsWith("Imported vault '"), r.out());
    }
    JsonArray vaults = listed();
    assertEquals(4, vaults.size());
    for (var v : vaults) {
      JsonObject o = v.getAsJsonObject();
      String tag = o.get("publicKeyEcdsa").getAsString().endsWith("97cfa0") ? "cfa0" : "44fd";
      CliRun r = run("address", "--vault", o.get("ref").getAsString(), "--json");
      assertEquals(0, r.exitCode(), r.err());
      JsonObject expected = JsonParser.parseString(Files.readString(
          FIXTURES.resolve(tag + "-addresses-24.json"))).getAsJsonObject().getAsJsonObject("addresses");
      assertEquals(expected, JsonParser.parseString(r.out()).getAsJsonObject(), tag);
      assertEquals(24, expected.size());
    }
  }

  @Test
  void listAndShowNeedNoPassword() throws Exception {
    assertEquals(0, run("vault", "import", fixture("cfa0-share2of2.vult"), "--password-file",
        pw2.toString()).exitCode());
    CliRun list = run("vault", "list");
    assertEquals(0, list.exitCode(), list.err());
    assertTrue(list.out().contains("TestSecureVault") && list.out().contains("vultisig-dkls"), list.out());
    CliRun show = run("vault", "show", "TestSecureVault", "--json");
    assertEquals(0, show.exitCode(), show.err());
    JsonObject j = JsonParser.parseString(show.out()).getAsJsonObject();
    assertEquals("03165c66e1c84d4d5b761e3061d311f2b4e63009b354e4b18fecb9657a0397cfa0",
        j.get("publicKeyEcdsa").getAsString());
    assertEquals(2, j.get("threshold").getAsInt());
    assertEquals("jp’s MacBook Air-EE5", j.get("localParty").getAsString());
  }

  @Test
  void anEmptyKeystoreSaysHowToFillIt() {
    CliRun r = run("vault", "list");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("keygen --vault"), r.out());
    CliRun show = run("vault", "show", "Savings");
    assertEquals(1, show.exitCode());
    assertTrue(show.err().contains("no vault 'Savings'"), show.err());
  }

  /** Each bad input: one error line, exit 1, and the keystore exactly as it was. */
  @Test
  void badInputLeavesTheKeystoreUnchanged() throws Exception {
    assertEquals(0, run("vault", "import", fixture("cfa0-share2of2.vult"), "--password-file",
        pw.toString()).exitCode());
    Map<String, byte[]> before = snapshot();

    Path wrong = Files.writeString(tmp.resolve("wrong"), "not the password\n");
    String enc = Files.readString(FIXTURES.resolve("cfa0-share1of2.password.vult")).strip();
    String plain = Files.readString(FIXTURES.resolve("cfa0-share2of2.vult")).strip();
    Path truncated = Files.writeString(tmp.resolve("truncated.vult"), plain.substring(0, plain.length() / 2));
    Path broken = Files.writeString(tmp.resolve("broken.vult"), "%%%" + plain.substring(3));
    Path json = Files.writeString(tmp.resolve("vault.json"), "{\"name\": \"not a vault\"}");
    Path empty = Files.writeString(tmp.resolve("empty.vult"), "");
    Path binary = Files.write(tmp.resolve("random.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
    VaultContainer c = VaultContainer.parseFrom(Base64.getDecoder().decode(plain));
    Path v2 = Files.writeString(tmp.resolve("v2.vult"),
        Base64.getEncoder().encodeToString(c.toBuilder().setVersion(2).build().toByteArray()));
    // A ciphertext byte flipped: GCM refuses it like a wrong password.
    VaultContainer ce = VaultContainer.parseFrom(Base64.getDecoder().decode(enc));
    byte[] inner = Base64.getDecoder().decode(ce.getVault());
    inner[inner.length / 2] ^= 1;
    Path tampered = Files.writeString(tmp.resolve("tampered.vult"), Base64.getEncoder().encodeToString(
        ce.toBuilder().setVault(Base64.getEncoder().encodeToString(inner)).build().toByteArray()));

    assertFails(run("vault", "import", fixture("cfa0-share1of2.password.vult"), "--password-file",
        wrong.toString()), "wrong password");
    assertFails(run("vault", "import", fixture("cfa0-share1of2.password.vult")), "--password-file");
    assertFails(run("vault", "import", tampered.toString(), "--password-file", pw.toString()),
        "wrong password");
    assertFails(run("vault", "import", truncated.toString(), "--password-file", pw.toString()), "");
    assertFails(run("vault", "import", broken.toString(), "--password-file", pw.toString()), "base64");
    assertFails(run("vault", "import", v2.toString(), "--password-file", pw.toString()), "version 2");
    assertFails(run("vault", "import", json.toString(), "--password-file", pw.toString()), "not a .vult");
    assertFails(run("vault", "import", empty.toString(), "--password-file", pw.toString()), "not a .vult");
    assertFails(run("vault", "import", binary.toString(), "--password-file", pw.toString()), "not a .vult");
    assertFails(run("vault", "import", tmp.resolve("missing.vult").toString()), "no such file");
    assertFails(run("vault", "import", fixture("cfa0-share2of2.vult"), "--password-file",
        pw.toString()), "already holds");
    Map<String, byte[]> after = snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertTrue(java.util.Arrays.equals(v, after.get(k)), k));
  }

  @Test
  void keygenVaultSharesWorkAsFilesAndInTheKeystore() throws Exception {
    Path out = tmp.resolve("shares");
    CliRun k = run("keygen", "--vault", "Family savings", "-t", "2", "-n", "3", "--out",
        out.toString(), "--password-file", pw2.toString(), "--json");
    assertEquals(0, k.exitCode(), k.err());
    JsonObject made = JsonParser.parseString(k.out()).getAsJsonObject();
    List<String> shares = new ArrayList<>();
    made.getAsJsonArray("shares").forEach(s -> shares.add(s.getAsString()));
    assertEquals(3, shares.size());
    for (String s : shares) {
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(Path.of(s))));
      assertFalse(Files.readString(Path.of(s), StandardCharsets.ISO_8859_1).contains("dkls23"));
    }

    // The same addresses from a share file (no password) and from the keystore.
    CliRun fromFile = run("address", "--vault", shares.get(0), "--json");
    assertEquals(0, fromFile.exitCode(), fromFile.err());
    CliRun imported = run("vault", "import", shares.get(1), "--password-file", pw2.toString());
    assertEquals(0, imported.exitCode(), imported.err());
    CliRun fromKeystore = run("address", "--vault", "Family savings", "--json");
    assertEquals(fromFile.out(), fromKeystore.out());
    assertEquals(24, JsonParser.parseString(fromFile.out()).getAsJsonObject().size());

    // Any two shares recover the root keys, checked by BouncyCastle: a file and an entry.
    CliRun rec = run("recover", shares.get(2), "Family savings", "--password-file", pw2.toString(), "--json");
    assertEquals(0, rec.exitCode(), rec.err());
    JsonObject keys = JsonParser.parseString(rec.out()).getAsJsonObject();
    byte[] pub = CustomNamedCurves.getByName("secp256k1").getG()
        .multiply(new BigInteger(1, HexFormat.of().parseHex(keys.get("privateKeyEcdsa").getAsString())))
        .normalize().getEncoded(true);
    assertEquals(made.get("publicKeyEcdsa").getAsString(), HexFormat.of().formatHex(pub));
    assertEquals(made.get("publicKeyEddsa").getAsString(), keys.get("publicKeyEddsa").getAsString());

    // Export, encrypted with the share's password: a .vult that decodes to the same vault.
    Path vult = tmp.resolve("export/p2.vult");
    CliRun ex = run("vault", "export", "Family savings", "--out", vult.toString(), "--encrypt",
        "--password-file", pw2.toString());
    assertEquals(0, ex.exitCode(), ex.err());
    Vault v = VultFile.decode(Files.readString(vult), "another long password".toCharArray());
    assertEquals("Family savings", v.getName());
    assertEquals("p2", v.getLocalPartyId());
    assertEquals(101, v.getLibTypeValue());
    assertFails(run("vault", "export", "Family savings", "--out", vult.toString(), "--password-file",
        pw2.toString()), "already exists");

    // A wrong password opens nothing, from a file or from the keystore.
    Path wrong = Files.writeString(tmp.resolve("wrong"), "nope\n");
    assertFails(run("recover", shares.get(0), "Family savings", "--password-file", wrong.toString()),
        "wrong password");
    // The same file twice is one share, not two.
    assertFails(run("recover", shares.get(0), shares.get(0), "--password-file", pw2.toString()), "");
  }

  @Test
  void keygenRefusesToOverwriteAndNeedsOneMode() throws Exception {
    Path out = tmp.resolve("shares");
    assertEquals(0, run("keygen", "--vault", "V", "-t", "2", "-n", "2", "--out", out.toString(),
        "--password-file", pw.toString()).exitCode());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(2, files.count());
    }
    assertFails(run("keygen", "--vault", "V", "--scheme", "ed25519", "-t", "2", "-n", "2", "--out",
        out.toString()), "either --vault");
    assertFails(run("keygen", "--vault", "V", "-t", "2", "-n", "2", "--out", out.toString()),
        "--password-file");
  }

  private Map<String, byte[]> snapshot() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.exists(home)) {
      return files;
    }
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(home.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  static void assertFails(CliRun r, String expected) {
    assertEquals(1, r.exitCode(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
