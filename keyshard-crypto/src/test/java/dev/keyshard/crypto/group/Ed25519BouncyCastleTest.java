package dev.keyshard.crypto.group;

import static dev.keyshard.crypto.group.Ed25519TestSupport.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Our Ed25519 against BouncyCastle's RFC 8032 implementation on random keys and messages. */
class Ed25519BouncyCastleTest {

  @Provide
  Arbitrary<byte[]> secretKeys() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32);
  }

  @Provide
  Arbitrary<byte[]> messages() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(300);
  }

  @Property(tries = 200)
  void publicKeyMatchesBouncyCastle(@ForAll("secretKeys") byte[] sk) {
    byte[] expected = new byte[32];
    org.bouncycastle.math.ec.rfc8032.Ed25519.generatePublicKey(sk, 0, expected, 0);
    assertEquals(hex(expected), hex(Ed25519TestSupport.publicKey(sk)));
  }

  @Property(tries = 200)
  void bouncyCastleSignaturesVerify(@ForAll("secretKeys") byte[] sk, @ForAll("messages") byte[] msg) {
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
