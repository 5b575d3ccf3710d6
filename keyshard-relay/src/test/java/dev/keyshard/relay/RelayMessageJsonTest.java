package dev.keyshard.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared codec against Gson's own tree parser (a reader we did not write) and against the
 * relay's rules for posted messages, one fault per case.
 */
class RelayMessageJsonTest {
  private static final RelayMessage M = new RelayMessage("s-1", "jp’s MacBook Air-EE5",
      List.of("b", "c d"), "QUJD\"\\</>\u2028", "h1", 7);

  @Test
  void writeHasEveryFieldInOrderAndGsonReadsItBack() {
    String json = RelayMessageJson.write(M);
    assertTrue(json.startsWith("{\"session_id\":\"s-1\",\"from\":"), json);
    JsonObject o = JsonParser.parseString(json).getAsJsonObject();
    assertEquals(List.of("session_id", "from", "to", "body", "hash", "sequence_no"),
        List.copyOf(o.keySet()));
    assertEquals(M.body(), o.get("body").getAsString());
    assertEquals(M.from(), o.get("from").getAsString());
    assertEquals(7, o.get("sequence_no").getAsLong());
  }

  @Test
  void roundTrips() throws Exception {
    assertEquals(M, RelayMessageJson.readStored(RelayMessageJson.write(M)));
    assertEquals(M, RelayMessageJson.readPosted(RelayMessageJson.write(M)));
    assertEquals(List.of(M, M), RelayMessageJson.readQueue(RelayMessageJson.writeQueue(List.of(M, M))));
    assertEquals(List.of("a", "b c"), RelayMessageJson.readIds(RelayMessageJson.writeIds(List.of("a", "b c"))));
  }

  @Test
  void queueLeavesOutEmptyFieldsAsGoOmitemptyDoes() throws Exception {
    RelayMessage bare = new RelayMessage("", "a", List.of("b"), "", "h", 0);
    JsonArray a = JsonParser.parseString(RelayMessageJson.writeQueue(List.of(bare))).getAsJsonArray();
    JsonObject o = a.get(0).getAsJsonObject();
    assertFalse(o.has("session_id"));
    assertFalse(o.has("body"));
    assertEquals(0, o.get("sequence_no").getAsInt());
    assertEquals(List.of(bare), RelayMessageJson.readQueue(a.toString()));
    assertEquals(List.of(), RelayMessageJson.readQueue(""));
    assertEquals("[]", RelayMessageJson.writeQueue(List.of()));
  }

  @Test
  void postedDefaultsAndUnknownFields() throws Exception {
    RelayMessage m = RelayMessageJson.readPosted(
        "{\"from\":\" a \",\"to\":[\"b\"],\"hash\":\"h\",\"extra\":{\"x\":[1,2]},\"sequence_no\":3.0}");
    assertEquals(new RelayMessage("", "a", List.of("b"), "", "h", 3), m);
  }

  @Test
  void postedFaultsAreRefusedNamingTheField() {
    String ok = "{\"from\":\"a\",\"to\":[\"b\"],\"hash\":\"h\",\"body\":\"x\",\"sequence_no\":1}";
    assertRefused(ok.replace("\"from\":\"a\",", ""), "'from' must be a string");
    assertRefused(ok.replace("\"to\":[\"b\"]", "\"to\":[]"), "'to' must be a non-empty array");
    assertRefused(ok.replace("\"to\":[\"b\"]", "\"to\":\"b\""), "'to' must be a non-empty array");
    assertRefused(ok.replace("\"hash\":\"h\",", ""), "'hash' must be a string");
    assertRefused(ok.replace("\"hash\":\"h\"", "\"hash\":\"h\\u0001\""), "control character");
    assertRefused(ok.replace("\"body\":\"x\"", "\"body\":5"), "'body' must be a string");
    assertRefused(ok.replace("1}", "-1}"), "must not be negative");
    assertRefused(ok.replace("1}", "1.5}"), "whole number");
    assertRefused(ok.replace("1}", "\"1\"}"), "must be a number");
    assertRefused(ok + "x", "malformed JSON");
    assertRefused(ok.substring(0, 20), "malformed JSON");
    assertRefused("[1]", "expected a JSON message object");
    assertRefused("  ", "empty body");
    String many = String.join(",", Collections.nCopies(RelayMessageJson.MAX_IDS + 1, "\"b\""));
    assertRefused(ok.replace("[\"b\"]", "[" + many + "]"), "more than 64 recipients");
  }

