package dev.keyshard.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * Where a password comes from: {@code --password-file F} (its first line, for scripts), else a
 * prompt on the terminal (without echo). With neither, the command fails with a line saying how to
 * give one, rather than waiting on a closed input. A picocli mixin.
 *
 * <p>Passwords are returned as {@code char[]} for the caller to wipe; they are never logged.
 */
final class PasswordOption {
  /** A password file is one short line; anything larger is a mistake (a share, a key file). */
  static final int MAX_FILE_BYTES = 4096;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "Read the password from the first line of FILE instead of asking.")
  Path passwordFile;

  /**
   * The password for {@code purpose} (e.g. "the vault 'Savings'").
   *
   * @param confirm ask twice when prompting (choosing a new password)
   * @throws UserError when there is no password file and no terminal, the file cannot be read, or
   *     the password is empty
   */
  char[] read(String purpose, boolean confirm) {
    if (passwordFile != null) {
      return fromFile(passwordFile);
    }
    Console console = System.console();
    if (console == null) {
      throw new UserError("a password is needed for " + purpose
          + ": give --password-file FILE (no terminal to ask on)");
    }
    char[] first = console.readPassword("Password for %s: ", purpose);
    if (first == null || first.length == 0) {
      throw new UserError("no password given");
    }
    if (confirm) {
      char[] again = console.readPassword("Repeat the password: ");
      boolean same = again != null && Arrays.equals(first, again);
      if (again != null) {
        Arrays.fill(again, '\0');
      }
      if (!same) {
        Arrays.fill(first, '\0');
        throw new UserError("the two passwords differ");
      }
    }
    return first;
  }

  /** True when a password can be had without asking. */
  boolean fromFileGiven() {
    return passwordFile != null;
  }

  static char[] fromFile(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new UserError("password file " + file + " is larger than " + MAX_FILE_BYTES
            + " bytes; it should hold one line");
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UserError("cannot read password file " + file + ": " + e.getMessage());
    }
    try {
      int end = 0;
      while (end < bytes.length && bytes[end] != '\n' && bytes[end] != '\r') {
        end++;
      }
      if (end == 0) {
        throw new UserError("password file " + file + " is empty");
      }
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, end));
      char[] password = new char[chars.remaining()];
      chars.get(password);
      Arrays.fill(chars.array(), '\0');
      return password;
    } catch (CharacterCodingException e) {
      throw new UserError("password file " + file + " is not UTF-8 text");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
