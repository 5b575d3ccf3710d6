package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Group;
import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.secret.SecretScalar;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Structure of the FROST hash suites: lengths, domain separation, concatenation, reduction. */
class FrostHashSuitePropertyTest {
  private static final List<FrostHashSuite> SUITES = List.of(FrostHashSuite.ed25519Sha512(),
      FrostHashSuite.secp256k1Sha256(), FrostHashSuite.secp256k1Sha256Taproot());

  @Provide
  Arbitrary<FrostHashSuite> suites() {
    return Arbitraries.of(SUITES);
  }

  @Property(tries = 100)
  void partsHashAsTheirConcatenation(@ForAll("suites") FrostHashSuite s,
      @ForAll @Size(max = 200) byte[] m, @ForAll @IntRange(min = 0, max = 200) int cut) {
    int at = Math.min(cut, m.length);
    byte[] a = Arrays.copyOfRange(m, 0, at);
    byte[] b = Arrays.copyOfRange(m, at, m.length);
    assertEquals(s.h1(m), s.h1(a, b));
    assertEquals(s.h2(m), s.h2(a, b));
    assertEquals(s.h3(m), s.h3(a, b));
    assertArrayEquals(s.h4(m), s.h4(a, b));
    assertArrayEquals(s.h5(m), s.h5(a, b));
  }

  @Property(tries = 50)
  void theFiveHashesAreDomainSeparated(@ForAll("suites") FrostHashSuite s, @ForAll byte[] m) {
    assertNotEquals(s.h1(m), s.h2(m));
    assertNotEquals(s.h1(m), s.h3(m));
    assertNotEquals(s.h2(m), s.h3(m));
    assertFalse(Arrays.equals(s.h4(m), s.h5(m)));
    assertEquals(s.group() instanceof Ed25519 ? 64 : 32,
        s.h4(m).length);
    assertEquals(s.h4(m).length, s.h5(m).length);
  }

  @Test
  void contextStringsAndGroups() {
    assertEquals("FROST-ED25519-SHA512-v1", FrostHashSuite.ed25519Sha512().contextString());
    assertEquals("FROST-secp256k1-SHA256-v1", FrostHashSuite.secp256k1Sha256().contextString());
    assertEquals("FROST-secp256k1-SHA256-TR-v1",
        FrostHashSuite.secp256k1Sha256Taproot().contextString());
    assertEquals(Ed25519.INSTANCE, FrostHashSuite.ed25519Sha512().group());
    assertEquals(Secp256k1.INSTANCE, FrostHashSuite.secp256k1Sha256().group());
    // The context string separates the plain and the taproot suite.
    byte[] m = "m".getBytes(StandardCharsets.US_ASCII);
    assertNotEquals(FrostHashSuite.secp256k1Sha256().h1(m),
        FrostHashSuite.secp256k1Sha256Taproot().h1(m));
  }

  @Test
  void ed25519H2HasNoPrefix() {
    // RFC 9591 §6.1: H2(m) = SHA-512(m) mod L, read little-endian.
    byte[] m = "RFC 8032".getBytes(StandardCharsets.US_ASCII);
    byte[] digest = new byte[64];
    org.bouncycastle.crypto.digests.SHA512Digest d = new org.bouncycastle.crypto.digests.SHA512Digest();
    d.update(m, 0, m.length);
    d.doFinal(digest, 0);
    byte[] be = digest.clone();
    for (int i = 0; i < 32; i++) {
      byte t = be[i];
      be[i] = be[63 - i];
      be[63 - i] = t;
    }
    BigInteger expected = new BigInteger(1, be).mod(Ed25519.INSTANCE.order());
    assertEquals(expected, FrostHashSuite.ed25519Sha512().h2(m).toBigInteger());
  }

  @Property(tries = 50)
  void hashToFieldReadsBigEndianForBothGroups(@ForAll byte[] m) {
    byte[] dst = "DST".getBytes(StandardCharsets.US_ASCII);
    byte[] uniform = ExpandMessageXmd.sha256().expand(m, dst, 48);
    for (Group g : List.of(Secp256k1.INSTANCE, Ed25519.INSTANCE)) {
      BigInteger expected = new BigInteger(1, uniform).mod(g.order());
      assertEquals(expected,
          HashToField.hashToScalar(g, ExpandMessageXmd.sha256(), m, dst, 48).toBigInteger());
    }
  }

  @Test
  void hashToFieldRejectsBadLengths() {
    byte[] dst = "DST".getBytes(StandardCharsets.US_ASCII);
    assertThrows(IllegalArgumentException.class, () -> HashToField.hashToScalar(
        Secp256k1.INSTANCE, ExpandMessageXmd.sha256(), new byte[0], dst, 31));
    assertThrows(IllegalArgumentException.class, () -> HashToField.hashToScalar(
        Secp256k1.INSTANCE, ExpandMessageXmd.sha256(), new byte[0], dst, 65));
  }

  @Test
  void nonceGenerateValidatesItsInputs() {
    SecureRandom rng = new SecureRandom();
    for (FrostHashSuite s : SUITES) {
      SecretScalar secret = SecretScalar.random(s.group(), rng);
      assertThrows(IllegalArgumentException.class, () -> s.nonceGenerate(new byte[31], secret));
      assertThrows(IllegalArgumentException.class, () -> s.nonceGenerate(new byte[33], secret));
      Group other = s.group() instanceof Ed25519 ? Secp256k1.INSTANCE : Ed25519.INSTANCE;
      assertThrows(IllegalArgumentException.class,
          () -> s.nonceGenerate(new byte[32], SecretScalar.random(other, rng)));
      // Different randomness, different nonce; the secret stays usable.
      byte[] r1 = new byte[32];
      byte[] r2 = new byte[32];
      r2[0] = 1;
      assertFalse(s.nonceGenerate(r1, secret).equalsSecret(s.nonceGenerate(r2, secret)));
      assertFalse(secret.isDestroyed());
    }
  }
}
