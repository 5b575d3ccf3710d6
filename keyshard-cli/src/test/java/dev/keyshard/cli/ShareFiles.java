package dev.keyshard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A 2-of-3 vault made by {@code keyshard keygen} into share files under one password file: the
 * local vault the send tests sign with.
 *
 * @param made the keygen's {@code --json} answer (public keys, chain code, share paths)
 */
record ShareFiles(Path password, List<String> shares, JsonObject made) {
  static ShareFiles keygen(Path dir, String vaultName) throws IOException {
    Path pw = Files.writeString(dir.resolve("pw"), "Password123!\n");
    CliRun k = CliRun.of("keygen", "--vault", vaultName, "-t", "2", "-n", "3", "--out",
        dir.resolve("shares").toString(), "--password-file", pw.toString(), "--json");
    assertEquals(0, k.exitCode(), k.err());
    JsonObject made = JsonParser.parseString(k.out()).getAsJsonObject();
    List<String> shares = new ArrayList<>();
    made.getAsJsonArray("shares").forEach(s -> shares.add(s.getAsString()));
    return new ShareFiles(pw, List.copyOf(shares), made);
  }

  /** The vault's address on {@code chain}, as {@code keyshard address} prints it. */
  String address(String chain) {
    CliRun a = CliRun.of("address", "--vault", shares.get(0), "--chain", chain,
        "--password-file", password.toString());
    assertEquals(0, a.exitCode(), a.err());
    return a.out().strip();
  }
}
