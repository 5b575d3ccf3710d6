package dev.keyshard.relay;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's JSON, read strictly and written as vultisig-relay writes it (Go's
 * {@code encoding/json} with {@code omitempty} on all message fields but {@code hash} and
 * {@code sequence_no}).
 */
final class RelayJson {
  static final int MAX_IDS = 64;

  private RelayJson() {}

  /** A JSON array of party ids. */
  static List<String> ids(String body) throws BadRequestException {
    JsonElement e = parse(body);
    if (!e.isJsonArray()) {
      throw new BadRequestException("expected a JSON array of party ids");
    }
    JsonArray a = e.getAsJsonArray();
    if (a.size() > MAX_IDS) {
      throw new BadRequestException("more than " + MAX_IDS + " party ids");
    }
    List<String> out = new ArrayList<>();
    for (JsonElement x : a) {
      out.add(Ids.party(string(x, "party id")));
    }
    return out;
  }

  /** A message body {@code {session_id, from, to[], body, hash, sequence_no}}. */
  static RelayMessage message(String body) throws BadRequestException {
    JsonElement e = parse(body);
    if (!e.isJsonObject()) {
      throw new BadRequestException("expected a JSON message object");
    }
    JsonObject o = e.getAsJsonObject();
    String sessionId = o.has("session_id") ? string(o.get("session_id"), "session_id") : "";
    String from = Ids.party(string(o.get("from"), "from"));
    if (!o.has("to") || !o.get("to").isJsonArray() || o.getAsJsonArray("to").isEmpty()) {
      throw new BadRequestException("'to' must be a non-empty array of party ids");
    }
    JsonArray toArray = o.getAsJsonArray("to");
    if (toArray.size() > MAX_IDS) {
      throw new BadRequestException("more than " + MAX_IDS + " recipients");
    }
    List<String> to = new ArrayList<>();
    for (JsonElement x : toArray) {
      to.add(Ids.party(string(x, "recipient")));
    }
    String text = o.has("body") ? string(o.get("body"), "body") : "";
    String hash = Ids.hash(string(o.get("hash"), "hash"));
    long seq = 0;
    if (o.has("sequence_no")) {
      JsonElement s = o.get("sequence_no");
      if (!s.isJsonPrimitive() || !s.getAsJsonPrimitive().isNumber()) {
        throw new BadRequestException("'sequence_no' must be a number");
      }
      try {
        seq = s.getAsJsonPrimitive().getAsBigDecimal().longValueExact();
      } catch (ArithmeticException ex) {
        throw new BadRequestException("'sequence_no' must be a whole number");
      }
      if (seq < 0) {
        throw new BadRequestException("'sequence_no' must not be negative");
      }
    }
    return new RelayMessage(sessionId, from, to, text, hash, seq);
  }

  static String write(List<RelayMessage> messages) {
    JsonArray a = new JsonArray();
    for (RelayMessage m : messages) {
      JsonObject o = new JsonObject();
      if (!m.sessionId().isEmpty()) {
        o.addProperty("session_id", m.sessionId());
      }
      o.addProperty("from", m.from());
      JsonArray to = new JsonArray();
      m.to().forEach(to::add);
      o.add("to", to);
      if (!m.body().isEmpty()) {
        o.addProperty("body", m.body());
      }
      o.addProperty("hash", m.hash());
      o.add("sequence_no", new JsonPrimitive(m.sequenceNo()));
      a.add(o);
    }
    return a.toString();
  }

  static String writeIds(List<String> ids) {
    JsonArray a = new JsonArray();
    ids.forEach(a::add);
    return a.toString();
  }

  private static JsonElement parse(String body) throws BadRequestException {
    try {
      JsonElement e = JsonParser.parseString(body);
      if (e == null || e.isJsonNull()) {
        throw new BadRequestException("empty body");
      }
      return e;
    } catch (JsonParseException | IllegalStateException e) {
      throw new BadRequestException("malformed JSON");
    }
  }

  private static String string(JsonElement e, String what) throws BadRequestException {
    if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
      throw new BadRequestException("'" + what + "' must be a string");
    }
    return e.getAsString();
  }
}
