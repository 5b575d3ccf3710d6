package dev.keyshard.chains;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every chain's address for one vault, in {@link Chain} order (Vultisig's). */
public final class Addresses {
  private Addresses() {}

  /**
   * @throws IllegalArgumentException when a key or the chain code is malformed
   */
  public static Map<Chain, String> all(byte[] rootEcdsa, byte[] rootEddsa, byte[] chainCode) {
    Map<Chain, String> out = new LinkedHashMap<>();
    for (Chain c : Chain.values()) {
      out.put(c, c.address(rootEcdsa, rootEddsa, chainCode));
    }
    return out;
  }
}
