package dev.keyshard.vault.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordKeyTest {
  private static byte[] filled(int n, int b) {
    byte[] out = new byte[n];
    Arrays.fill(out, (byte) b);
    return out;
  }

  /** RFC 9106 §5.3: the Argon2id test vector, with secret and associated data. */
  @Test
  void rfc9106Argon2idVector() {
    byte[] tag = PasswordKey.argon2id(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4),
        new Argon2idParameters(32, 3, 4), 32);
    assertArrayEquals(HexFormat.of().parseHex(
        "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"), tag);
  }

  @Test
  void passwordIsTakenAsItsUtf8Bytes() {
    Argon2idParameters cost = new Argon2idParameters(8 * 1024, 2, 1);
    byte[] salt = filled(16, 7);
    char[] password = "pässwörd".toCharArray();
    byte[] utf8 = "pässwörd".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertArrayEquals(PasswordKey.argon2id(utf8, salt, null, null, cost, 32),
        PasswordKey.derive(password, cost, salt));
  }

  @Test
  void costsOutsideTheLimitsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(4 * 1024 * 1024, 3, 1));
    assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(65536, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(65536, 100, 1));
    assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(65536, 3, 0));
    assertThrows(IllegalArgumentException.class, () -> new Argon2idParameters(16, 3, 4));
    assertTrue(Argon2idParameters.DEFAULT.strongEnough());
    assertFalse(new Argon2idParameters(1024, 3, 1).strongEnough());
  }
}
