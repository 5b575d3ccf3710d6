package dev.keyshard.chains.cosmos;

import dev.keyshard.chains.Chain;
import java.math.BigInteger;

/**
 * The Cosmos SDK chains Keyshard sends coins on, with what differs between them: the bech32
 * prefix, the native coin's denom and decimals, the mainnet chain id, which send message the
 * chain takes, and the default fee and gas.
 *
 * <ul>
 *   <li>Cosmos Hub: {@code cosmoshub-4}, 1 ATOM = 10^6 uatom, bank {@code MsgSend}; default fee
 *       0.0075 ATOM for 200000 gas (what Vultisig pays: 7500 uatom, gas limit 200000).
 *   <li>THORChain: {@code thorchain-1}, 1 RUNE = 10^8 rune, THORChain's {@code /types.MsgSend};
 *       the transaction carries no fee: THORChain deducts its native network fee (a chain
 *       setting, 0.02 RUNE for years) from the sender's balance. Gas limit 20000000, as Vultisig.
 *   <li>MayaChain: {@code mayachain-mainnet-v1}, 1 CACAO = 10^10 cacao (xchainjs
 *       {@code CACAO_DECIMAL = 10}, denom {@code cacao}), the same {@code /types.MsgSend} as
 *       THORChain (mayanode's msg_send.proto); fee deducted by the chain like THORChain's. Gas
 *       limit 2000000000, as Vultisig.
 * </ul>
 */
public enum CosmosNetwork {
  COSMOS(Chain.COSMOS, "cosmos", "uatom", 6, "ATOM", "cosmoshub-4", SendMessage.BANK,
      BigInteger.valueOf(7500), 200_000L),
  THORCHAIN(Chain.THORCHAIN, "thor", "rune", 8, "RUNE", "thorchain-1", SendMessage.THORCHAIN,
      BigInteger.ZERO, 20_000_000L),
  MAYACHAIN(Chain.MAYACHAIN, "maya", "cacao", 10, "CACAO", "mayachain-mainnet-v1",
      SendMessage.THORCHAIN, BigInteger.ZERO, 2_000_000_000L);

  /** Which message moves the coins. */
  public enum SendMessage {
    /** {@code /cosmos.bank.v1beta1.MsgSend}: bech32 address strings. */
    BANK("/cosmos.bank.v1beta1.MsgSend"),
    /** {@code /types.MsgSend} of thornode and mayanode: raw 20-byte addresses. */
    THORCHAIN("/types.MsgSend");

    private final String typeUrl;

    SendMessage(String typeUrl) {
      this.typeUrl = typeUrl;
    }

    public String typeUrl() {
      return typeUrl;
    }
  }

  private final Chain chain;
  private final String hrp;
  private final String denom;
  private final int decimals;
  private final String unit;
  private final String defaultChainId;
  private final SendMessage sendMessage;
  private final BigInteger defaultFee;
  private final long defaultGas;

  CosmosNetwork(Chain chain, String hrp, String denom, int decimals, String unit,
      String defaultChainId, SendMessage sendMessage, BigInteger defaultFee, long defaultGas) {
    this.chain = chain;
    this.hrp = hrp;
    this.denom = denom;
    this.decimals = decimals;
    this.unit = unit;
    this.defaultChainId = defaultChainId;
    this.sendMessage = sendMessage;
    this.defaultFee = defaultFee;
    this.defaultGas = defaultGas;
  }

  /** @throws IllegalArgumentException when the chain is not a Cosmos chain Keyshard sends on */
  public static CosmosNetwork of(Chain chain) {
    for (CosmosNetwork n : values()) {
      if (n.chain == chain) {
        return n;
      }
    }
    throw new IllegalArgumentException(chain.displayName() + " is not a Cosmos SDK chain Keyshard "
        + "sends on");
  }

  public Chain chain() {
    return chain;
  }

  /** The bech32 human-readable part of account addresses ("cosmos", "thor", "maya"). */
  public String hrp() {
    return hrp;
  }

  /** The base denom on the wire ("uatom", "rune", "cacao"). */
  public String denom() {
    return denom;
  }

  /** Decimals between the usual unit and the base denom (6, 8, 10). */
  public int decimals() {
    return decimals;
  }

  /** The usual unit as wallets show it ("ATOM", "RUNE", "CACAO"). */
  public String unit() {
    return unit;
  }

  public String defaultChainId() {
    return defaultChainId;
  }

  public SendMessage sendMessage() {
    return sendMessage;
  }

  /** The default fee in base units (zero: the chain takes its own fee). */
  public BigInteger defaultFee() {
    return defaultFee;
  }

  public long defaultGas() {
    return defaultGas;
  }

  /** True when the chain takes its own fee from the balance, outside the transaction's fee. */
  public boolean chainDeductsFee() {
    return sendMessage == SendMessage.THORCHAIN;
  }
}
