package dev.keyshard.crypto.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Seeded random cases for property-style tests with plain JUnit 5.
 *
 * <p>Each test uses a fixed seed, so every run sees the same cases. Random case {@code i} is
 * drawn from its own {@link #random(long, int)} stream, so its values do not depend on the other
 * cases or on how many run: the {@code random #i} in a failing case's display name, with the
 * test's seed, regenerates it. Hand-picked edge cases go in as {@link #edge} and are named in the
 * display name too.
 *
 * <p>A {@code @MethodSource} factory typically concatenates the edge cases and the random ones:
 *
 * <pre>{@code
 * static Stream<Arguments> messages() {
 *   return Stream.concat(
 *       Stream.of(Cases.edge("empty", (Object) new byte[0])),
 *       Cases.arguments(0x5EED, 100, r -> Cases.args(Cases.bytes(r, 0, 300))));
 * }
 * }</pre>
 */
public final class Cases {
  private Cases() {}

  /** The random stream of case {@code index} of a test seeded with {@code seed}. */
  public static Random random(long seed, int index) {
    return new Random(mix(seed + 0x9E3779B97F4A7C15L * (index + 1L)));
  }

  /** {@code count} values, value {@code i} drawn from {@link #random(long, int) random(seed, i)}. */
  public static <T> List<T> generate(long seed, int count, Function<Random, T> gen) {
    List<T> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(gen.apply(random(seed, i)));
    }
    return out;
  }

  /**
   * {@code count} random argument sets for a {@code @MethodSource}, named {@code random #i (seed
   * s)}; {@code gen} returns one test invocation's arguments (see {@link #args}).
   */
  public static Stream<Arguments> arguments(long seed, int count, Function<Random, Object[]> gen) {
    return IntStream.range(0, count).mapToObj(i -> Arguments.argumentSet(
        "random #" + i + " (seed " + seed + ")", gen.apply(random(seed, i))));
  }

  /** A hand-picked case for a {@code @MethodSource}, named {@code edge: name}. */
  public static Arguments edge(String name, Object... args) {
    return Arguments.argumentSet("edge: " + name, args);
  }

  /** One invocation's arguments, for the generator of {@link #arguments}. */
  public static Object[] args(Object... values) {
    return values;
  }

  /** A uniform int in {@code [min, max]}, both inclusive. */
  public static int between(Random r, int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException(min + " > " + max);
    }
    return min + r.nextInt(max - min + 1);
  }

  /** One of {@code values}, uniformly. */
  public static <T> T oneOf(Random r, List<T> values) {
    return values.get(r.nextInt(values.size()));
  }

  /** One of {@code values}, uniformly. */
  @SafeVarargs
  public static <T> T oneOf(Random r, T... values) {
    return values[r.nextInt(values.length)];
  }

  /** A list of minSize..maxSize distinct ints, each in {@code [min, max]}, in random order. */
  public static List<Integer> distinctInts(Random r, int minSize, int maxSize, int min, int max) {
    int size = between(r, minSize, maxSize);
    if (size > max - min + 1) {
      throw new IllegalArgumentException("cannot draw " + size + " distinct values");
    }
    Set<Integer> out = new LinkedHashSet<>();
    while (out.size() < size) {
      out.add(between(r, min, max));
    }
    return new ArrayList<>(out);
  }

  /** {@code length} uniformly random bytes. */
  public static byte[] bytes(Random r, int length) {
    byte[] b = new byte[length];
    r.nextBytes(b);
    return b;
  }

  /** Uniformly random bytes of a uniformly random length in {@code [minLength, maxLength]}. */
  public static byte[] bytes(Random r, int minLength, int maxLength) {
    return bytes(r, between(r, minLength, maxLength));
  }

  /** {@code length} copies of the byte {@code value}. */
  public static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) value);
    return b;
  }

  /**
   * The byte arrays a property-based generator tries first for lengths {@code [minLength,
   * maxLength]}: the shortest (empty when allowed) and the longest, each all-0x00, all-0xFF,
   * all-0x01, all-0x7F and all-0x80 (duplicates removed).
   */
  public static List<byte[]> edgeBytes(int minLength, int maxLength) {
    List<byte[]> out = new ArrayList<>();
    for (int length : minLength == maxLength ? new int[] {minLength}
        : new int[] {minLength, maxLength}) {
      for (int value : new int[] {0x00, 0xFF, 0x01, 0x7F, 0x80}) {
        out.add(filled(length, value));
        if (length == 0) {
          break;
        }
      }
    }
    return out;
  }

  /**
   * Like {@link #bytes(Random, int, int)}, except that one draw in eight is one of {@link
   * #edgeBytes(int, int)} (a copy), so edge cases mix in with random values.
   */
  public static byte[] bytesWithEdges(Random r, int minLength, int maxLength) {
    if (r.nextInt(8) == 0) {
      return oneOf(r, edgeBytes(minLength, maxLength));
    }
    return bytes(r, minLength, maxLength);
  }

  /** SplitMix64's finalizer, so that nearby seeds and indexes give unrelated streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
