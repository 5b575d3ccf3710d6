package dev.keyshard.chains.evm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * RLP against the Ethereum Foundation's vectors (ethereum/tests RLPTests, see
 * vectors/ethereum/SOURCE.md): every valid vector encodes to its published bytes and decodes back
 * to the same structure; every invalid one is refused by the decoder.
 */
class RlpVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesAndDecodesEveryValidVector() throws Exception {
    JsonObject vectors = load("rlptest.json");
    assertEquals(28, vectors.size());
    for (Map.Entry<String, JsonElement> v : vectors.entrySet()) {
      JsonObject t = v.getValue().getAsJsonObject();
      byte[] expected = hex(t.get("out").getAsString());
      byte[] encoded = encode(t.get("in"));
      assertArrayEquals(expected, encoded, v.getKey());
      RlpItem decoded = RlpDecoder.decode(expected);
      assertArrayEquals(expected, reencode(decoded), v.getKey() + " round trip");
      assertEquals(shape(t.get("in")), shape(decoded), v.getKey() + " structure");
    }
  }

  @Test
  void refusesEveryInvalidVector() throws Exception {
    JsonObject vectors = load("invalidRLPTest.json");
    assertEquals(17, vectors.size());
    for (Map.Entry<String, JsonElement> v : vectors.entrySet()) {
      byte[] bad = hex(v.getValue().getAsJsonObject().get("out").getAsString());
      assertThrows(RlpException.class, () -> RlpDecoder.decode(bad), v.getKey());
    }
  }

  @Test
  void refusesTrailingBytesAndNonCanonicalScalars() throws Exception {
    assertThrows(RlpException.class, () -> RlpDecoder.decode(hex("8080")));
    assertThrows(RlpException.class, () -> RlpDecoder.decode(new byte[0]));
    RlpItem.Bytes leadingZero = (RlpItem.Bytes) RlpDecoder.decode(hex("820001"));
    assertThrows(RlpException.class, leadingZero::scalar);
    assertEquals(BigInteger.valueOf(1000), ((RlpItem.Bytes) RlpDecoder.decode(hex("8203e8"))).scalar());
  }

  /** The vector's "in": strings are UTF-8 bytes, "#…" big integers, numbers scalars, arrays lists. */
  private static byte[] encode(JsonElement in) {
    if (in.isJsonArray()) {
      List<byte[]> items = new ArrayList<>();
      in.getAsJsonArray().forEach(e -> items.add(encode(e)));
      return Rlp.list(items);
    }
    if (in.getAsJsonPrimitive().isNumber()) {
      return Rlp.scalar(in.getAsBigInteger());
    }
    String s = in.getAsString();
    if (s.startsWith("#")) {
      return Rlp.scalar(new BigInteger(s.substring(1)));
    }
    return Rlp.bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] reencode(RlpItem item) {
    if (item instanceof RlpItem.Bytes b) {
      return Rlp.bytes(b.value());
    }
    List<byte[]> items = new ArrayList<>();
    ((RlpItem.Items) item).items().forEach(i -> items.add(reencode(i)));
    return Rlp.list(items);
  }

  /** Lists as nested brackets, byte strings as hex: compares a decoded item with its "in". */
  private static String shape(JsonElement in) {
    if (in.isJsonArray()) {
      List<String> parts = new ArrayList<>();
      in.getAsJsonArray().forEach(e -> parts.add(shape(e)));
      return "[" + String.join(",", parts) + "]";
    }
    byte[] encoded = encode(in);
    try {
      return ((RlpItem.Bytes) RlpDecoder.decode(encoded)).toString();
    } catch (RlpException e) {
      throw new AssertionError(e);
    }
  }

  private static String shape(RlpItem item) {
    if (item instanceof RlpItem.Bytes b) {
      return b.toString();
    }
    List<String> parts = new ArrayList<>();
    ((RlpItem.Items) item).items().forEach(i -> parts.add(shape(i)));
    return "[" + String.join(",", parts) + "]";
  }

  static byte[] hex(String s) {
    return HEX.parseHex(s.startsWith("0x") ? s.substring(2) : s);
  }

  private static JsonObject load(String name) throws IOException {
    try (InputStream in = RlpVectorsTest.class.getResourceAsStream("/vectors/ethereum/" + name)) {
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    }
  }
}
