package dev.keyshard.chains.bitcoin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the fee is set: a rate in base units per virtual byte (per byte on chains without segwit),
 * rounded up over the estimated size, or an absolute amount.
 *
 * @param rate the rate, or null for an absolute fee
 * @param absolute the fee in base units when {@code rate} is null
 */
record Fee(BigDecimal rate, long absolute) {
  static Fee rate(BigDecimal perVbyte) {
    return new Fee(perVbyte, 0);
  }

  static Fee absolute(long baseUnits) {
    return new Fee(null, baseUnits);
  }

  /** The fee for a transaction of {@code vsize} virtual bytes. */
  long forSize(long vsize) {
    if (rate == null) {
      return absolute;
    }
    return rate.multiply(BigDecimal.valueOf(vsize)).setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }
}
