package dev.keyshard.vault.hd;

import java.util.ArrayList;
import java.util.List;

/**
 * A BIP-32 derivation path as Vultisig uses it: every step non-hardened. Vultisig strips the
 * hardening marks ({@code m/84'/0'/0'/0/0} is derived as {@code m/84/0/0/0/0}) so that any party
 * can derive child public keys from the root public key and chain code, and the signers add the
 * summed tweak to their shares (DESIGN.md, "HD derivation").
 *
 * <p>Immutable and thread-safe.
 */
public final class DerivationPath {
  /** BIP-32 serialises depth in one byte. */
  public static final int MAX_DEPTH = 255;
  private static final long HARDENED = 1L << 31;

  private final int[] indices;

  private DerivationPath(int[] indices) {
    this.indices = indices;
  }

  /**
   * Parses {@code m/a/b/…}, where each step may carry a hardening mark ({@code '}, {@code h} or
   * {@code H}) that is dropped.
   *
   * @throws IllegalArgumentException when the path is empty, does not start with {@code m}, or a
   *     step is not a number below 2^31
   */
  public static DerivationPath parse(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("empty derivation path");
    }
    String[] parts = path.strip().split("/", -1);
    if (!parts[0].equals("m")) {
      throw new IllegalArgumentException("derivation path must start with m/: " + path);
    }
    if (parts.length - 1 > MAX_DEPTH) {
      throw new IllegalArgumentException("derivation path deeper than " + MAX_DEPTH);
    }
    List<Integer> steps = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String s = parts[i];
      if (s.endsWith("'") || s.endsWith("h") || s.endsWith("H")) {
        s = s.substring(0, s.length() - 1);
      }
      if (s.isEmpty() || s.length() > 10 || !s.chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("bad step '" + parts[i] + "' in derivation path " + path);
      }
      long v = Long.parseLong(s);
      if (v >= HARDENED) {
        throw new IllegalArgumentException("step " + v + " is not below 2^31 in " + path);
      }
      steps.add((int) v);
    }
    return new DerivationPath(steps.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The (non-hardened) child indices, root first. */
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DerivationPath p && java.util.Arrays.equals(indices, p.indices);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(indices);
  }

  /** The normalised form, {@code m/84/0/0/0/0}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("m");
    for (int i : indices) {
      b.append('/').append(i);
    }
    return b.toString();
  }
}
