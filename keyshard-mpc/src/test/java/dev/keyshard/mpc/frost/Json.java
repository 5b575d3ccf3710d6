package dev.keyshard.mpc.frost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON reader for the test-vector files (objects, arrays, strings without escapes
 * beyond \" and \\, integers, true/false/null). Test code only; throws on anything else.
 */
final class Json {
  private final String s;
  private int i;

  private Json(String s) {
    this.s = s;
  }

  static Object parse(String text) {
    Json p = new Json(text);
    Object v = p.value();
    p.ws();
    if (p.i != p.s.length()) {
      throw new IllegalArgumentException("trailing data at " + p.i);
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> obj(Object o, String key) {
    return (Map<String, Object>) ((Map<String, Object>) o).get(key);
  }

  @SuppressWarnings("unchecked")
  static List<Object> arr(Object o, String key) {
    return (List<Object>) ((Map<String, Object>) o).get(key);
  }

  @SuppressWarnings("unchecked")
  static String str(Object o, String key) {
    Object v = ((Map<String, Object>) o).get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing " + key);
    }
    return v.toString();
  }

  private Object value() {
    ws();
    char c = s.charAt(i);
    if (c == '{') {
      i++;
      Map<String, Object> m = new LinkedHashMap<>();
      ws();
      if (s.charAt(i) == '}') {
        i++;
        return m;
      }
      while (true) {
        ws();
        String k = string();
        ws();
        expect(':');
        m.put(k, value());
        ws();
        if (s.charAt(i) == ',') {
          i++;
        } else {
          expect('}');
          return m;
        }
      }
    }
    if (c == '[') {
      i++;
      List<Object> l = new ArrayList<>();
      ws();
      if (s.charAt(i) == ']') {
        i++;
        return l;
      }
      while (true) {
        l.add(value());
        ws();
        if (s.charAt(i) == ',') {
          i++;
        } else {
          expect(']');
          return l;
        }
      }
    }
    if (c == '"') {
      return string();
    }
    int start = i;
    while (i < s.length() && "-0123456789truefalsn".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String lit = s.substring(start, i);
    switch (lit) {
      case "true": return Boolean.TRUE;
      case "false": return Boolean.FALSE;
      case "null": return null;
      default: return Long.parseLong(lit);
    }
  }

  private String string() {
    expect('"');
    StringBuilder b = new StringBuilder();
    while (s.charAt(i) != '"') {
      char c = s.charAt(i++);
      if (c == '\\') {
        char e = s.charAt(i++);
        if (e != '"' && e != '\\' && e != '/') {
          throw new IllegalArgumentException("unsupported escape at " + i);
        }
        c = e;
      }
      b.append(c);
    }
    i++;
    return b.toString();
  }

  private void ws() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private void expect(char c) {
    if (s.charAt(i) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + i);
    }
    i++;
  }
}
