package dev.keyshard.vault.vult;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.keyshard.vault.vult.proto.Vault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real Vultisig backups under {@code vectors/vultisig} (see its SOURCE.md). Test-only. */
public final class Fixtures {
  public static final Path DIR = Path.of("src/test/resources/vectors/vultisig");
  public static final char[] PASSWORD = "Password123!".toCharArray();
  public static final String[] FILES = {
    "cfa0-share1of2.password.vult", "cfa0-share2of2.vult",
    "44fd-share1of2-server.password.vult", "44fd-share2of2.password.vult"
  };

  private Fixtures() {}

  public static String text(String file) throws IOException {
    return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
  }

  public static Vault vault(String file) throws Exception {
    return VultFile.decode(text(file), file.contains("password") ? PASSWORD : null);
  }

  /** The {@code vault} object of {@code <tag>-expected.json}. */
  public static JsonObject expected(String tag) throws IOException {
    return JsonParser.parseString(Files.readString(DIR.resolve(tag + "-expected.json")))
        .getAsJsonObject().getAsJsonObject("vault");
  }
}
