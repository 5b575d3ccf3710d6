package dev.keyshard.vault.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import dev.keyshard.vault.VaultInfo;
import dev.keyshard.vault.VaultKind;
import dev.keyshard.vault.proto.KeystoreFileProto;
import dev.keyshard.vault.proto.KeystoreHeaderProto;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeystoreFileTest {
  static final Argon2idParameters CHEAP = new Argon2idParameters(8 * 1024, 2, 1);
  static final char[] PASSWORD = "correct horse".toCharArray();
  static final byte[] PLAINTEXT = "the serialized vault, secret".getBytes(StandardCharsets.UTF_8);

  static VaultInfo info(String name, String party) {
    HexFormat hex = HexFormat.of();
    return new VaultInfo(name, 2, List.of("p1", "p2", "p3"), party,
        hex.parseHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"),
        hex.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
        new byte[32], Instant.parse("2026-12-02T10:00:00Z"), VaultKind.KEYSHARD);
  }

  private static byte[] sealed() {
    return KeystoreFile.seal(info("Savings", "p1"), PLAINTEXT, PASSWORD, CHEAP, new SecureRandom());
  }

  private static void assertReason(KeystoreException.Reason reason, byte[] file, char[] pw) {
    KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.open(file, pw));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  @Test
  void sealThenOpenGivesThePlaintextAndTheHeaderIsClear() throws Exception {
    byte[] file = sealed();
    assertArrayEquals(PLAINTEXT, KeystoreFile.open(file, PASSWORD));
    KeystoreFile.Header h = KeystoreFile.header(file);
    assertEquals(info("Savings", "p1"), h.vault());
    assertEquals(CHEAP, h.cost());
  }

  @Test
  void theShareIsNotInTheFile() {
    byte[] file = sealed();
    String asText = new String(file, StandardCharsets.ISO_8859_1);
    assertFalse(asText.contains("secret"));
  }

  @Test
  void saltAndNonceAreFreshOnEveryWrite() throws Exception {
    assertFalse(Arrays.equals(sealed(), sealed()));
  }

  @Test
  void aWrongPasswordIsRefusedWhole() {
    assertReason(KeystoreException.Reason.WRONG_PASSWORD, sealed(), "correct horsf".toCharArray());
  }

  @Test
  void everyFlippedByteIsRefused() {
    byte[] file = sealed();
    // Each byte of the file: the magic and version, the header (names, keys, costs, salt, nonce)
    // and the ciphertext. None may open, and none may throw anything but a typed refusal.
    for (int i = 0; i < file.length; i++) {
      byte[] bad = file.clone();
      bad[i] ^= 0x01;
      KeystoreException e = assertThrows(KeystoreException.class, () -> KeystoreFile.open(bad, PASSWORD),
          "byte " + i);
      assertFalse(e.getMessage().contains("secret"));
    }
  }

  @Test
  void truncatedFilesAreRefused() {
    byte[] file = sealed();
    for (int len : new int[] {0, 3, 5, 6, 40, file.length / 2, file.length - 1}) {
      byte[] cut = Arrays.copyOf(file, len);
      assertThrows(KeystoreException.class, () -> KeystoreFile.open(cut, PASSWORD), "length " + len);
    }
  }

  @Test
  void anUnknownVersionIsNamed() {
    byte[] file = sealed();
    file[4] = 2;
    assertReason(KeystoreException.Reason.UNSUPPORTED_VERSION, file, PASSWORD);
  }

  @Test
  void somethingElseIsNotAnEntry() {
    assertReason(KeystoreException.Reason.CORRUPT, "{\"format\":\"keyshard-share\"}"
        .getBytes(StandardCharsets.UTF_8), PASSWORD);
  }

  /** A crafted header must not make the reader allocate gigabytes before the tag is checked. */
  @Test
  void aHeaderAskingForHugeMemoryIsRefusedBeforeDerivation() throws Exception {
    byte[] file = sealed();
    KeystoreFileProto body = KeystoreFileProto.parseFrom(Arrays.copyOfRange(file, 5, file.length));
    KeystoreHeaderProto h = KeystoreHeaderProto.parseFrom(body.getHeader());
    byte[] header = h.toBuilder().setKdf(h.getKdf().toBuilder().setMemoryKib(64 << 20)).build()
        .toByteArray();
    byte[] evil = body.toBuilder().setHeader(ByteString.copyFrom(header)).build().toByteArray();
    byte[] out = Arrays.copyOf(file, 5 + evil.length);
    System.arraycopy(evil, 0, out, 5, evil.length);
    assertReason(KeystoreException.Reason.CORRUPT, out, PASSWORD);
  }

  @Test
  void weakCostsAndEmptyPasswordsAreNotWritten() {
    VaultInfo v = info("Savings", "p1");
    SecureRandom rng = new SecureRandom();
    assertThrows(IllegalArgumentException.class,
        () -> KeystoreFile.seal(v, PLAINTEXT, PASSWORD, new Argon2idParameters(1024, 1, 1), rng));
    assertThrows(IllegalArgumentException.class,
        () -> KeystoreFile.seal(v, PLAINTEXT, new char[0], CHEAP, rng));
  }
}
