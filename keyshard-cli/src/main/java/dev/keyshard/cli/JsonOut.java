package dev.keyshard.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the one-line JSON objects that {@code --json} prints, keys in insertion order. */
final class JsonOut {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** Nested {@code JsonOut}s, alone or in a list, print as objects. */
  JsonOut put(String key, Object value) {
    fields.put(key, unwrap(value));
    return this;
  }

  private static Object unwrap(Object value) {
    if (value instanceof JsonOut j) {
      return j.fields;
    }
    if (value instanceof java.util.List<?> list) {
      return list.stream().map(JsonOut::unwrap).toList();
    }
    return value;
  }

  @Override
  public String toString() {
    return GSON.toJson(fields);
  }
}
