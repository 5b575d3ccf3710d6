package dev.keyshard.vault.keystore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that a crash at any moment leaves the old file or the new one, never a mix:
 * the bytes go to a temporary file in the same directory (mode 600), are forced to disk, and the
 * temporary file is then renamed over the target (or linked to it, when the target must not exist
 * yet), and the directory is forced so the rename itself survives a power cut.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Owner read/write only: shares are nobody else's business. */
  public static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-------");
  /** Owner only, for the keystore directories. */
  public static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");

  /**
   * Creates {@code target} holding {@code bytes}.
   *
   * @throws FileAlreadyExistsException when {@code target} exists; it is left as it was
   */
  public static void writeNew(Path target, byte[] bytes) throws IOException {
    Path tmp = writeTemp(target, bytes);
    try {
      try {
        // link(2) fails when the name exists, so two writers cannot both win.
        Files.createLink(target, tmp);
      } catch (UnsupportedOperationException | FileSystemException e) {
        if (e instanceof FileAlreadyExistsException already) {
          throw already;
        }
        // No hard links here (some mounted file systems): check, then rename.
        if (Files.exists(target)) {
          throw new FileAlreadyExistsException(target.toString());
        }
        move(tmp, target);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    forceDirectory(target);
  }

  /** Replaces {@code target} (or creates it) with {@code bytes}, atomically. */
  public static void replace(Path target, byte[] bytes) throws IOException {
    Path tmp = writeTemp(target, bytes);
    try {
      move(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
    forceDirectory(target);
  }

  /** Creates {@code dir} and its missing parents; new ones get mode 700. */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (parent != null) {
      createDirectories(parent);
    }
    try {
      Files.createDirectory(dir, posix(DIR_MODE));
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    }
  }

  private static Path writeTemp(Path target, byte[] bytes) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".keyshard-", ".tmp", posix(FILE_MODE));
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    return tmp;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void forceDirectory(Path file) {
    try (FileChannel dir = FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException ignored) {
      // Some file systems cannot open a directory; the rename is still atomic there.
    }
  }

  private static FileAttribute<?>[] posix(Set<PosixFilePermission> mode) {
    boolean posix = java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)}
        : new FileAttribute<?>[0];
  }
}
