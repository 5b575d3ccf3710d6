package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.BIP340Signer;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** keygen → sign → verify through the real command line, checked by BouncyCastle. */
class KeygenSignCommandTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "bip340"})
  void keygenThenSignWithFirstAndThirdShare(String scheme) throws Exception {
    CliRun keygen = CliRun.of("keygen", "--scheme", scheme, "-t", "2", "-n", "3",
        "--out", dir.toString(), "--json");
    assertEquals(0, keygen.exitCode(), keygen.err());
    JsonObject k = JsonParser.parseString(keygen.out()).getAsJsonObject();
    assertEquals(scheme, k.get("scheme").getAsString());
    assertEquals(2, k.get("threshold").getAsInt());
    assertEquals(3, k.get("parties").getAsInt());
    List<String> shares = new ArrayList<>();
    k.getAsJsonArray("shares").forEach(e -> shares.add(e.getAsString()));
    assertEquals(3, shares.size());
    for (String s : shares) {
      assertEquals(java.util.Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
          Files.getPosixFilePermissions(Path.of(s)));
    }

    CliRun sign = CliRun.of("sign", "--shares", shares.get(0), shares.get(2),
        "--message", "48656c6c6f", "--json");
    assertEquals(0, sign.exitCode(), sign.err());
    JsonObject s = JsonParser.parseString(sign.out()).getAsJsonObject();
    assertEquals(k.get("publicKey").getAsString(), s.get("publicKey").getAsString());
    assertEquals("48656c6c6f", s.get("message").getAsString());
    byte[] pub = Hex.decode(s.get("publicKey").getAsString());
    byte[] sig = Hex.decode(s.get("signature").getAsString());
    byte[] msg = Hex.decode("48656c6c6f");
    assertEquals(32, pub.length);
    assertEquals(64, sig.length);
    assertTrue(bouncyCastleVerifies(scheme, pub, msg, sig));

    CliRun verify = CliRun.of("verify", "--scheme", scheme, "--public-key", s.get("publicKey").getAsString(),
        "--message", "48656c6c6f", "--signature", s.get("signature").getAsString());
    assertEquals(0, verify.exitCode(), verify.err());
    sig[5] ^= 1;
    CliRun bad = CliRun.of("verify", "--scheme", scheme, "--public-key", s.get("publicKey").getAsString(),
        "--message", "48656c6c6f", "--signature", Hex.toHexString(sig));
    assertEquals(1, bad.exitCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "bip340"})
  void threeOfFiveSignsWithAnyThree(String scheme) throws Exception {
    CliRun keygen = CliRun.of("keygen", "--scheme", scheme, "-t", "3", "-n", "5", "--out", dir.toString(), "--json");
    assertEquals(0, keygen.exitCode(), keygen.err());
    List<String> shares = new ArrayList<>();
    JsonParser.parseString(keygen.out()).getAsJsonObject().getAsJsonArray("shares")
        .forEach(e -> shares.add(e.getAsString()));
    CliRun sign = CliRun.of("sign", "--shares", shares.get(4), shares.get(1), shares.get(3),
        "--message", "00", "--json");
    assertEquals(0, sign.exitCode(), sign.err());
    JsonObject s = JsonParser.parseString(sign.out()).getAsJsonObject();
    assertTrue(bouncyCastleVerifies(scheme, Hex.decode(s.get("publicKey").getAsString()), new byte[1],
        Hex.decode(s.get("signature").getAsString())));
  }

  @org.junit.jupiter.api.Test
  void demoSucceeds() {
    CliRun demo = CliRun.of("demo");
    assertEquals(0, demo.exitCode(), demo.err());
    assertTrue(demo.out().contains("VALID"));
    assertFalse(demo.out().contains("INVALID"));
  }

  @org.junit.jupiter.api.Test
  void benchPrintsTheDocumentedJsonFields() {
    CliRun bench = CliRun.of("bench", "--scheme", "ed25519", "--runs", "2", "--warmup", "1", "--json");
    assertEquals(0, bench.exitCode(), bench.err());
    JsonObject b = JsonParser.parseString(bench.out()).getAsJsonObject();
    for (String f : List.of("scheme", "threshold", "parties", "keygenMs", "signMs", "keygenBytes", "signBytes")) {
      assertTrue(b.has(f), f);
    }
    assertTrue(b.get("signBytes").getAsLong() > 0);
  }

  static boolean bouncyCastleVerifies(String scheme, byte[] pub, byte[] msg, byte[] sig) {
    if (scheme.equals("ed25519")) {
      Ed25519Signer v = new Ed25519Signer();
      v.init(false, new Ed25519PublicKeyParameters(pub, 0));
      v.update(msg, 0, msg.length);
      return v.verifySignature(sig);
    }
    BIP340Signer v = new BIP340Signer();
    v.init(false, BIP340Signer.decodePublicKey(pub));
    v.update(msg, 0, msg.length);
    return v.verifySignature(sig);
  }
}
