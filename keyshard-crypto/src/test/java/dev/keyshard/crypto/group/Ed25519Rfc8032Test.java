package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.hex;
import static dev.keyshard.crypto.group.Ed25519TestSupport.unhex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 8032 §7.1 test vectors (vectors/rfc8032/ed25519.txt, see its SOURCE.md). */
class Ed25519Rfc8032Test {

  record Vector(String name, byte[] secret, byte[] publicKey, byte[] message, byte[] signature) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (InputStream in = Ed25519Rfc8032Test.class.getResourceAsStream("/vectors/rfc8032/ed25519.txt");
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Map<String, String> block = new HashMap<>();
      for (String line = r.readLine(); ; line = r.readLine()) {
        if (line == null || line.isBlank()) {
          if (!block.isEmpty()) {
            out.add(new Vector(block.get("name"), unhex(block.get("secret")),
                unhex(block.get("public")), unhex(block.get("message")), unhex(block.get("signature"))));
            block.clear();
          }
          if (line == null) {
            break;
          }
        } else if (!line.startsWith("#")) {
          int colon = line.indexOf(':');
          block.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
      }
    }
    assertEquals(5, out.size(), "TEST 1, 2, 3, 1024 and SHA(abc)");
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vectorFileIsTranscribedCorrectly(Vector v) {
    // Ed25519 signing is deterministic: BouncyCastle must reproduce the stored signature exactly.
    byte[] sig = new byte[64];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(v.secret(), 0, v.message(), 0, v.message().length, sig, 0);
    assertEquals(hex(v.signature()), hex(sig));
    if (v.name().equals("TEST 1024")) {
      assertEquals(1023, v.message().length);
    }
    if (v.name().equals("TEST SHA(abc)")) {
      SHA512Digest sha = new SHA512Digest();
      sha.update("abc".getBytes(StandardCharsets.US_ASCII), 0, 3);
      byte[] h = new byte[64];
      sha.doFinal(h, 0);
      assertArrayEquals(h, v.message());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void derivesThePublicKey(Vector v) {
    assertEquals(hex(v.publicKey()), hex(Ed25519TestSupport.publicKey(v.secret())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void publicKeyDecodesStrictlyAndReencodes(Vector v) throws Exception {
    assertEquals(hex(v.publicKey()), hex(Ed25519.INSTANCE.decodePoint(v.publicKey()).toBytes()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void verifiesTheSignature(Vector v) {
    assertTrue(Ed25519.verifyRfc8032(v.publicKey(), v.message(), v.signature()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejectsEveryFlippedSignatureBit(Vector v) {
    for (int bit = 0; bit < 512; bit++) {
      byte[] bad = v.signature().clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(Ed25519.verifyRfc8032(v.publicKey(), v.message(), bad), "bit " + bit);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejectsAFlippedKeyOrMessageBit(Vector v) {
    byte[] key = v.publicKey().clone();
    key[5] ^= 0x10;
    assertFalse(Ed25519.verifyRfc8032(key, v.message(), v.signature()));
    byte[] longer = Arrays.copyOf(v.message(), v.message().length + 1);
    assertFalse(Ed25519.verifyRfc8032(v.publicKey(), longer, v.signature()));
    if (v.message().length > 0) {
      byte[] msg = v.message().clone();
      msg[msg.length - 1] ^= 0x01;
      assertFalse(Ed25519.verifyRfc8032(v.publicKey(), msg, v.signature()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejectsSPlusL(Vector v) {
    // S + L satisfies the same group equation, so only the S < L check (§5.1.7) stops it:
    // without it, signatures would be malleable.
    byte[] sig = v.signature().clone();
    BigInteger s = new BigInteger(1, reverse(Arrays.copyOfRange(sig, 32, 64)));
    byte[] sPlusL = reverse(toFixed(s.add(Ed25519TestSupport.L)));
    System.arraycopy(sPlusL, 0, sig, 32, 32);
    assertFalse(Ed25519.verifyRfc8032(v.publicKey(), v.message(), sig));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void rejectsWrongLengths(Vector v) {
    assertFalse(Ed25519.verifyRfc8032(v.publicKey(), v.message(), Arrays.copyOf(v.signature(), 63)));
    assertFalse(Ed25519.verifyRfc8032(v.publicKey(), v.message(), Arrays.copyOf(v.signature(), 65)));
    assertFalse(Ed25519.verifyRfc8032(Arrays.copyOf(v.publicKey(), 31), v.message(), v.signature()));
    assertFalse(Ed25519.verifyRfc8032(null, v.message(), v.signature()));
  }

  private static byte[] toFixed(BigInteger v) {
    byte[] be = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(be.length, 32);
    System.arraycopy(be, be.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] reverse(byte[] b) {
    byte[] r = b.clone();
    Scalar.reverse(r);
    return r;
  }
}
