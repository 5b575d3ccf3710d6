package dev.keyshard.chains.tx;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.keyshard.chains.Chain;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the user asked to send, as a flat JSON object: {@code "chain"} (a {@link Chain} name) and
 * the chain family's fields, every value a string or an array of strings (amounts stay decimal
 * strings, so nothing is rounded). It is the unsigned payload co-signers receive and the file
 * {@code keyshard tx sign --file} reads; each device builds the transaction from it itself.
 *
 * <p>Common fields: {@code to}, {@code amount} (in the chain's usual unit, e.g. "0.01" BTC),
 * {@code network} (mainnet, testnet, regtest). The builders document the rest.
 *
 * <p>Immutable. {@link #toJson()} is canonical (keys sorted), so equal intents hash equally.
 */
public final class TransactionIntent {
  /** Largest intent accepted, in bytes of JSON. */
  public static final int MAX_JSON_BYTES = 64 * 1024;

  private final TreeMap<String, Object> fields;

  private TransactionIntent(TreeMap<String, Object> fields) {
    this.fields = fields;
  }

  public static Builder builder(Chain chain) {
    return new Builder().put("chain", chain.displayName().toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * @throws TransactionException when the text is not a JSON object of strings and string arrays,
   *     is too long, or names no known chain
   */
  public static TransactionIntent parse(String json) throws TransactionException {
    if (json.getBytes(StandardCharsets.UTF_8).length > MAX_JSON_BYTES) {
      throw new TransactionException("transaction file is larger than " + MAX_JSON_BYTES + " bytes");
    }
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new TransactionException("transaction file is not valid JSON");
    }
    if (!root.isJsonObject()) {
      throw new TransactionException("transaction file must be a JSON object");
    }
    TreeMap<String, Object> fields = new TreeMap<>();
    for (Map.Entry<String, JsonElement> e : root.getAsJsonObject().entrySet()) {
      JsonElement v = e.getValue();
      if (v.isJsonPrimitive()) {
        fields.put(e.getKey(), v.getAsString());
      } else if (v.isJsonArray()) {
        List<String> items = new ArrayList<>();
        for (JsonElement item : v.getAsJsonArray()) {
          if (!item.isJsonPrimitive()) {
            throw new TransactionException("field '" + e.getKey() + "' must be a list of strings");
          }
          items.add(item.getAsString());
        }
        fields.put(e.getKey(), List.copyOf(items));
      } else {
        throw new TransactionException("field '" + e.getKey() + "' must be a string or a list of strings");
      }
    }
    TransactionIntent intent = new TransactionIntent(fields);
    intent.chain();
    return intent;
  }

  /** @throws TransactionException when "chain" is missing or unknown */
  public Chain chain() throws TransactionException {
    String name = string("chain");
    try {
      return Chain.fromName(name);
    } catch (IllegalArgumentException e) {
      throw new TransactionException(e.getMessage());
    }
  }

  /** The first field (in name order) that {@code known} does not list, or null when none. */
  public String firstFieldOutside(java.util.Set<String> known) {
    for (String name : fields.keySet()) {
      if (!known.contains(name)) {
        return name;
      }
    }
    return null;
  }

  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /** @throws TransactionException when the field is missing, empty or a list */
  public String string(String name) throws TransactionException {
    String v = optionalString(name);
    if (v == null || v.isEmpty()) {
      throw new TransactionException("'" + name + "' is needed");
    }
    return v;
  }

  /** The field, or null when absent. @throws TransactionException when it is a list */
  public String optionalString(String name) throws TransactionException {
    Object v = fields.get(name);
    if (v instanceof List) {
      throw new TransactionException("'" + name + "' must be a single value, not a list");
    }
    return (String) v;
  }

  /** The field, or {@code otherwise} when absent. */
  public String string(String name, String otherwise) throws TransactionException {
    String v = optionalString(name);
    return v == null ? otherwise : v;
  }

  /** A list field; empty when absent. @throws TransactionException when it is a single value */
  @SuppressWarnings("unchecked")
  public List<String> list(String name) throws TransactionException {
    Object v = fields.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String) {
      throw new TransactionException("'" + name + "' must be a list");
    }
    return (List<String>) v;
  }

  /**
   * A non-negative decimal integer field (a nonce, a chain id, gas…).
   *
   * @throws TransactionException when missing, not a plain decimal integer, or negative
   */
  public BigInteger unsigned(String name) throws TransactionException {
    return parseUnsigned(name, string(name));
  }

  /** As {@link #unsigned(String)}, or null when absent. */
  public BigInteger optionalUnsigned(String name) throws TransactionException {
    String v = optionalString(name);
    return v == null ? null : parseUnsigned(name, v);
  }

  private static BigInteger parseUnsigned(String name, String v) throws TransactionException {
    if (v.isEmpty() || v.length() > 78 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new TransactionException("'" + name + "' must be a non-negative whole number, got '" + v + "'");
    }
    return new BigInteger(v);
  }

  /** A copy with one more (or a replaced) field; the chain cannot change. */
  public TransactionIntent with(String name, String value) {
    if (name.equals("chain")) {
      throw new IllegalArgumentException("the chain of an intent cannot change");
    }
    TreeMap<String, Object> copy = new TreeMap<>(fields);
    copy.put(name, value);
    return new TransactionIntent(copy);
  }

  /** A copy with one more (or a replaced) list field; the chain cannot change. */
  public TransactionIntent with(String name, List<String> values) {
    if (name.equals("chain")) {
      throw new IllegalArgumentException("the chain of an intent cannot change");
    }
    TreeMap<String, Object> copy = new TreeMap<>(fields);
    copy.put(name, List.copyOf(values));
    return new TransactionIntent(copy);
  }

  /** Canonical JSON: keys sorted, no whitespace. */
  public String toJson() {
    JsonObject o = new JsonObject();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (e.getValue() instanceof List<?> l) {
        JsonArray a = new JsonArray();
        l.forEach(item -> a.add(new JsonPrimitive((String) item)));
        o.add(e.getKey(), a);
      } else {
        o.addProperty(e.getKey(), (String) e.getValue());
      }
    }
    return o.toString();
  }

  /** SHA-256 of {@link #toJson()}: names the intent in a signing session. */
  public byte[] digest() {
    try {
      return MessageDigest.getInstance("SHA-256").digest(toJson().getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransactionIntent t && fields.equals(t.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** Builds an intent field by field (the CLI's flags). */
  public static final class Builder {
    private final TreeMap<String, Object> fields = new TreeMap<>();

    /** Sets a field; a null value leaves it out. */
    public Builder put(String name, String value) {
      if (value != null) {
        fields.put(name, value);
      }
      return this;
    }

    /** Sets a list field; a null or empty list leaves it out. */
    public Builder put(String name, List<String> values) {
      if (values != null && !values.isEmpty()) {
        fields.put(name, List.copyOf(values));
      }
      return this;
    }

    public TransactionIntent build() {
      return new TransactionIntent(new TreeMap<>(fields));
    }
  }
}
