package dev.keyshard.relay;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Request targets to route on: the path without its query, one trailing slash dropped, split
 * into segments that are then each percent-decoded — so an escaped {@code %2F} stays inside its
 * segment (and is refused there as an id), and a literal {@code +} stays a plus, as in a path it
 * is. The relay answered this way on Javalin ({@code ignoreTrailingSlashes}); RelayAnswersTest
 * holds it to that.
 */
final class RelayPaths {
  private RelayPaths() {}

  /** A path no route can match: an empty segment, or an escape that does not decode. */
  static final String[] NONE = new String[0];

  /** The path of a request target: origin form as sent, or the path of an absolute URI. */
  static String path(String target) {
    int end = target.length();
    int q = target.indexOf('?');
    if (q >= 0) {
      end = q;
    }
    int hash = target.indexOf('#');
    if (hash >= 0 && hash < end) {
      end = hash;
    }
    String path = target.substring(0, end);
    if (!path.startsWith("/")) {
      int scheme = path.indexOf("://");
      int slash = scheme < 0 ? -1 : path.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    return path;
  }

  /** The decoded segments of a path, or {@link #NONE} when no route can match it. */
  static String[] segments(String path) {
    int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
    if (end <= 1) {
      return NONE;
    }
    String[] parts = path.substring(1, end).split("/", -1);
    for (int i = 0; i < parts.length; i++) {
      String seg = parts[i];
      if (seg.isEmpty()) {
        return NONE;
      }
      if (seg.indexOf('%') >= 0 || seg.indexOf('+') >= 0) {
        try {
          parts[i] = URLDecoder.decode(seg.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return NONE;
        }
      }
    }
    return parts;
  }
}
