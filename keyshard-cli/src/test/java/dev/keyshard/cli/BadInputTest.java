package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input ends in one clear line on stderr, a non-zero exit, and nothing written. */
class BadInputTest {
  @TempDir Path dir;
  private List<String> keyA;
  private List<String> keyB;

  @BeforeEach
  void twoKeys() throws Exception {
    keyA = keygen(dir.resolve("a"), "2", "3");
    keyB = keygen(dir.resolve("b"), "2", "3");
  }

  private static List<String> keygen(Path out, String t, String n) {
    CliRun r = CliRun.of("keygen", "--scheme", "ed25519", "-t", t, "-n", n, "--out", out.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    List<String> shares = new ArrayList<>();
    JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("shares")
        .forEach(e -> shares.add(e.getAsString()));
    return shares;
  }

  static void assertOneLineError(CliRun r, String fragment) {
    assertTrue(r.exitCode() != 0, "exit code");
    assertEquals("", r.out());
    String[] lines = r.err().strip().split("\n");
    assertEquals(1, lines.length, r.err());
    assertTrue(lines[0].contains(fragment), lines[0]);
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void fewerThanThresholdShares() {
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), "--message", "00"), "needs 2 shares");
  }

  @Test
  void sharesOfDifferentKeys() {
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), keyB.get(1), "--message", "00"),
        "different key");
  }

  @Test
  void sameShareTwice() {
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), keyA.get(0), "--message", "00"),
        "repeats party");
  }

  @Test
  void truncatedShareFile() throws Exception {
    Path f = Path.of(keyA.get(1));
    String text = Files.readString(f);
    Path cut = dir.resolve("cut.json");
    Files.writeString(cut, text.substring(0, text.length() / 2));
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), cut.toString(), "--message", "00"),
        "cut.json");
  }

  @Test
  void corruptShareNeverEchoesTheSecret() throws Exception {
    Path f = Path.of(keyA.get(1));
    String text = Files.readString(f);
    String secret = JsonParser.parseString(text).getAsJsonObject().get("signingShare").getAsString();
    // Flip one hex digit of the secret: the share no longer matches its verifying share.
    char c = secret.charAt(10);
    String flipped = secret.substring(0, 10) + (c == '0' ? '1' : '0') + secret.substring(11);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text.replace(secret, flipped));
    CliRun r = CliRun.of("sign", "--shares", keyA.get(0), bad.toString(), "--message", "00");
    assertOneLineError(r, "corrupt share file");
    assertFalse(r.err().contains(flipped.substring(0, 16)));
    assertFalse(r.err().contains(secret.substring(0, 16)));
  }

  @Test
  void notAShareFile() throws Exception {
    Path f = dir.resolve("notes.txt");
    Files.writeString(f, "hello", StandardCharsets.UTF_8);
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), f.toString(), "--message", "00"),
        "not a Keyshard share file");
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), dir.resolve("missing").toString(),
        "--message", "00"), "no such share file");
  }

  @Test
  void unknownVersion() throws Exception {
    Path f = dir.resolve("v9.json");
    Files.writeString(f, Files.readString(Path.of(keyA.get(1))).replace("\"version\": 1", "\"version\": 9"));
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), f.toString(), "--message", "00"),
        "unsupported share file version 9");
  }

  @Test
  void badHex() {
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), keyA.get(1), "--message", "zz"), "--message");
    assertOneLineError(CliRun.of("sign", "--shares", keyA.get(0), keyA.get(1), "--message", "abc"), "even number");
    assertOneLineError(CliRun.of("verify", "--scheme", "ed25519", "--public-key", "00",
        "--message", "00", "--signature", "00"), "--public-key");
  }

  @Test
  void badThresholdWritesNothing() throws Exception {
    Path out = dir.resolve("none");
    assertOneLineError(CliRun.of("keygen", "--scheme", "ed25519", "-t", "4", "-n", "3",
        "--out", out.toString()), "2 <= t <= n");
    assertOneLineError(CliRun.of("keygen", "--scheme", "ed25519", "-t", "1", "-n", "3",
        "--out", out.toString()), "2 <= t <= n");
    assertOneLineError(CliRun.of("keygen", "--scheme", "rsa", "-t", "2", "-n", "3",
        "--out", out.toString()), "unknown scheme");
    assertFalse(Files.exists(out));
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun r = CliRun.of("sign", "--sharez", "x");
    assertEquals(Main.EXIT_USAGE, r.exitCode());
    assertTrue(r.err().startsWith("keyshard: "), r.err());
  }
}
