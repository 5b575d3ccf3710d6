package dev.keyshard.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the one-line JSON objects that {@code --json} prints, keys in insertion order. */
final class JsonOut {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  JsonOut put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  @Override
  public String toString() {
    return GSON.toJson(fields);
  }
}
