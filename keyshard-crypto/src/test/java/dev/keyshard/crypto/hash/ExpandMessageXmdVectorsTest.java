package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9380 Appendix K.1 and K.2 vectors (vectors/rfc9380/SOURCE.md), plus the §5.3.1 limits. */
class ExpandMessageXmdVectorsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "rfc9380/expand_message_xmd_sha256.txt",
      "rfc9380/expand_message_xmd_sha256_long_dst.txt",
      "rfc9380/expand_message_xmd_sha512.txt"})
  void matchesRfc9380Vectors(String file) {
    List<Map<String, String>> blocks = VectorFile.read(file);
    Map<String, String> header = blocks.get(0);
    ExpandMessageXmd xmd = header.get("hash").equals("SHA-256")
        ? ExpandMessageXmd.sha256() : ExpandMessageXmd.sha512();
    byte[] dst = header.get("DST").getBytes(StandardCharsets.US_ASCII);
    List<Map<String, String>> cases = blocks.subList(1, blocks.size());
    for (Map<String, String> c : cases) {
      byte[] msg = c.get("msg").getBytes(StandardCharsets.US_ASCII);
      int len = Integer.decode(c.get("len_in_bytes"));
      assertArrayEquals(VectorFile.hex(c, "uniform_bytes"), xmd.expand(msg, dst, len),
          file + ", msg of " + msg.length + " bytes, len " + len);
    }
    // The files hold what SOURCE.md says: 10 cases per DST (2 for the long DST).
    assertEquals(file.contains("long") ? 2 : 10, cases.size());
  }

  @Test
  void rfcMessagesAreTheSpecifiedLengths() {
    // RFC 9380 K.1 prints "q128_" followed by 128 'q' and "a512_" followed by 512 'a'.
    List<Map<String, String>> blocks = VectorFile.read("rfc9380/expand_message_xmd_sha256.txt");
    assertEquals(133, blocks.get(4).get("msg").length());
    assertEquals(517, blocks.get(5).get("msg").length());
    assertEquals("QUUX-V01-CS02-with-expander-SHA256-128", blocks.get(0).get("DST"));
    // The long DST is over 255 bytes, so it exercises the §5.3.3 oversize path.
    assertEquals(256, VectorFile.read("rfc9380/expand_message_xmd_sha256_long_dst.txt")
        .get(0).get("DST").length());
  }

  @Test
  void outputLengthsThatAreNotMultiplesOfTheDigest() {
    byte[] dst = "test".getBytes(StandardCharsets.US_ASCII);
    for (int len : new int[] {1, 31, 33, 48, 63, 65, 127}) {
      byte[] out = ExpandMessageXmd.sha256().expand(new byte[0], dst, len);
      assertEquals(len, out.length);
      // A prefix of a longer expansion differs: len_in_bytes is hashed into b_0.
      byte[] longer = ExpandMessageXmd.sha256().expand(new byte[0], dst, len + 1);
      assertEquals(false, java.util.Arrays.equals(out, java.util.Arrays.copyOf(longer, len)));
    }
  }

  @Test
  void rejectsOutOfRangeParameters() {
    byte[] dst = "test".getBytes(StandardCharsets.US_ASCII);
    ExpandMessageXmd sha256 = ExpandMessageXmd.sha256();
    assertThrows(IllegalArgumentException.class, () -> sha256.expand(new byte[0], dst, 0));
    // ell = ceil(8161 / 32) = 256 > 255.
    assertEquals(255 * 32, sha256.expand(new byte[0], dst, 255 * 32).length);
    assertThrows(IllegalArgumentException.class, () -> sha256.expand(new byte[0], dst, 255 * 32 + 1));
    // For SHA-512, ell <= 255 caps the output at 255 * 64 bytes, below the 65535 limit.
    ExpandMessageXmd sha512 = ExpandMessageXmd.sha512();
    assertEquals(255 * 64, sha512.expand(new byte[0], dst, 255 * 64).length);
    assertThrows(IllegalArgumentException.class, () -> sha512.expand(new byte[0], dst, 255 * 64 + 1));
    assertThrows(IllegalArgumentException.class, () -> sha512.expand(new byte[0], dst, 65536));
    assertThrows(IllegalArgumentException.class, () -> sha256.expand(new byte[0], new byte[0], 32));
  }

  @Test
  void customDigestMatchesBuiltIn() {
    ExpandMessageXmd custom =
        ExpandMessageXmd.using(org.bouncycastle.crypto.digests.SHA256Digest::new);
    byte[] dst = "QUUX-V01-CS02-with-expander-SHA256-128".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(ExpandMessageXmd.sha256().expand("abc".getBytes(), dst, 32),
        custom.expand("abc".getBytes(), dst, 32));
    assertEquals(32, custom.digestLength());
  }
}
