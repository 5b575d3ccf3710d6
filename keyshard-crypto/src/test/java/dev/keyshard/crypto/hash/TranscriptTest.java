package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Secp256k1;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Transcript encoding: unambiguous, domain- and label-separated, branchable. */
class TranscriptTest {

  private static Transcript of(String domain, String... labelValuePairs) {
    Transcript t = Transcript.of(domain);
    for (int i = 0; i < labelValuePairs.length; i += 2) {
      t.append(labelValuePairs[i], labelValuePairs[i + 1]);
    }
    return t;
  }

  /** ATTACKS.md, TSSHOCK c-bit-forgery: H(["ab","c"]) ≠ H(["a","bc"]). */
  @Test
  void splitPointOfTheValuesMatters() {
    Transcript abC = of("keyshard/test/v1", "x", "ab", "x", "c");
    Transcript aBc = of("keyshard/test/v1", "x", "a", "x", "bc");
    assertFalse(Arrays.equals(abC.digest(), aBc.digest()));
    assertNotEquals(abC.challengeScalar(Secp256k1.INSTANCE), aBc.challengeScalar(Secp256k1.INSTANCE));
    // Nor can bytes move between a label and its value.
    assertFalse(Arrays.equals(of("keyshard/test/v1", "xa", "b").digest(),
        of("keyshard/test/v1", "x", "ab").digest()));
    // Nor can one item pose as two: the length prefixes are part of the hashed bytes.
    assertFalse(Arrays.equals(of("keyshard/test/v1", "x", "").digest(),
        of("keyshard/test/v1").digest()));
  }

  @Test
  void domainAndLabelChangeTheOutput() {
    byte[] base = of("keyshard/dkg/v1", "session", "s1").digest();
    assertFalse(Arrays.equals(base, of("keyshard/dkg/v2", "session", "s1").digest()));
    assertFalse(Arrays.equals(base, of("keyshard/dkg/v1", "Session", "s1").digest()));
    assertFalse(Arrays.equals(base, of("keyshard/dkg/v1", "session", "s2").digest()));
    assertArrayEquals(base, of("keyshard/dkg/v1", "session", "s1").digest());
    assertArrayEquals(base, Transcript.of(DomainTag.of("keyshard/dkg/v1"))
        .append("session", "s1".getBytes(StandardCharsets.UTF_8)).digest());
  }

  @Property(tries = 200)
  void distinctItemListsGiveDistinctDigests(
      @ForAll @Size(max = 4) List<@Size(max = 6) byte[]> a,
      @ForAll @Size(max = 4) List<@Size(max = 6) byte[]> b) {
    Transcript ta = Transcript.of("keyshard/test/v1");
    Transcript tb = Transcript.of("keyshard/test/v1");
    a.forEach(v -> ta.append("item", v));
    b.forEach(v -> tb.append("item", v));
    boolean sameItems = a.size() == b.size();
    for (int i = 0; sameItems && i < a.size(); i++) {
      sameItems = Arrays.equals(a.get(i), b.get(i));
    }
    assertEquals(sameItems, Arrays.equals(ta.digest(), tb.digest()));
  }

  @Test
  void copyBranchesWithoutTouchingTheOriginal() {
    Transcript t = of("keyshard/test/v1", "a", "1");
    byte[] before = t.digest();
    Transcript branch = t.copy().append("b", "2");
    assertArrayEquals(before, t.digest());
    assertFalse(Arrays.equals(before, branch.digest()));
    // Outputs do not consume the transcript: asking twice gives the same answer.
    assertArrayEquals(t.digest(), t.digest());
    assertEquals(t.challengeScalar(Secp256k1.INSTANCE), t.challengeScalar(Secp256k1.INSTANCE));
    t.append("b", "2");
    assertArrayEquals(branch.digest(), t.digest());
  }

  @Test
  void invalidDomainTagsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Transcript.of(""));
    assertThrows(IllegalArgumentException.class, () -> DomainTag.of("tab\there"));
    assertThrows(IllegalArgumentException.class, () -> DomainTag.of("ünï"));
    assertThrows(IllegalArgumentException.class, () -> DomainTag.of("x".repeat(256)));
    assertEquals("keyshard/dkg/v1", DomainTag.of("keyshard/dkg/v1").toString());
  }
}
