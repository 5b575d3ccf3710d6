package dev.keyshard.crypto.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keyshard.crypto.group.Secp256k1;
import dev.keyshard.crypto.testing.Cases;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  /** Up to 4 items of up to 6 bytes each, edge arrays mixed in. */
  private static List<byte[]> items(Random r) {
    List<byte[]> out = new ArrayList<>();
    for (int i = Cases.between(r, 0, 4); i > 0; i--) {
      out.add(Cases.bytesWithEdges(r, 0, 6));
    }
    return out;
  }

  /** The bytes of {@code items} concatenated, then cut into up to 4 items of up to 6 bytes. */
  private static List<byte[]> regrouped(Random r, List<byte[]> items) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    items.forEach(all::writeBytes);
    byte[] bytes = all.toByteArray();
    List<byte[]> out = new ArrayList<>();
    int at = 0;
    for (int left = Cases.between(r, (bytes.length + 5) / 6, 4); left > 0; left--) {
      int min = Math.max(0, bytes.length - at - 6 * (left - 1));
      int len = left == 1 ? bytes.length - at : Cases.between(r, min, Math.min(6, bytes.length - at));
      out.add(Arrays.copyOfRange(bytes, at, at + len));
      at += len;
    }
    return out;
  }

  private static List<byte[]> items(int... lengthsThenFill) {
    int fill = lengthsThenFill[lengthsThenFill.length - 1];
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < lengthsThenFill.length - 1; i++) {
      out.add(Cases.filled(lengthsThenFill[i], fill));
    }
    return out;
  }

  /**
   * Pairs of item lists: hand-picked near-collisions, then random pairs of which a quarter are
   * equal, a quarter the same bytes split differently and the rest independent.
   */
  static Stream<Arguments> itemListPairs() {
    List<Arguments> edges = List.of(
        Cases.edge("no items, no items", List.of(), List.of()),
        Cases.edge("no items, one empty item", List.of(), items(0, 0)),
        Cases.edge("one empty item twice", items(0, 0), items(0, 0)),
        Cases.edge("one empty item, two empty items", items(0, 0), items(0, 0, 0)),
        Cases.edge("[0x01 0x02], [0x01] [0x02]", List.of(new byte[] {1, 2}),
            List.of(new byte[] {1}, new byte[] {2})),
        Cases.edge("[0x00], one empty item", items(1, 0), items(0, 0)),
        Cases.edge("[0x00], [0x00 0x00]", items(1, 0), items(2, 0)),
        Cases.edge("4 × 6 × 0xFF twice", items(6, 6, 6, 6, 0xFF), items(6, 6, 6, 6, 0xFF)),
        Cases.edge("4 × 6 × 0xFF, 0xFF items of 6, 6, 6, 5 bytes", items(6, 6, 6, 6, 0xFF),
            items(6, 6, 6, 5, 0xFF)));
    return Stream.concat(edges.stream(), Cases.arguments(0x7A5C, 200, r -> {
      List<byte[]> a = items(r);
      int mode = r.nextInt(4);
      List<byte[]> b = mode == 0 ? a.stream().map(byte[]::clone).toList()
          : mode == 1 ? regrouped(r, a) : items(r);
      return Cases.args(a, b);
    }));
  }

  @ParameterizedTest
  @MethodSource("itemListPairs")
  void distinctItemListsGiveDistinctDigests(List<byte[]> a, List<byte[]> b) {
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
