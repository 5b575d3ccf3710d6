package dev.keyshard.chains.bitcoin;

import dev.keyshard.chains.Chain;
import dev.keyshard.chains.tx.TransactionException;
import dev.keyshard.vault.hd.DerivationPath;
import java.math.BigDecimal;

/**
 * What differs between the Bitcoin-family chains Keyshard builds transactions for: the unit, the
 * scripts the vault spends from, the sighash, the dust limit, replace-by-fee and a fee that is
 * absurd without an explicit {@code maxFee}. Addresses per network are in {@link UtxoNetwork}.
 */
public enum UtxoChain {
  /** P2WPKH (m/84'/0'/0'/0/0) or key-path P2TR (BIP-86, m/86'/0'/0'/0/0); fee in sat/vB. */
  BITCOIN(Chain.BITCOIN, "BTC", "m/86'/0'/0'/0/0", true, 2, 1_000_000L),
  /**
   * As Bitcoin (Litecoin Core is a Bitcoin Core fork with segwit and taproot); the P2TR path
   * m/86'/2'/0'/0/0 uses Litecoin's SLIP-44 coin type 2 as its P2WPKH path m/84'/2'/… does.
   */
  LITECOIN(Chain.LITECOIN, "LTC", "m/86'/2'/0'/0/0", true, 2, 10_000_000L),
  /** P2PKH (m/44'/3'/0'/0/0) with the legacy sighash; no segwit. Fee in sat/byte. */
  DOGECOIN(Chain.DOGECOIN, "DOGE", null, false, 1, 10_000_000_000L),
  /**
   * P2PKH (m/44'/145'/0'/0/0) signed with SIGHASH_ALL|FORKID (the BIP-143-style digest of the
   * Bitcoin Cash "replay protected sighash" spec, fork id 0); no segwit, no replace-by-fee.
   */
  BITCOIN_CASH(Chain.BITCOIN_CASH, "BCH", null, false, 2, 1_000_000L);

  private final Chain chain;
  private final String unit;
  private final DerivationPath taprootPath;
  private final boolean segwit;
  private final long txVersion;
  private final long feeCap;

  UtxoChain(Chain chain, String unit, String taprootPath, boolean segwit, long txVersion,
      long feeCap) {
    this.chain = chain;
    this.unit = unit;
    this.taprootPath = taprootPath == null ? null : DerivationPath.parse(taprootPath);
    this.segwit = segwit;
    this.txVersion = txVersion;
    this.feeCap = feeCap;
  }

  /** Satoshi (or litoshi, koinu) per coin: all four chains have 8 decimals. */
  public static final int DECIMALS = 8;

  public Chain chain() {
    return chain;
  }

  /** "BTC", "LTC", "DOGE", "BCH". */
  public String unit() {
    return unit;
  }

  /** True when outputs and inputs may be witness programs (BIP-141); false for DOGE and BCH. */
  public boolean segwit() {
    return segwit;
  }

  /** The type the vault spends from when the intent names none. */
  public ScriptType defaultSpendType() {
    return segwit ? ScriptType.P2WPKH : ScriptType.P2PKH;
  }

  /** The key path of the vault's key for an input of this type. */
  public DerivationPath path(ScriptType type) {
    return type == ScriptType.P2TR ? taprootPath : chain.path();
  }

  /** The transaction version Keyshard writes (each chain's own wallet's default). */
  long txVersion() {
    return txVersion;
  }

  /** Replace-by-fee by default: on for Bitcoin and Litecoin (BIP-125 opt-in), off elsewhere. */
  public boolean defaultRbf() {
    return segwit;
  }

  /** Bitcoin Cash nodes have no replace-by-fee; asking for it is an error. */
  public boolean rbfAllowed() {
    return this != BITCOIN_CASH;
  }

  /** "sat/vB" where sizes are virtual (segwit chains), else "sat/byte". */
  public String feeRateUnit() {
    return segwit ? "sat/vB" : "sat/byte";
  }

