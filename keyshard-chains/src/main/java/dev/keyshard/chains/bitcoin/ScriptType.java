package dev.keyshard.chains.bitcoin;

import java.util.Locale;

/**
 * The standard output scripts Keyshard pays to. The vault itself spends from {@link #P2PKH}
 * (Dogecoin, Bitcoin Cash), {@link #P2WPKH} (BIP-141/143) and key-path {@link #P2TR}
 * (BIP-341/86); it can pay to all five.
 */
public enum ScriptType {
  /** OP_DUP OP_HASH160 &lt;20&gt; OP_EQUALVERIFY OP_CHECKSIG. */
  P2PKH,
  /** OP_HASH160 &lt;20&gt; OP_EQUAL (BIP-16). */
  P2SH,
  /** OP_0 &lt;20&gt; (BIP-141). */
  P2WPKH,
  /** OP_0 &lt;32&gt; (BIP-141). */
  P2WSH,
  /** OP_1 &lt;32&gt; (BIP-341). */
  P2TR;

  /** True for the types the vault can sign for (it has no scripts of its own behind P2SH/P2WSH). */
  public boolean spendable() {
    return this == P2PKH || this == P2WPKH || this == P2TR;
  }

  /**
   * Bitcoin Core's dust threshold for an output of this type at its 3 sat/vB dust relay fee
   * (policy/policy.cpp {@code GetDustThreshold}): the output's size plus the size of the input
   * that would spend it, times 3. 546 for P2PKH, 540 P2SH, 294 P2WPKH, 330 P2WSH and P2TR.
   */
  long bitcoinDust() {
    return switch (this) {
      case P2PKH -> 546;
      case P2SH -> 540;
      case P2WPKH -> 294;
      case P2WSH, P2TR -> 330;
    };
  }

  /** The intent's spelling, "p2wpkh". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** @return the type with this label, or null */
  static ScriptType fromLabel(String label) {
    for (ScriptType t : values()) {
      if (t.label().equalsIgnoreCase(label)) {
        return t;
      }
    }
    return null;
  }
}
