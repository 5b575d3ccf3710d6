package dev.keyshard.chains.evm;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** A decoded RLP item: a byte string or a list of items. */
public sealed interface RlpItem permits RlpItem.Bytes, RlpItem.Items {
  /** A byte string. */
  record Bytes(byte[] value) implements RlpItem {
    public Bytes {
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /**
     * The byte string as a scalar.
     *
     * @throws RlpException when it has a leading zero byte (not canonical)
     */
    public BigInteger scalar() throws RlpException {
      if (value.length > 0 && value[0] == 0) {
        throw new RlpException("scalar with a leading zero byte");
      }
      return new BigInteger(1, value);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(value, b.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "0x" + HexFormat.of().formatHex(value);
    }
  }

  /** A list. */
  record Items(List<RlpItem> items) implements RlpItem {
    public Items {
      items = List.copyOf(items);
    }
  }
}