  @Test
  void idListsAreChecked() {
    assertThrows(MalformedRelayJsonException.class, () -> RelayMessageJson.readIds("{}"));
    assertThrows(MalformedRelayJsonException.class, () -> RelayMessageJson.readIds("[1]"));
    assertThrows(MalformedRelayJsonException.class, () -> RelayMessageJson.readIds("[\"\"]"));
    assertThrows(MalformedRelayJsonException.class, () -> RelayMessageJson.readStored("{\"from\":\"a\"}"));
  }

  private static void assertRefused(String json, String why) {
    MalformedRelayJsonException e = assertThrows(MalformedRelayJsonException.class,
        () -> RelayMessageJson.readPosted(json), json);
    assertTrue(e.getMessage().contains(why), e.getMessage());
    assertFalse(e.getMessage().contains("\"x\""), "the message quotes the input");
  }

  /**
   * The queue entries, encoded by hand for speed, are byte for byte what Gson's JsonWriter writes
   * (the relay's answers before they were), for every ASCII character, the separators Gson
   * escapes, non-ASCII text, surrogate pairs and a lone surrogate; and Gson's tree reads them.
   */
  @Test
  void queueEntriesAreWhatGsonsWriterWrites() throws Exception {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      every.append(c);
    }
    List<RelayMessage> cases = List.of(M,
        new RelayMessage("", "a", List.of("b"), "", "h", 0),
        new RelayMessage("s", "", List.of(), "x", "h", Long.MAX_VALUE),
        new RelayMessage(every.toString(), "\u00e9\u2028\u2029", List.of("\ud83d\ude00", "\ud83d", "a\"b"),
            every + "\u00ff\u0100\ufeff\ud83d\ude00 end", "h\\", 3));
    for (RelayMessage m : cases) {
      byte[] mine = RelayMessageJson.writeQueueEntry(m);
      assertEquals(gsonEntry(m), new String(mine, java.nio.charset.StandardCharsets.UTF_8));
      JsonObject o = JsonParser.parseString(new String(mine, java.nio.charset.StandardCharsets.UTF_8))
          .getAsJsonObject();
      assertEquals(m.hash(), o.get("hash").getAsString());
    }
    assertEquals("[" + gsonEntry(M) + "," + gsonEntry(cases.get(1)) + "]",
        RelayMessageJson.writeQueue(List.of(M, cases.get(1))));
    assertEquals("[]", RelayMessageJson.writeQueue(List.of()));
    // A changed character is seen.
    assertFalse(gsonEntry(M).equals(new String(RelayMessageJson.writeQueueEntry(
        new RelayMessage("s-1", "jp’s MacBook Air-EE5", List.of("b", "c d"), "QUJD\"\\</>\u2029",
            "h1", 7)), java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** The entry as Gson's streaming writer writes it, omitting empty fields (vultisig-relay). */
  private static String gsonEntry(RelayMessage m) throws Exception {
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.google.gson.stream.JsonWriter w = new com.google.gson.stream.JsonWriter(out)) {
      w.beginObject();
      if (!m.sessionId().isEmpty()) {
        w.name("session_id").value(m.sessionId());
      }
      if (!m.from().isEmpty()) {
        w.name("from").value(m.from());
      }
      if (!m.to().isEmpty()) {
        w.name("to").beginArray();
        for (String t : m.to()) {
          w.value(t);
        }
        w.endArray();
      }
      if (!m.body().isEmpty()) {
        w.name("body").value(m.body());
      }
      w.name("hash").value(m.hash());
      w.name("sequence_no").value(m.sequenceNo());
      w.endObject();
    }
    return new String(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
        java.nio.charset.StandardCharsets.UTF_8);
  }
}
