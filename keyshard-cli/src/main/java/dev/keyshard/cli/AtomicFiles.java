package dev.keyshard.cli;

import dev.keyshard.vault.keystore.AtomicFile;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of new files all-or-nothing: each one atomically ({@link AtomicFile#writeNew}, mode
 * 600), none over an existing file, and if any write fails, the ones this call made are removed,
 * so a failed key generation never leaves a partial set of shares behind.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void writeAll(Map<Path, byte[]> files) throws IOException {
    for (Path p : files.keySet()) {
      if (Files.exists(p)) {
        throw new FileAlreadyExistsException(p + " already exists; refusing to overwrite a share");
      }
    }
    List<Path> placed = new ArrayList<>();
    try {
      for (Map.Entry<Path, byte[]> e : files.entrySet()) {
        AtomicFile.writeNew(e.getKey(), e.getValue());
        placed.add(e.getKey());
      }
    } catch (IOException | RuntimeException e) {
      for (Path p : placed) {
        Files.deleteIfExists(p);
      }
      throw e;
    }
  }
}
