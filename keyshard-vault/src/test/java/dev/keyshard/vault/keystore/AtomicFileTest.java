package dev.keyshard.vault.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void writeNewCreatesAFileOnlyTheOwnerReads() throws Exception {
    Path f = dir.resolve("a");
    AtomicFile.writeNew(f, new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(1, count());
  }

  @Test
  void writeNewNeverOverwrites() throws Exception {
    Path f = dir.resolve("a");
    Files.write(f, new byte[] {9});
    assertThrows(FileAlreadyExistsException.class, () -> AtomicFile.writeNew(f, new byte[] {1}));
    assertArrayEquals(new byte[] {9}, Files.readAllBytes(f));
    assertEquals(1, count());
  }

  @Test
  void replaceSwapsTheWholeFile() throws Exception {
    Path f = dir.resolve("a");
    AtomicFile.writeNew(f, new byte[1000]);
    AtomicFile.replace(f, new byte[] {7});
    assertArrayEquals(new byte[] {7}, Files.readAllBytes(f));
    assertEquals(1, count());
  }

  @Test
  void aFailedWriteLeavesNoTemporaryFile() throws Exception {
    Path f = dir.resolve("missing-dir/a");
    assertThrows(java.io.IOException.class, () -> AtomicFile.writeNew(f, new byte[] {1}));
    assertEquals(0, count());
  }

  private long count() throws Exception {
    try (var s = Files.list(dir)) {
      return s.count();
    }
  }
}
