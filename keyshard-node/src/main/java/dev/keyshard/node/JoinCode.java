package dev.keyshard.node;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a device needs to join a session, as a {@code keyshard://join?…} URI to paste or scan: the
 * relay, the session, the 256-bit session key (which never reaches the relay), the initiator's
 * session identity key (so a joiner knows whose session it joined), and what the session is for
 * — {@code kind} and its parameters, e.g. the vault name, t and n. Anyone holding the code can
 * join, so it is shown only to the devices meant to.
 */
public record JoinCode(URI relay, String session, byte[] key, byte[] initiatorKey,
    Map<String, String> params) {
  static final String SCHEME_PREFIX = "keyshard://join?";
  static final int VERSION = 1;

  public JoinCode {
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(session, "session");
    if (key.length != 32 || initiatorKey.length != 32) {
      throw new IllegalArgumentException("session and identity keys are 32 bytes");
    }
    key = key.clone();
    initiatorKey = initiatorKey.clone();
    params = Map.copyOf(params);
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] initiatorKey() {
    return initiatorKey.clone();
  }

  /** A parameter of the session's purpose. */
  public String param(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("the join code has no '" + name + "'");
    }
    return v;
  }

  public String format() {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    StringBuilder s = new StringBuilder(SCHEME_PREFIX).append("v=").append(VERSION)
        .append("&relay=").append(enc(relay.toString())).append("&session=").append(enc(session))
        .append("&key=").append(b64.encodeToString(key))
        .append("&id=").append(b64.encodeToString(initiatorKey));
    new java.util.TreeMap<>(params).forEach((k, v) -> s.append('&').append(enc(k)).append('=').append(enc(v)));
    return s.toString();
  }

  /**
   * @throws IllegalArgumentException with a line for the user when {@code text} is not a join
   *     code of this version
   */
  public static JoinCode parse(String text) {
    String t = text == null ? "" : text.strip();
    if (!t.startsWith(SCHEME_PREFIX)) {
      throw new IllegalArgumentException("not a Keyshard join code (it starts with keyshard://join?)");
    }
    Map<String, String> all = new LinkedHashMap<>();
    for (String pair : t.substring(SCHEME_PREFIX.length()).split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("a damaged join code");
      }
      all.put(dec(pair.substring(0, eq)), dec(pair.substring(eq + 1)));
    }
    if (!String.valueOf(VERSION).equals(all.remove("v"))) {
      throw new IllegalArgumentException("a join code of another version (this build reads v=" + VERSION + ")");
    }
    try {
      URI relay = URI.create(require(all, "relay"));
      String session = require(all, "session");
      byte[] key = Base64.getUrlDecoder().decode(require(all, "key"));
      byte[] id = Base64.getUrlDecoder().decode(require(all, "id"));
      return new JoinCode(relay, session, key, id, all);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a damaged join code");
    }
  }

  @Override
  public String toString() {
    // The key is the session's secret: never in logs.
    return "JoinCode[" + relay + ", session " + session + ", " + params + "]";
  }

  private static String require(Map<String, String> m, String k) {
    String v = m.remove(k);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("missing " + k);
    }
    return v;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
