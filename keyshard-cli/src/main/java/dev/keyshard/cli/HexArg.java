package dev.keyshard.cli;

import java.util.HexFormat;

/** Hex command-line arguments, with errors that say which option was wrong. */
final class HexArg {
  private HexArg() {}

  static byte[] parse(String option, String value) {
    String v = value.startsWith("0x") || value.startsWith("0X") ? value.substring(2) : value;
    if (v.length() % 2 != 0) {
      throw new UserError(option + ": hex must have an even number of digits");
    }
    try {
      return HexFormat.of().parseHex(v);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + ": not valid hex");
    }
  }

  static byte[] parse(String option, String value, int length) {
    byte[] b = parse(option, value);
    if (b.length != length) {
      throw new UserError(option + ": expected " + length + " bytes, got " + b.length);
    }
    return b;
  }

  static String format(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
