package dev.keyshard.relay;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link RelayMessage} as {@link RedisRelayStore} keeps it: JSON with every field, always in
 * the order {@code session_id, from, to, body, hash, sequence_no}, so instances of any version
 * write the same bytes for the same message.
 */
final class StoredMessageJson {
  private StoredMessageJson() {}

  static String write(RelayMessage m) {
    JsonObject o = new JsonObject();
    o.addProperty("session_id", m.sessionId());
    o.addProperty("from", m.from());
    JsonArray to = new JsonArray();
    m.to().forEach(to::add);
    o.add("to", to);
    o.addProperty("body", m.body());
    o.addProperty("hash", m.hash());
    o.addProperty("sequence_no", m.sequenceNo());
    return o.toString();
  }

  static RelayMessage read(String json) {
    try {
      JsonObject o = JsonParser.parseString(json).getAsJsonObject();
      List<String> to = new ArrayList<>();
      for (JsonElement e : o.getAsJsonArray("to")) {
        to.add(e.getAsString());
      }
      return new RelayMessage(o.get("session_id").getAsString(), o.get("from").getAsString(), to,
          o.get("body").getAsString(), o.get("hash").getAsString(),
          o.get("sequence_no").getAsLong());
    } catch (RuntimeException e) {
      // No cause: a parser's message may quote the stored body.
      throw new RelayStoreException("a stored relay message is not valid", null);
    }
  }
}
