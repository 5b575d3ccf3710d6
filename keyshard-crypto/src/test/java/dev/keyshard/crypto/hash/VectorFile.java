package dev.keyshard.crypto.hash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.util.encoders.Hex;

/**
 * Reads the plain-text vector files under {@code src/test/resources/vectors/}: blocks separated by
 * blank lines, one {@code key = value} per line, {@code #} comments. The RFCs print their vectors
 * this way, so the files stay diffable against the source.
 */
public final class VectorFile {
  private VectorFile() {}

  /** The blocks of the resource {@code /vectors/<path>}, in file order. */
  public static List<Map<String, String>> read(String path) {
    InputStream in = VectorFile.class.getResourceAsStream("/vectors/" + path);
    if (in == null) {
      throw new IllegalArgumentException("no vector file " + path);
    }
    List<Map<String, String>> blocks = new ArrayList<>();
    Map<String, String> current = new LinkedHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#")) {
          continue;
        }
        if (line.isBlank()) {
          if (!current.isEmpty()) {
            blocks.add(current);
            current = new LinkedHashMap<>();
          }
          continue;
        }
        int eq = line.indexOf('=');
        if (eq < 0) {
          throw new IllegalStateException("malformed line in " + path + ": " + line);
        }
        current.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!current.isEmpty()) {
      blocks.add(current);
    }
    return blocks;
  }

  public static byte[] hex(Map<String, String> block, String key) {
    String v = block.get(key);
    if (v == null) {
      throw new IllegalArgumentException("missing key " + key);
    }
    return Hex.decode(v);
  }
}
