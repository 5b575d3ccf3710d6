package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.keyshard.crypto.group.Ed25519;
import dev.keyshard.crypto.group.Secp256k1;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * Pins the transcript format keyshard/transcript/v1 (vectors/transcript/SOURCE.md). A change to the
 * encoding breaks these vectors, and with them every proof and binding made by older versions.
 */
class TranscriptVectorsTest {
  private static final String FILE = "transcript/transcript-v1.txt";

  static Transcript build(Map<String, String> v) {
    Transcript t = Transcript.of(v.get("domain"));
    for (int i = 0; v.containsKey("item_" + i + "_label"); i++) {
      t.append(v.get("item_" + i + "_label"), Hex.decode(v.get("item_" + i + "_value")));
    }
    return t;
  }

  @Test
  void matchesPinnedVectors() {
    List<Map<String, String>> vectors = VectorFile.read(FILE);
    assertEquals(7, vectors.size());
    for (Map<String, String> v : vectors) {
      Transcript t = build(v);
      assertArrayEquals(VectorFile.hex(v, "digest"), t.digest(), v.get("name"));
      assertArrayEquals(VectorFile.hex(v, "challenge_secp256k1"),
          t.challengeScalar(Secp256k1.INSTANCE).toBytes(), v.get("name"));
      assertArrayEquals(VectorFile.hex(v, "challenge_ed25519"),
          t.challengeScalar(Ed25519.INSTANCE).toBytes(), v.get("name"));
    }
  }

  /** The typed appenders encode exactly as the raw items of the "int, long, scalar, point" case. */
  @Test
  void typedAppendersMatchTheRawVector() {
    Map<String, String> v = VectorFile.read(FILE).get(6);
    assertEquals("int, long, scalar, point", v.get("name"));
    Transcript typed = Transcript.of(DomainTag.of("keyshard/dkg/v1"))
        .appendInt("round", 3)
        .appendLong("session", 0x0102030405060708L)
        .appendScalar("secp256k1 scalar 7", Secp256k1.INSTANCE.scalarOf(7))
        .appendPoint("secp256k1 generator", Secp256k1.INSTANCE.generator())
        .appendPoint("identity", Secp256k1.INSTANCE.identity())
        .append(v.get("item_5_label"), VectorFile.hex(v, "item_5_value"));
    assertArrayEquals(VectorFile.hex(v, "digest"), typed.digest());
  }

  /**
   * Regenerates the digest and challenge lines from this implementation:
   * {@code mvn -pl keyshard-crypto test -Dtest=TranscriptVectorsTest -Dkeyshard.printVectors=true}
   * (output in target/surefire-reports/…TranscriptVectorsTest-output.txt).
   * The pinned file was first produced by an independent Python reimplementation and matched this.
   */
  @Test
  void printVectors() {
    assumeTrue(Boolean.getBoolean("keyshard.printVectors"));
    for (Map<String, String> v : VectorFile.read(FILE)) {
      Transcript t = build(v);
      System.out.println("name = " + v.get("name"));
      System.out.println("digest = " + Hex.toHexString(t.digest()));
      System.out.println("challenge_secp256k1 = "
          + Hex.toHexString(t.challengeScalar(Secp256k1.INSTANCE).toBytes()));
      System.out.println("challenge_ed25519 = "
          + Hex.toHexString(t.challengeScalar(Ed25519.INSTANCE).toBytes()));
      System.out.println();
    }
  }
}
