package dev.keyshard.crypto.group;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The batch operations of {@link Group}, against their one-at-a-time definitions. */
class GroupBatchTest {
  static Stream<Group> groups() {
    return Stream.of(Ed25519.INSTANCE, Secp256k1.INSTANCE);
  }

  private static Scalar scalar(Group g, Random r) {
    byte[] b = new byte[64];
    r.nextBytes(b);
    return g.reduce(b);
  }

  /** A point with a non-trivial projective representation (a sum, never encoded before). */
  private static Point freshPoint(Group g, Random r) {
    return g.multiplyGenerator(scalar(g, r)).add(g.multiplyGenerator(scalar(g, r)));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void multiplyAndSumMatchesTermByTerm(Group g) {
    Random r = new Random(4);
    for (int n = 1; n <= 5; n++) {
      for (int rep = 0; rep < 20; rep++) {
        List<Scalar> ks = new ArrayList<>();
        List<Point> ps = new ArrayList<>();
        Point expected = g.identity();
        for (int j = 0; j < n; j++) {
          // The first repetition uses the edge scalars 0 and L − 1.
          Scalar k = rep == 0 ? (j == 0 ? g.zero() : g.one().negate()) : scalar(g, r);
          Point p = freshPoint(g, r);
          ks.add(k);
          ps.add(p);
          expected = expected.add(p.multiply(k));
        }
        assertEquals(expected, g.multiplyAndSum(ks, ps), n + " terms");
      }
    }
    assertThrows(IllegalArgumentException.class, () -> g.multiplyAndSum(List.of(), List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> g.multiplyAndSum(List.of(g.one()), List.of()));
  }

  @ParameterizedTest
  @MethodSource("groups")
  void encodeAllMatchesToBytes(Group g) {
    Random r = new Random(5);
    for (int n = 0; n <= 6; n++) {
      List<Point> batch = new ArrayList<>();
      List<Point> twins = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        Point p = freshPoint(g, r);
        batch.add(p);
        twins.add(p.add(g.identity())); // the same point as another object, encoded alone
      }
      if (n > 2) {
        batch.get(1).toBytes(); // one already cached: the batch must keep it right
      }
      List<byte[]> encodings = g.encodeAll(batch);
      assertEquals(n, encodings.size());
      for (int j = 0; j < n; j++) {
        assertArrayEquals(twins.get(j).toBytes(), encodings.get(j));
        assertArrayEquals(twins.get(j).toBytes(), batch.get(j).toBytes());
      }
    }
    assertThrows(IllegalStateException.class, () -> g.encodeAll(List.of(g.identity())));
  }
}
