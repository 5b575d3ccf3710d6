package dev.keyshard.chains.tx;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact conversion between the amounts users type ("0.015" BTC, "1.5" ETH) and the chain's base
 * units (satoshi, wei, lamport, uatom…). Nothing is rounded: too many decimals is an error.
 */
public final class Amounts {
  private Amounts() {}

  /**
   * @param decimals the unit's decimals (8 for BTC, 18 for ETH, 9 for SOL, 6 for ATOM)
   * @throws TransactionException when the text is not a plain positive decimal number or has more
   *     than {@code decimals} decimals
   */
  public static BigInteger parse(String field, String text, int decimals) throws TransactionException {
    if (text == null || !text.matches("[0-9]{1,40}(\\.[0-9]{1,40})?")) {
      throw new TransactionException("'" + field + "' must be a plain decimal number like 0.015, got '"
          + text + "'");
    }
    BigDecimal value = new BigDecimal(text);
    if (value.stripTrailingZeros().scale() > decimals) {
      throw new TransactionException("'" + field + "': " + text + " has more than " + decimals
          + " decimals");
    }
    BigInteger base = value.movePointRight(decimals).toBigIntegerExact();
    if (base.signum() <= 0) {
      throw new TransactionException("'" + field + "' must be more than zero");
    }
    return base;
  }

  /** As {@link #parse}, but zero is allowed (a fee, a tip). */
  public static BigInteger parseNonNegative(String field, String text, int decimals)
      throws TransactionException {
    if (text != null && text.matches("0+(\\.0+)?")) {
      return BigInteger.ZERO;
    }
    return parse(field, text, decimals);
  }

  /** Base units as a decimal string in the usual unit, without trailing zeros: 1500000 → "0.015". */
  public static String format(BigInteger baseUnits, int decimals) {
    BigDecimal v = new BigDecimal(baseUnits, decimals).stripTrailingZeros();
    return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
  }

  /** {@link #format} followed by the unit: "0.015 BTC". */
  public static String format(BigInteger baseUnits, int decimals, String unit) {
    return format(baseUnits, decimals) + " " + unit;
  }
}
