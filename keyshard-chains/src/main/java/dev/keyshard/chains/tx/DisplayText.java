package dev.keyshard.chains.tx;

/**
 * Text from an intent or a node made safe to print on a terminal next to what a user approves:
 * every character that could hide, reorder or fake what is shown becomes backslash-u and 4 hex
 * digits. That is control characters (C0, C1, so also ANSI escape sequences that move the cursor
 * or clear the screen), Unicode format characters (the bidirectional overrides and isolates
 * U+202A–U+202E and U+2066–U+2069 of "Trojan Source", zero-width spaces and joiners, the BOM),
 * the line and paragraph separators U+2028/U+2029, and lone surrogates. Everything else, letters
 * of any script included, is kept.
 */
public final class DisplayText {
  private DisplayText() {}

  /** The text with the characters above escaped; null stays null. */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder b = null;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      int n = Character.charCount(c);
      if (unsafe(c)) {
        if (b == null) {
          b = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        b.append(String.format("\\u%04x", c));
      } else if (b != null) {
        b.appendCodePoint(c);
      }
      i += n;
    }
    return b == null ? text : b.toString();
  }

  /** True when the character is one {@link #escape} replaces. */
  public static boolean unsafe(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isISOControl(codePoint) || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}
