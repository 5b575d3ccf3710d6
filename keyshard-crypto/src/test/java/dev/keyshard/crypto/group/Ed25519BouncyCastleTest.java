package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keyshard.crypto.testing.Cases;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Our Ed25519 against BouncyCastle's RFC 8032 implementation on random keys and messages. */
class Ed25519BouncyCastleTest {

  /** 32-byte secret keys: all 0x00, all 0xFF, ..., then random ones with those mixed in. */
  static Stream<Arguments> secretKeys() {
    return Stream.concat(
        Cases.edgeBytes(32, 32).stream().map(sk -> Cases.edge(
            String.format("all 0x%02X", sk[0]), (Object) sk)),
        Cases.arguments(0xBC01, 200, r -> Cases.args(Cases.bytesWithEdges(r, 32, 32))));
  }

  /** A secret key and a 0..300-byte message: the empty and the longest message, then random. */
  static Stream<Arguments> secretKeysAndMessages() {
    List<Arguments> edges = new ArrayList<>();
    for (byte[] msg : Cases.edgeBytes(0, 300)) {
      String name = String.format("%d-byte message%s", msg.length,
          msg.length == 0 ? "" : String.format(" of 0x%02X", msg[0]));
      edges.add(Cases.edge(name + ", all-zero key", new byte[32], msg));
      edges.add(Cases.edge(name + ", all-0xFF key", Cases.filled(32, 0xFF), msg));
    }
    return Stream.concat(edges.stream(), Cases.arguments(0xBC02, 200, r -> Cases.args(
        Cases.bytesWithEdges(r, 32, 32), Cases.bytesWithEdges(r, 0, 300))));
  }

  @ParameterizedTest
  @MethodSource("secretKeys")
  void publicKeyMatchesBouncyCastle(byte[] sk) {
    byte[] expected = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(sk, 0, expected, 0);
    assertEquals(hex(expected), hex(Ed25519TestSupport.publicKey(sk)));
  }

  @ParameterizedTest
  @MethodSource("secretKeysAndMessages")
  void bouncyCastleSignaturesVerify(byte[] sk, byte[] msg) {
    byte[] pk = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(sk, 0, pk, 0);
    byte[] sig = new byte[64];
    org.bouncycastle.math.ec.rfc8032.Ed25519.sign(sk, 0, msg, 0, msg.length, sig, 0);
    assertTrue(Ed25519.verifyRfc8032(pk, msg, sig));
    // Someone else's key must not verify it.
    byte[] otherSk = sk.clone();
    otherSk[0] ^= 1;
    byte[] otherPk = Ed25519TestSupport.publicKey(otherSk);
    assertFalse(Ed25519.verifyRfc8032(otherPk, msg, sig));
  }
}
