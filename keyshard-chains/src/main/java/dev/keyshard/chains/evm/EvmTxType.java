package dev.keyshard.chains.evm;

import dev.keyshard.chains.tx.TransactionException;

/** The transaction envelopes Keyshard builds, by their intent name. */
public enum EvmTxType {
  /** EIP-1559 fee market transaction, EIP-2718 type 2. */
  EIP1559("eip1559"),
  /** Pre-EIP-2718 transaction with EIP-155 replay protection (v = recovery id + chain id·2 + 35). */
  LEGACY("legacy");

  private final String intentName;

  EvmTxType(String intentName) {
    this.intentName = intentName;
  }

  public String intentName() {
    return intentName;
  }

  /** @throws TransactionException naming the valid types when the text is none of them */
  public static EvmTxType fromIntent(String text) throws TransactionException {
    for (EvmTxType t : values()) {
      if (t.intentName.equals(text)) {
        return t;
      }
    }
    throw new TransactionException("'type' must be 'eip1559' or 'legacy', got '" + text + "'");
  }
}
