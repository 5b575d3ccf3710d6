package dev.keyshard.relay;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one JSON codec for vultisig-relay messages {@code {session_id, from, to[], body, hash,
 * sequence_no}} and party-id lists, shared by the server ({@code RelayRoutes}), the Redis store
 * and {@code RelayClient}. Gson's streaming reader and writer: no element tree, one pass.
 *
 * <ul>
 *   <li>{@link #readPosted}: a {@code POST /message} body, read strictly — {@code from}, a
 *       non-empty {@code to} (at most {@value #MAX_IDS}) and {@code hash} required and checked as
 *       ids; {@code session_id}, {@code body} optional strings; {@code sequence_no} optional, a
 *       whole non-negative number. Unknown fields are ignored, as Go's {@code encoding/json} does.
 *   <li>{@link #writeQueue} / {@link #readQueue}: a {@code GET /message} answer as vultisig-relay
 *       writes it (Go's {@code omitempty} on every field but {@code hash} and {@code sequence_no}),
 *       and read back with those defaults.
 *   <li>{@link #write} / {@link #readStored}: one message with every field, always in the order
 *       above — what a client posts and what {@link RedisRelayStore} keeps, so every instance
 *       writes the same bytes for the same message.
 * </ul>
 */
public final class RelayMessageJson {
  /** Most party ids in one list or one message's {@code to}. */
  public static final int MAX_IDS = 64;

  private RelayMessageJson() {}

  /** A posted message, checked as the relay checks it. */
  public static RelayMessage readPosted(String json) throws MalformedRelayJsonException {
    JsonReader r = reader(json);
    try {
      if (r.peek() != JsonToken.BEGIN_OBJECT) {
        throw new MalformedRelayJsonException("expected a JSON message object");
      }
      RelayMessage m = readObject(r, true);
      end(r);
      return m;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw malformed();
    }
  }

  /** A queue as a relay answers {@code GET /message}: a JSON array of messages (blank: none). */
  public static List<RelayMessage> readQueue(String json) throws MalformedRelayJsonException {
    if (json.isBlank()) {
      return List.of();
    }
    JsonReader r = reader(json);
    try {
      List<RelayMessage> out = new ArrayList<>();
      r.beginArray();
      while (r.hasNext()) {
        out.add(readObject(r, false));
      }
      r.endArray();
      end(r);
      return out;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw malformed();
    }
  }

  /** A message as {@link #write} wrote it; unchecked input is a bug or a corrupted store. */
  public static RelayMessage readStored(String json) throws MalformedRelayJsonException {
    JsonReader r = reader(json);
    try {
      RelayMessage m = readObject(r, false);
      end(r);
      return m;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      throw malformed();
    }
  }

  /** Every field, in the fixed order. */
  public static String write(RelayMessage m) {
    StringWriter out = new StringWriter(m.body().length() + 128);
    try (JsonWriter w = new JsonWriter(out)) {
      w.beginObject();
      w.name("session_id").value(m.sessionId());
      w.name("from").value(m.from());
      writeIds(w.name("to"), m.to());
      w.name("body").value(m.body());
      w.name("hash").value(m.hash());
      w.name("sequence_no").value(m.sequenceNo());
      w.endObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A queue as vultisig-relay writes it: empty strings and lists left out. */
  public static String writeQueue(List<RelayMessage> messages) {
    List<byte[]> entries = new ArrayList<>(messages.size());
    for (RelayMessage m : messages) {
      entries.add(writeQueueEntry(m));
    }
    return new String(joinQueue(entries), StandardCharsets.UTF_8);
  }

  /**
   * One message of a {@link #writeQueue} answer, as UTF-8: what a store can keep ready, so that a
   * read copies bytes instead of encoding every message again ({@link #joinQueue}).
   */
  public static byte[] writeQueueEntry(RelayMessage m) {
    // Straight to UTF-8 in one array of the exact size (a relay encodes every posted message):
    // the same bytes as Gson's JsonWriter, which writes the other answers.
    byte[] session = m.sessionId().isEmpty() ? null : utf8(m.sessionId());
    byte[] from = m.from().isEmpty() ? null : utf8(m.from());
    byte[][] to = new byte[m.to().size()][];
    int size = 0;
    for (int i = 0; i < to.length; i++) {
      to[i] = utf8(m.to().get(i));
      size += to[i].length + 3; // quotes and a comma or the closing bracket
    }
    byte[] body = m.body().isEmpty() ? null : utf8(m.body());
    byte[] hash = utf8(m.hash());
    byte[] seq = Long.toString(m.sequenceNo()).getBytes(StandardCharsets.US_ASCII);
    size += (session == null ? 0 : SESSION_ID.length + session.length + 2)
        + (from == null ? 0 : FROM.length + from.length + 2)
        + (to.length == 0 ? 0 : TO.length)
        + (body == null ? 0 : BODY.length + body.length + 2)
        + HASH.length + hash.length + 2 + SEQUENCE_NO.length + seq.length + 1;
    // One '{' or ',' before each name.
    size += 2 + (session == null ? 0 : 1) + (from == null ? 0 : 1) + (to.length == 0 ? 0 : 1)
        + (body == null ? 0 : 1);
    byte[] out = new byte[size];
    Writer w = new Writer(out);
    if (session != null) {
      w.field(SESSION_ID, session);
    }
    if (from != null) {
      w.field(FROM, from);
    }
    if (to.length > 0) {
      w.name(TO);
      for (int i = 0; i < to.length; i++) {
        w.quoted(to[i]);
        w.put(i == to.length - 1 ? ']' : ',');
      }
    }
    if (body != null) {
      w.field(BODY, body);
    }
    w.field(HASH, hash);
    w.name(SEQUENCE_NO);
    w.put(seq);
    w.put('}');
    return out;
  }

  private static final byte[] SESSION_ID = ascii("\"session_id\":");
  private static final byte[] FROM = ascii("\"from\":");
  private static final byte[] TO = ascii("\"to\":[");
  private static final byte[] BODY = ascii("\"body\":");
  private static final byte[] HASH = ascii("\"hash\":");
  private static final byte[] SEQUENCE_NO = ascii("\"sequence_no\":");

  /** Writes one entry into its exact-size array: each name follows '{' or ','. */
  private static final class Writer {
    private final byte[] out;
    private int at;

    Writer(byte[] out) {
      this.out = out;
    }

    void name(byte[] quotedName) {
      put(at == 0 ? '{' : ',');
      put(quotedName);
    }

    void field(byte[] quotedName, byte[] escapedValue) {
      name(quotedName);
      quoted(escapedValue);
    }

    void quoted(byte[] escaped) {
      put('"');
      put(escaped);
      put('"');
    }

    void put(char c) {
      out[at++] = (byte) c;
    }

    void put(byte[] b) {
      System.arraycopy(b, 0, out, at, b.length);
      at += b.length;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A string's JSON escape ({@link #escape}) as UTF-8, without the quotes. Most strings need no
   * escape (bodies are base64): their UTF-8 bytes are scanned for the few that would, a tighter
   * loop than one over the characters.
   */
  private static byte[] utf8(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < b.length; i++) {
      int c = b[i];
      // Controls, '"' and '\'; and 0xE2, which leads the UTF-8 of U+2028 and U+2029.
      if ((c >= 0 && c < 0x20) || c == '"' || c == '\\' || c == (byte) 0xE2) {
        return escape(s).getBytes(StandardCharsets.UTF_8);
      }
    }
    return b;
  }

  /** A JSON string escaped as Gson's JsonWriter escapes it (not HTML-safe). */
  private static String escape(String s) {
    int i = 0;
    while (i < s.length() && !needsEscape(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\f' -> b.append("\\f");
        default -> {
          if (needsEscape(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\' || c == '\u2028' || c == '\u2029';
  }

  /** The {@link #writeQueue} answer made of entries from {@link #writeQueueEntry}, in order. */
  public static byte[] joinQueue(List<byte[]> entries) {
    int size = 1 + Math.max(1, entries.size());
    for (byte[] e : entries) {
      size += e.length;
    }
    byte[] out = new byte[size];
    out[0] = '[';
    int at = 1;
    for (byte[] e : entries) {
      if (at > 1) {
        out[at++] = ',';
      }
      System.arraycopy(e, 0, out, at, e.length);
      at += e.length;
    }
    out[at] = ']';
    return out;
  }

  /**
   * A JSON array of party ids (a join, a committee), each checked as an id.
   *
   * @throws MalformedRelayJsonException for anything else, or more than {@value #MAX_IDS} ids
   */
  public static List<String> readIds(String json) throws MalformedRelayJsonException {
    JsonReader r = reader(json);
    try {
      if (r.peek() != JsonToken.BEGIN_ARRAY) {
        throw new MalformedRelayJsonException("expected a JSON array of party ids");
      }
      List<String> ids = readIdArray(r, "party id", "party ids");
      end(r);
      return ids;
    } catch (IOException | IllegalStateException e) {
      throw malformed();
    }
  }

  /** A JSON array of strings. */
  public static String writeIds(List<String> ids) {
    StringWriter out = new StringWriter();
    try (JsonWriter w = new JsonWriter(out)) {
      writeIds(w, ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static RelayMessage readObject(JsonReader r, boolean posted)
      throws IOException, MalformedRelayJsonException {
    String sessionId = "";
    String from = null;
    List<String> to = null;
    String body = "";
    String hash = null;
    long seq = 0;
    r.beginObject();
    while (r.hasNext()) {
      switch (r.nextName()) {
        case "session_id" -> sessionId = string(r, "session_id");
        case "from" -> from = string(r, "from");
        case "to" -> {
          if (r.peek() != JsonToken.BEGIN_ARRAY) {
            throw new MalformedRelayJsonException("'to' must be a non-empty array of party ids");
          }
          to = readIdArray(r, "recipient", "recipients");
        }
        case "body" -> body = string(r, "body");
        case "hash" -> hash = string(r, "hash");
        case "sequence_no" -> seq = sequenceNo(r);
        default -> r.skipValue();
      }
    }
    r.endObject();
    if (posted) {
      if (from == null) {
        throw new MalformedRelayJsonException("'from' must be a string");
      }
      from = id(from, false);
      if (to == null || to.isEmpty()) {
        throw new MalformedRelayJsonException("'to' must be a non-empty array of party ids");
      }
      if (hash == null) {
        throw new MalformedRelayJsonException("'hash' must be a string");
      }
      hash = id(hash, true);
    } else if (hash == null) {
      throw new MalformedRelayJsonException("a relay message without 'hash'");
    }
    return new RelayMessage(sessionId, from == null ? "" : from, to == null ? List.of() : to, body,
        hash, seq);
  }

  private static List<String> readIdArray(JsonReader r, String what, String plural)
      throws IOException, MalformedRelayJsonException {
    List<String> ids = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      if (ids.size() == MAX_IDS) {
        throw new MalformedRelayJsonException("more than " + MAX_IDS + " " + plural);
      }
      ids.add(id(string(r, what), false));
    }
    r.endArray();
    return ids;
  }

  private static long sequenceNo(JsonReader r) throws IOException, MalformedRelayJsonException {
    if (r.peek() != JsonToken.NUMBER) {
      throw new MalformedRelayJsonException("'sequence_no' must be a number");
    }
    long seq;
    try {
      seq = new BigDecimal(r.nextString()).longValueExact();
    } catch (ArithmeticException e) {
      throw new MalformedRelayJsonException("'sequence_no' must be a whole number");
    }
    if (seq < 0) {
      throw new MalformedRelayJsonException("'sequence_no' must not be negative");
    }
    return seq;
  }

  private static String string(JsonReader r, String what)
      throws IOException, MalformedRelayJsonException {
    if (r.peek() != JsonToken.STRING) {
      throw new MalformedRelayJsonException("'" + what + "' must be a string");
    }
    return r.nextString();
  }

  private static String id(String s, boolean hash) throws MalformedRelayJsonException {
    try {
      return hash ? Ids.hash(s) : Ids.party(s);
    } catch (BadRequestException e) {
      throw new MalformedRelayJsonException(e.getMessage());
    }
  }

  private static void writeIds(JsonWriter w, List<String> ids) throws IOException {
    w.beginArray();
    for (String id : ids) {
      w.value(id);
    }
    w.endArray();
  }

  private static JsonReader reader(String json) throws MalformedRelayJsonException {
    if (json == null || json.isBlank()) {
      throw new MalformedRelayJsonException("empty body");
    }
    JsonReader r = new JsonReader(new StringReader(json));
    // As Gson's JsonParser, which the relay used before: lenient about what it reads.
    r.setStrictness(Strictness.LENIENT);
    return r;
  }

  private static void end(JsonReader r) throws IOException, MalformedRelayJsonException {
    if (r.peek() != JsonToken.END_DOCUMENT) {
      throw malformed();
    }
  }

  private static MalformedRelayJsonException malformed() {
    return new MalformedRelayJsonException("malformed JSON");
  }
}