  /**
   * The smallest output the chain's nodes relay, in base units: Bitcoin Core's
   * {@code GetDustThreshold} at 3 sat/vB (BTC, BCH); Litecoin Core's DUST_RELAY_TX_FEE is ten
   * times that (30 000 litoshi/kvB, policy/policy.h); Dogecoin Core's DEFAULT_DUST_LIMIT is
   * RECOMMENDED_MIN_TX_FEE = COIN/100 = 0.01 DOGE for every output (policy/policy.h): the
   * soft limit below which each output costs an extra 0.01 DOGE of fee (the hard limit, refused
   * outright, is a tenth of it), and its wallet's threshold for discarding change to the fee.
   */
  public long dust(ScriptType type) {
    return switch (this) {
      case BITCOIN, BITCOIN_CASH -> type.bitcoinDust();
      case LITECOIN -> type.bitcoinDust() * 10;
      case DOGECOIN -> 1_000_000L;
    };
  }

  /**
   * The lowest fee rate, in {@link #feeRateUnit()}, the chain's nodes relay by default, or null
   * where Keyshard leaves that to the node. Dogecoin Core (1.14.5+, src/validation.h):
   * DEFAULT_MIN_RELAY_TX_FEE = RECOMMENDED_MIN_TX_FEE / 10 = 0.001 DOGE/kB = 100 koinu/byte,
   * a hundred times Bitcoin's; a rate typed as if for Bitcoin ("10") would never be relayed.
   * Its wallet and miners' default (-blockmintxfee) is 0.01 DOGE/kB = 1000 koinu/byte
   * (doc/fee-recommendation.md), see {@link #recommendedFeeRate()}.
   */
  public BigDecimal minFeeRate() {
    return this == DOGECOIN ? BigDecimal.valueOf(100) : null;
  }

  /** The rate quoted with {@link #minFeeRate()}'s message: Dogecoin's 1000 koinu/byte, else null. */
  public BigDecimal recommendedFeeRate() {
    return this == DOGECOIN ? BigDecimal.valueOf(1000) : null;
  }

  /**
   * The highest fee rate, in {@link #feeRateUnit()}, accepted without an explicit {@code maxFee}:
   * 10 000 sat/vB on Bitcoin, Litecoin and Bitcoin Cash, the 0.1 coin/kvB that Bitcoin Core's
   * {@code sendrawtransaction} refuses above by default (DEFAULT_MAX_RAW_TX_FEE_RATE = COIN / 10,
   * node/transaction.h; Litecoin Core inherits it); on Dogecoin 1 000 000 koinu/byte (10 DOGE/kB),
   * the older Core rule of 10 000 × the relay floor, a thousand times its wallets' rate. A rate
   * above it is a typo or a node's lie, never a real market.
   */
  public BigDecimal maxFeeRate() {
    return this == DOGECOIN ? BigDecimal.valueOf(1_000_000) : BigDecimal.valueOf(10_000);
  }

  /** Above this fee (and above the amount sent) a transaction needs an explicit {@code maxFee}. */
  public long feeCap() {
    return feeCap;
  }

  /**
   * Consensus MAX_MONEY in base units (amount.h): 21 million BTC and BCH, 84 million LTC, and
   * Dogecoin's 10 billion DOGE per output.
   */
  public long maxMoney() {
    return switch (this) {
      case BITCOIN, BITCOIN_CASH -> 21_000_000L * 100_000_000L;
      case LITECOIN -> 84_000_000L * 100_000_000L;
      case DOGECOIN -> 10_000_000_000L * 100_000_000L;
    };
  }

  /**
   * An amount in the usual unit ("0.015") as base units, exactly.
   *
   * @throws TransactionException naming the field when it is not a positive decimal with at most
   *     8 decimals, or is more than {@link #maxMoney()}
   */
  long baseUnits(String field, String text) throws TransactionException {
    java.math.BigInteger v = dev.keyshard.chains.tx.Amounts.parse(field, text, DECIMALS);
    if (v.compareTo(java.math.BigInteger.valueOf(maxMoney())) > 0) {
      throw new TransactionException("'" + field + "': " + text + " " + unit
          + " is more than can exist");
    }
    return v.longValueExact();
  }

  /** Base units as "0.015 BTC". */
  String format(long baseUnits) {
    return dev.keyshard.chains.tx.Amounts.format(java.math.BigInteger.valueOf(baseUnits), DECIMALS,
        unit);
  }

  /** @return the family member for a {@link Chain}, or null */
  public static UtxoChain of(Chain chain) {
    for (UtxoChain c : values()) {
      if (c.chain == chain) {
        return c;
      }
    }
    return null;
  }
}
