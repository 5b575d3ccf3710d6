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
import dev.keyshard.crypto.testing.Cases;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Structure of the FROST hash suites: lengths, domain separation, concatenation, reduction. */
class FrostHashSuitePropertyTest {
  private static final List<FrostHashSuite> SUITES = List.of(FrostHashSuite.ed25519Sha512(),
      FrostHashSuite.secp256k1Sha256(), FrostHashSuite.secp256k1Sha256Taproot());

  /** Messages of 0..200 bytes cut at 0..200: per suite the edges, then random cases. */
  static Stream<Arguments> suitesMessagesAndCuts() {
    List<Arguments> edges = new ArrayList<>();
    for (FrostHashSuite s : SUITES) {
      String name = s.contextString();
      edges.add(Cases.edge(name + ": empty, cut 0", s, new byte[0], 0));
      edges.add(Cases.edge(name + ": empty, cut 200", s, new byte[0], 200));
      edges.add(Cases.edge(name + ": 200 × 0xFF, cut 0", s, Cases.filled(200, 0xFF), 0));
      edges.add(Cases.edge(name + ": 200 × 0x00, cut 200", s, new byte[200], 200));
      edges.add(Cases.edge(name + ": 200 × 0x01, cut 100", s, Cases.filled(200, 0x01), 100));
      edges.add(Cases.edge(name + ": 10 × 0x80, cut past the end", s, Cases.filled(10, 0x80), 150));
    }
    return Stream.concat(edges.stream(), Cases.arguments(0xF405, 100, r -> Cases.args(
        Cases.oneOf(r, SUITES), Cases.bytesWithEdges(r, 0, 200), Cases.between(r, 0, 200))));
  }

  /** Any message (0..255 bytes): per suite the empty and a long one, then random cases. */
  static Stream<Arguments> suitesAndMessages() {
    List<Arguments> edges = new ArrayList<>();
    for (FrostHashSuite s : SUITES) {
      edges.add(Cases.edge(s.contextString() + ": empty", s, new byte[0]));
      edges.add(Cases.edge(s.contextString() + ": 255 × 0xFF", s, Cases.filled(255, 0xFF)));
    }
    return Stream.concat(edges.stream(), Cases.arguments(0xF406, 50,
        r -> Cases.args(Cases.oneOf(r, SUITES), Cases.bytesWithEdges(r, 0, 255))));
  }

  /** Any message (0..255 bytes): the edges, then random ones. */
  static Stream<Arguments> messages() {
    List<Arguments> edges = new ArrayList<>();
    for (byte[] m : Cases.edgeBytes(0, 255)) {
      edges.add(Cases.edge(m.length == 0 ? "empty"
          : String.format("%d × 0x%02X", m.length, m[0]), (Object) m));
    }
    return Stream.concat(edges.stream(),
        Cases.arguments(0xF407, 50, r -> Cases.args(Cases.bytesWithEdges(r, 0, 255))));
  }

  @ParameterizedTest
  @MethodSource("suitesMessagesAndCuts")
  void partsHashAsTheirConcatenation(FrostHashSuite s, byte[] m, int cut) {
    int at = Math.min(cut, m.length);
    byte[] a = Arrays.copyOfRange(m, 0, at);
    byte[] b = Arrays.copyOfRange(m, at, m.length);
    assertEquals(s.h1(m), s.h1(a, b));
    assertEquals(s.h2(m), s.h2(a, b));
    assertEquals(s.h3(m), s.h3(a, b));
    assertArrayEquals(s.h4(m), s.h4(a, b));
    assertArrayEquals(s.h5(m), s.h5(a, b));
  }

  @ParameterizedTest
  @MethodSource("suitesAndMessages")
  void theFiveHashesAreDomainSeparated(FrostHashSuite s, byte[] m) {
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

  @ParameterizedTest
  @MethodSource("messages")
  void hashToFieldReadsBigEndianForBothGroups(byte[] m) {
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
