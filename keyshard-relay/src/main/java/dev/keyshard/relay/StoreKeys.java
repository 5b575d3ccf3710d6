package dev.keyshard.relay;

/**
 * Store keys, one namespace per kind. The parts are joined with NUL, which {@link Ids} never
 * admits, so no session or party id can reach into another's key (vultisig-relay joins with '-',
 * so there "a-b" + "c" and "a" + "b-c" meet).
 */
final class StoreKeys {
  private static final char SEP = '\0';

  private StoreKeys() {}

  static String members(String session) {
    return "members" + SEP + session;
  }

  static String started(String session) {
    return "start" + SEP + session;
  }

  static String completed(String session) {
    return "complete" + SEP + session;
  }

  static String keysignResult(String session, String messageId) {
    return "keysign" + SEP + session + SEP + messageId;
  }

  static String setup(String session, String messageId) {
    return "setup" + SEP + session + SEP + messageId;
  }

  static String queue(String session, String party, String messageId) {
    return "queue" + SEP + session + SEP + party + SEP + messageId;
  }

  static String queueToken(String session, String party) {
    return "token" + SEP + session + SEP + party;
  }

  static String payload(String sha256Hex) {
    return "payload" + SEP + sha256Hex;
  }
}
