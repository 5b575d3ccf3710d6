package dev.keyshard.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of files all-or-nothing: each to a temporary file in the target directory (mode 600,
 * fsync), then renamed into place. Existing files are never overwritten, and if anything fails,
 * everything this call wrote is removed.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  static void writeAll(Map<Path, String> files) throws IOException {
    for (Path p : files.keySet()) {
      if (Files.exists(p)) {
        throw new FileAlreadyExistsException(p + " already exists; refusing to overwrite a share");
      }
    }
    Map<Path, Path> temps = new LinkedHashMap<>();
    List<Path> placed = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> e : files.entrySet()) {
        Path dir = e.getKey().toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".keyshard-", ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        temps.put(e.getKey(), tmp);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          ByteBuffer buf = ByteBuffer.wrap(e.getValue().getBytes(StandardCharsets.UTF_8));
          while (buf.hasRemaining()) {
            ch.write(buf);
          }
          ch.force(true);
        }
      }
      for (Map.Entry<Path, Path> e : temps.entrySet()) {
        try {
          Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException ex) {
          Files.move(e.getValue(), e.getKey());
        }
        placed.add(e.getKey());
      }
      fsyncDirectories(files.keySet());
    } catch (IOException | RuntimeException e) {
      for (Path t : temps.values()) {
        Files.deleteIfExists(t);
      }
      for (Path p : placed) {
        Files.deleteIfExists(p);
      }
      throw e;
    }
  }

  private static void fsyncDirectories(Iterable<Path> files) {
    for (Path p : files) {
      try (FileChannel dir = FileChannel.open(p.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      } catch (IOException ignored) {
        // Some file systems cannot open directories; the renames are still atomic.
      }
    }
  }
}
