package dev.keyshard.relay;

/**
 * Checks the ids in paths, headers and bodies. Vultisig's party ids are device names
 * ("jp’s MacBook Air-EE5"), so any printable text is allowed, trimmed as vultisig-relay trims it,
 * up to a length; control characters (which could split log lines or store keys) are not.
 */
final class Ids {
  static final int MAX_LENGTH = 128;

  private Ids() {}

  static String session(String s) throws BadRequestException {
    return check(s, "session id");
  }

  static String party(String s) throws BadRequestException {
    return check(s, "party id");
  }

  static String messageId(String s) throws BadRequestException {
    return s == null || s.isBlank() ? "" : check(s, "message_id");
  }

  static String hash(String s) throws BadRequestException {
    return check(s, "hash");
  }

  private static String check(String raw, String what) throws BadRequestException {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()) {
      throw new BadRequestException("empty " + what);
    }
    if (s.length() > MAX_LENGTH) {
      throw new BadRequestException(what + " longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '/') {
        throw new BadRequestException(what + " holds a control character or '/'");
      }
    }
    return s;
  }
}
